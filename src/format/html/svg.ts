/**
 * The reports' charts as inline SVG, drawn by our own code: margin bars (a figure against
 * its threshold), timelines, stacked bars and line charts. Geometry is computed here from
 * plain numbers; colours come from classes the page's stylesheet defines, and every chart
 * carries its figures as text too (a label, a title, a table beside it), so colour is
 * never the only signal.
 */
import { type Html, html, join, raw } from './escape.js';

/** Rounds a coordinate to one decimal, for short markup. */
function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A decimal string or number as a float for drawing; undefined when it is not a finite number. */
export function drawable(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

/** Where a margin bar's bar ends and its threshold line stands, in pixels from the left. */
export interface BarGeometry {
  /** Length of the bar for the figure; undefined when the figure is missing. */
  readonly barWidth: number | undefined;
  /** Position of the threshold line. */
  readonly thresholdX: number;
  /** The figure the full width stands for. */
  readonly scale: number;
}

/**
 * The geometry of a margin bar `width` pixels wide: the scale runs from 0 to a quarter
 * beyond the larger of figure and threshold, so both lengths are proportional to their
 * numbers and the gap between bar end and line is how far the figure is from flipping.
 * Negative numbers are drawn as 0.
 */
export function barGeometry(value: number | undefined, threshold: number, width: number): BarGeometry {
  const top = Math.max(value ?? 0, threshold, 0);
  const scale = top === 0 ? 1 : top * 1.25;
  const at = (n: number) => (Math.max(n, 0) / scale) * width;
  return { barWidth: value === undefined ? undefined : at(value), thresholdX: at(threshold), scale };
}

/** One margin bar: the figure, its threshold, and whether the comparison held. */
export interface MarginBar {
  /** The figure; undefined when missing (the bar then says "ukendt"). */
  readonly value: number | undefined;
  readonly threshold: number;
  /** `true` udløst/opfyldt, `false` not, `null` unknown: the bar's class and its label. */
  readonly outcome: boolean | null;
  /** What the bar says to a screen reader, e.g. "6,2 pr. 1.000 beboere mod grænsen 5". */
  readonly label: string;
}

const BAR_WIDTH = 200;
const BAR_HEIGHT = 18;

/** A margin bar as inline SVG: a bar for the figure and a line at the threshold. */
export function marginBar(bar: MarginBar): Html {
  const g = barGeometry(bar.value, bar.threshold, BAR_WIDTH);
  const state = bar.outcome === null ? 'ukendt' : bar.outcome ? 'ja' : 'nej';
  const body =
    g.barWidth === undefined
      ? html`<text x="6" y="13" class="svg-tekst">ukendt</text>`
      : raw(`<rect class="bar bar-${state}" x="0" y="3" width="${px(g.barWidth)}" height="${BAR_HEIGHT - 6}"/>`);
  return html`<svg class="margin-bar" role="img" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" viewBox="0 0 ${BAR_WIDTH} ${BAR_HEIGHT}" aria-label="${bar.label}"><rect class="spor" x="0" y="0" width="${BAR_WIDTH}" height="${BAR_HEIGHT}"/>${body}${raw(`<line class="graense" x1="${px(g.thresholdX)}" x2="${px(g.thresholdX)}" y1="0" y2="${BAR_HEIGHT}"/>`)}</svg>`;
}

/** One bar of a timeline row, from start to end. */
export interface TimelineSpan {
  /** Start and end as ISO dates; an open end runs to the timeline's end. */
  readonly start: string;
  readonly end?: string;
  /** Highlighted (overdue, or on a list). */
  readonly highlight?: boolean;
  /** What the bar is, for its tooltip. */
  readonly label: string;
}

/** One row of a timeline: bars, with marks (deadlines) on them. */
export interface TimelineRow {
  readonly label: string;
  readonly spans: readonly TimelineSpan[];
  readonly marks?: readonly { readonly date: string; readonly label: string; readonly overdue?: boolean }[];
}

/** A timeline over whole years: one row per entry. */
export interface Timeline {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly rows: readonly TimelineRow[];
  /** A vertical line for a date (the "as of" date), with its label. */
  readonly today?: { readonly date: string; readonly label: string };
}

const DAY = 86_400_000;
const LABEL_WIDTH = 180;
const PLOT_WIDTH = 520;
const ROW_HEIGHT = 22;

/** The x position of an ISO date on a timeline from `from` to `to`, `width` pixels wide. */
export function dateX(date: string, from: string, to: string, width: number): number {
  const start = Date.parse(from);
  const span = Math.max(Date.parse(to) - start, DAY);
  return (Math.min(Math.max(Date.parse(date) - start, 0), span) / span) * width;
}

/** A timeline as inline SVG: a year axis, a labelled bar per row, diamonds for marks. */
export function timeline(t: Timeline): Html {
  const top = 20;
  const height = top + t.rows.length * ROW_HEIGHT + 6;
  const width = LABEL_WIDTH + PLOT_WIDTH + 10;
  const x = (d: string) => LABEL_WIDTH + dateX(d, t.from, t.to, PLOT_WIDTH);
  const years: Html[] = [];
  for (let y = Number(t.from.slice(0, 4)) + (t.from.slice(5) === '01-01' ? 0 : 1); y <= Number(t.to.slice(0, 4)); y++) {
    const at = x(`${y}-01-01`);
    years.push(raw(`<line class="akse" x1="${px(at)}" x2="${px(at)}" y1="${top - 4}" y2="${height}"/><text class="svg-tekst lille" x="${px(at + 2)}" y="12">${y}</text>`));
  }
  const rows = t.rows.map((r, i) => {
    const y = top + i * ROW_HEIGHT;
    const spans = r.spans.map((s) => {
      const x1 = x(s.start);
      const x2 = Math.max(x(s.end ?? t.to), x1 + 2);
      return html`<rect class="${s.highlight ? 'tidslinje-bar fremhaevet' : 'tidslinje-bar'}" x="${px(x1)}" y="${px(y + 5)}" width="${px(x2 - x1)}" height="${ROW_HEIGHT - 10}"><title>${s.label}</title></rect>`;
    });
    const marks = (r.marks ?? []).map((m) => {
      const mx = x(m.date);
      const cy = y + ROW_HEIGHT / 2;
      return html`<path class="${m.overdue ? 'maerke maerke-overskredet' : 'maerke'}" d="${raw(`M${px(mx)} ${px(cy - 7)}l6 7-6 7-6-7z`)}"><title>${m.label}</title></path>`;
    });
    return html`<g><text class="svg-tekst" x="0" y="${px(y + 15)}">${clip(r.label, 26)}</text>${spans}${marks}</g>`;
  });
  const today = t.today === undefined ? '' : html`<line class="idag" x1="${px(x(t.today.date))}" x2="${px(x(t.today.date))}" y1="${top - 4}" y2="${height}"><title>${t.today.label}</title></line>`;
  return html`<svg class="tidslinje" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-label="${t.label}"><title>${t.label}</title>${years}${rows}${today}</svg>`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** One stacked bar: a category (a year) and its segments in series order. */
export interface StackedCategory {
  readonly label: string;
  readonly values: readonly number[];
}

/** Horizontal stacked bars with a legend; the series' names are drawn beside their swatches. */
export interface StackedBars {
  readonly label: string;
  readonly series: readonly string[];
  readonly categories: readonly StackedCategory[];
}

/** The segments of one stacked bar as [x, width] pairs, proportional to the values, the largest total filling `width`. */
export function stackSegments(values: readonly number[], largestTotal: number, width: number): readonly (readonly [number, number])[] {
  const scale = largestTotal > 0 ? width / largestTotal : 0;
  let at = 0;
  return values.map((v) => {
    const w = Math.max(v, 0) * scale;
    const segment = [at, w] as const;
    at += w;
    return segment;
  });
}

/** Stacked bars as inline SVG, one row per category, a legend with the series' names below. */
export function stackedBars(s: StackedBars): Html {
  const labelWidth = 70;
  const plot = 480;
  const largest = Math.max(0, ...s.categories.map((c) => c.values.reduce((a, b) => a + Math.max(b, 0), 0)));
  const rows = s.categories.map((c, i) => {
    const y = i * 28;
    const segments = stackSegments(c.values, largest, plot).map(([x, w], k) => html`<rect class="${`serie serie-${k % 6}`}" x="${px(labelWidth + x)}" y="${y + 4}" width="${px(w)}" height="20"><title>${`${c.label}: ${s.series[k] ?? ''}`}</title></rect>`);
    return html`<text class="svg-tekst" x="0" y="${y + 19}">${c.label}</text>${segments}`;
  });
  const legendY = s.categories.length * 28 + 8;
  const legend = s.series.map((name, k) => {
    const y = legendY + k * 20;
    return html`<rect class="${`serie serie-${k % 6}`}" x="${labelWidth}" y="${y}" width="14" height="14"/><text class="svg-tekst" x="${labelWidth + 20}" y="${y + 12}">${name}</text>`;
  });
  const height = legendY + s.series.length * 20 + 4;
  const width = labelWidth + plot + 10;
  return html`<svg class="stablet" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-label="${s.label}"><title>${s.label}</title>${rows}${legend}</svg>`;
}

/** A line chart: counts (y) over a parameter's values (x), one line per series. */
export interface LineChart {
  readonly label: string;
  /** The x values' labels, in order; the points are spaced evenly. */
  readonly xs: readonly string[];
  readonly series: readonly { readonly label: string; readonly values: readonly number[] }[];
}

/** Point markers per series: a circle, a square, a triangle, … so lines differ by shape, not only colour. */
const MARKERS: readonly ((x: number, y: number) => string)[] = [
  (x, y) => `M${px(x - 4)} ${px(y)}a4 4 0 1 0 8 0a4 4 0 1 0-8 0z`,
  (x, y) => `M${px(x - 4)} ${px(y - 4)}h8v8h-8z`,
  (x, y) => `M${px(x)} ${px(y - 5)}l5 9h-10z`,
  (x, y) => `M${px(x)} ${px(y - 5)}l5 5-5 5-5-5z`,
];

/** The point positions of one series: x evenly spaced over `width`, y from 0 (bottom) to `top` (the top). */
export function linePoints(values: readonly number[], top: number, width: number, height: number): readonly (readonly [number, number])[] {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((v, i) => [i * step, height - (top > 0 ? (v / top) * height : 0)] as const);
}

/** A line chart as inline SVG with a y axis from 0 to the largest count and a legend. */
export function lineChart(c: LineChart): Html {
  const left = 40;
  const plotW = 480;
  const plotH = 160;
  const topPad = 10;
  const top = Math.max(1, ...c.series.flatMap((s) => s.values));
  const xLabels = c.xs.map((label, i) => {
    const [x] = linePoints(c.xs.map(() => 0), top, plotW, plotH)[i] ?? [0];
    return html`<text class="svg-tekst lille" x="${px(left + x)}" y="${topPad + plotH + 16}" text-anchor="middle">${label}</text>`;
  });
  const lines = c.series.map((s, k) => {
    const points = linePoints(s.values, top, plotW, plotH).map(([x, y]) => [left + x, topPad + y] as const);
    const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x)} ${px(y)}`).join('');
    const marker = MARKERS[k % MARKERS.length] ?? MARKERS[0];
    const marks = points.map(([x, y], i) => html`<path class="${`punkt serie-${k % 6}`}" d="${marker ? marker(x, y) : ''}"><title>${`${s.label}: ${s.values[i] ?? ''}`}</title></path>`);
    return html`<path class="${`linje linje-${k % 6}`}" d="${d}"/>${marks}`;
  });
  const legendY = topPad + plotH + 30;
  const legend = c.series.map((s, k) => {
    const y = legendY + k * 18;
    const marker = MARKERS[k % MARKERS.length] ?? MARKERS[0];
    return html`<path class="${`punkt serie-${k % 6}`}" d="${marker ? marker(left + 6, y + 6) : ''}"/><text class="svg-tekst" x="${left + 18}" y="${y + 10}">${s.label}</text>`;
  });
  const height = legendY + c.series.length * 18 + 4;
  const width = left + plotW + 30;
  const axis = raw(`<line class="akse" x1="${left}" x2="${left}" y1="${topPad}" y2="${topPad + plotH}"/><line class="akse" x1="${left}" x2="${left + plotW}" y1="${topPad + plotH}" y2="${topPad + plotH}"/>`);
  const yLabels = html`<text class="svg-tekst lille" x="${left - 6}" y="${topPad + 4}" text-anchor="end">${top}</text><text class="svg-tekst lille" x="${left - 6}" y="${topPad + plotH}" text-anchor="end">0</text>`;
  return html`<svg class="linjediagram" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-label="${c.label}"><title>${c.label}</title>${axis}${yLabels}${xLabels}${join(lines)}${legend}</svg>`;
}
