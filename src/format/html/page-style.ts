/**
 * The reports' inline stylesheet: readable type in rem (so 200 % zoom reflows instead of
 * clipping), tables that scroll inside their own region, the charts' colours, and a print
 * stylesheet (each afdeling or boligområde on its own page, no controls, links written out).
 * Colours pass WCAG AA contrast; each state also carries ✓/✗/? and a word.
 */
export const PAGE_STYLE = `
:root { color-scheme: light; --tekst: #1a1a1a; --svag: #4a4a4a; --linje: #8a8a8a; --baggrund: #ffffff; --flade: #f3f3f3;
  --ja: #9b1c1c; --ja-flade: #fde8e8; --nej: #1d5e2b; --nej-flade: #e6f4ea; --ukendt: #6b4e00; --ukendt-flade: #fff4d6; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--tekst); background: var(--baggrund);
  margin: 0 auto; padding: 1rem 1.25rem 3rem; max-width: 80rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-top: 2px solid var(--linje); padding-top: 1rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; }
a { color: #0b4f9c; }
.meta { color: var(--svag); font-size: 0.9rem; }
.tabel-omraade { overflow-x: auto; max-width: 100%; }
.tabel-omraade:focus { outline: 2px solid #0b4f9c; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--flade); }
td.tal, th.tal { text-align: right; font-variant-numeric: tabular-nums; }
tr.aendret { background: var(--ukendt-flade); }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: left; }
th button::after { content: " \\2195"; content: " \\2195" / ""; color: var(--svag); }
th[aria-sort="ascending"] button::after { content: " \\2191"; content: " \\2191" / ""; }
th[aria-sort="descending"] button::after { content: " \\2193"; content: " \\2193" / ""; }
.filtre { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: end; margin: 0.75rem 0; }
.filtre label { display: flex; flex-direction: column; font-size: 0.9rem; font-weight: 600; }
select { font: inherit; padding: 0.2rem; }
.merke { display: inline-block; padding: 0 0.35rem; border-radius: 0.25rem; font-weight: 600; white-space: nowrap; }
.merke.ja { color: var(--ja); background: var(--ja-flade); }
.merke.nej { color: var(--nej); background: var(--nej-flade); }
.merke.ukendt { color: var(--ukendt); background: var(--ukendt-flade); }
.merke.neutral { color: var(--tekst); background: var(--flade); }
.merke.info { color: #0b3d7a; background: #e3edfa; }
details { margin: 0.25rem 0; }
details > summary { cursor: pointer; }
details.traee { border-left: 2px solid #c8c8c8; padding-left: 0.75rem; }
details.traee details, ul.traee { margin-left: 1rem; }
ul.traee { padding-left: 0.5rem; list-style: none; }
.kilde { color: var(--svag); font-size: 0.88rem; }
.udsnit { border: 1px solid #c8c8c8; border-radius: 0.3rem; padding: 0.5rem 1rem; margin: 1rem 0; }
svg { max-width: 100%; height: auto; }
svg.margin-bar { max-width: none; flex: none; }
svg .svg-tekst { fill: var(--tekst); font-size: 12px; font-family: inherit; }
svg .lille { font-size: 10px; }
svg .spor { fill: var(--flade); stroke: #c8c8c8; }
svg .bar-ja { fill: #c53030; } svg .bar-nej { fill: #2f855a; } svg .bar-ukendt { fill: #b7791f; }
svg .graense { stroke: var(--tekst); stroke-width: 2; stroke-dasharray: 3 2; }
svg .akse { stroke: #b0b0b0; stroke-width: 1; }
svg .tidslinje-bar { fill: #5a8fd0; } svg .tidslinje-bar.fremhaevet { fill: #c53030; }
svg .maerke { fill: var(--tekst); } svg .maerke-overskredet { fill: #c53030; stroke: var(--tekst); }
svg .idag { stroke: #0b4f9c; stroke-width: 2; }
svg .serie-0 { fill: #2b6cb0; } svg .serie-1 { fill: #c05621; } svg .serie-2 { fill: #2f855a; }
svg .serie-3 { fill: #6b46c1; } svg .serie-4 { fill: #b7791f; } svg .serie-5 { fill: #4a5568; }
svg .linje { fill: none; stroke-width: 2; }
svg .linje-0 { stroke: #2b6cb0; } svg .linje-1 { stroke: #c05621; } svg .linje-2 { stroke: #2f855a; }
svg .linje-3 { stroke: #6b46c1; } svg .linje-4 { stroke: #b7791f; } svg .linje-5 { stroke: #4a5568; }
.bar-celle { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .filtre, th button::after { display: none; }
  .tabel-omraade { overflow: visible; }
  .side { break-before: page; }
  h2 { border-top: 0; }
  tr, .udsnit, svg { break-inside: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--svag); }
  details > summary { list-style: none; }
}
`;
