/** Benchmarking indsatser per fælles mål and strategy mål (strategy section 3). */
export { benchmarkIndsatserWith, type BenchmarkOptions } from './benchmark.js';
export { indikatorFremdrift, vurderIndikator, FREMDRIFT_UKENDT_NAVN, TENDENS_NAVN } from './indikator.js';
export type { IndikatorFremdrift, IndikatorVurdering, FremdriftIndikator, FremdriftUkendt, Tendens, TendensRetning, BenchmarkMaaling, IndikatorKontekst } from './indikator.js';
export { benchmarkParametre, BENCHMARK_RULE_SET, type BenchmarkParametre } from './parameters.js';
export { formatBenchmarkTable, formatBenchmarkCsv } from './format.js';
export type { BenchmarkResult, MaalBenchmark, MaalBidrag, MaalType, RangGruppe, BenchmarkRaekke, IndsatsBenchmarkOversigt, IkkeMed } from './types.js';
