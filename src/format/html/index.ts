/** The HTML report toolkit: escaping, the page shell, building blocks, explanation trees and SVG charts. */
export { escapeHtml, html, raw, join, safeUrl, Html } from './escape.js';
export type { HtmlPart } from './escape.js';
export { renderDocument } from './document.js';
export type { ReportDocument } from './document.js';
export { truthMark, badge, dataTable, filters, sourceText } from './parts.js';
export type { DataTable, Filter, TableCell, TableColumn, TableRow, TruthWords } from './parts.js';
export { explanationRule, explanationTree } from './explanation.js';
export { barGeometry, dateX, drawable, lineChart, linePoints, marginBar, stackSegments, stackedBars, timeline } from './svg.js';
export type { BarGeometry, LineChart, MarginBar, StackedBars, StackedCategory, Timeline, TimelineRow, TimelineSpan } from './svg.js';
export { criterionFigures, criterionTable } from './criteria.js';
export type { CriterionFigure } from './criteria.js';
