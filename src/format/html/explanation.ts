/**
 * An explanation tree as nested `details`/`summary`: each rule and each node that has
 * children unfolds to show them; leaves are list items. The sentences are those of the
 * text explanation (`../explanation.ts`), so the reasoning is written once.
 *
 * Two things keep a page small where the text repeats itself: a named condition met again
 * in the same evaluation (a recommendation that reads the indicators) links to where it was
 * first unfolded, and a source is shown only where it differs from the one around it.
 */
import type { Evaluation, ExplanationNode, RuleEvaluation, Source } from '../../engine/types.js';
import { formatDato } from '../danish.js';
import { describeNode, describeRule, nodeChildren, truthSign } from '../explanation.js';
import { type Html, html } from './escape.js';
import { sourceText } from './parts.js';

/** What a tree carries while it is drawn: anchors of the conditions unfolded so far, the source around. */
interface TreeContext {
  readonly prefix: string;
  readonly unfolded: Map<string, string>;
  readonly source: Source | undefined;
}

function line(outcome: boolean | null, text: string): Html {
  const state = outcome === null ? 'ukendt' : outcome ? 'ja' : 'nej';
  return html`<span class="${`merke ${state}`}">${truthSign(outcome)}</span> ${text}`;
}

function sameSource(a: Source | undefined, b: Source | undefined): boolean {
  return a !== undefined && b !== undefined && a.reference === b.reference && a.url === b.url && a.note === b.note;
}

function sourceLine(own: Source | undefined, around: Source | undefined): Html | string {
  return own === undefined || sameSource(own, around) ? '' : html`<div>${sourceText(own)}</div>`;
}

function node(n: ExplanationNode, ctx: TreeContext): Html {
  const children = nodeChildren(n);
  const own = n.kind === 'condition' ? n.source : undefined;
  const source = sourceLine(own, ctx.source);
  if (children.length === 0) return html`<li>${line(n.outcome, describeNode(n))}${source}</li>`;
  if (n.kind === 'condition') {
    const seen = ctx.unfolded.get(n.name);
    if (seen !== undefined) return html`<li>${line(n.outcome, describeNode(n))} (<a href="${`#${seen}`}">begrundet ovenfor</a>)</li>`;
    const id = `${ctx.prefix}-b${ctx.unfolded.size + 1}`;
    ctx.unfolded.set(n.name, id);
    const inner: TreeContext = { ...ctx, source: own ?? ctx.source };
    return html`<li id="${id}"><details><summary>${line(n.outcome, describeNode(n))}</summary>${source}<ul class="traee">${children.map((c) => node(c, inner))}</ul></details></li>`;
  }
  return html`<li><details><summary>${line(n.outcome, describeNode(n))}</summary><ul class="traee">${children.map((c) => node(c, ctx))}</ul></details></li>`;
}

function rule(r: RuleEvaluation, ctx: TreeContext): Html {
  const inner: TreeContext = { ...ctx, source: r.source ?? ctx.source };
  const e = r.explanation;
  const head = html`<summary>${line(r.outcome, describeRule(r))}</summary>${sourceLine(r.source, ctx.source)}`;
  // a rule that is one named condition of its own title and source: unfold the condition's child directly
  if (e.kind === 'condition' && e.child !== undefined && e.title === r.title && !ctx.unfolded.has(e.name) && (e.source === undefined || sameSource(e.source, r.source))) {
    const id = `${ctx.prefix}-b${ctx.unfolded.size + 1}`;
    ctx.unfolded.set(e.name, id);
    return html`<details class="traee" id="${id}">${head}<ul class="traee">${node(e.child, inner)}</ul></details>`;
  }
  return html`<details class="traee">${head}<ul class="traee">${node(e, inner)}</ul></details>`;
}

/** One rule's tree, folded; `prefix` makes its anchors unique on the page. */
export function explanationRule(r: RuleEvaluation, prefix: string): Html {
  return rule(r, { prefix, unfolded: new Map(), source: undefined });
}

/**
 * The full reasoning of an evaluation (all rules, or those named), folded under one summary.
 * `prefix` makes the tree's anchors unique on the page (one tree per afdeling).
 */
export function explanationTree(evaluation: Evaluation, prefix: string, summary = 'Fuld begrundelse', ruleIds?: readonly string[]): Html {
  const { ruleSet } = evaluation;
  const ctx: TreeContext = { prefix, unfolded: new Map(), source: undefined };
  const rules = evaluation.rules.filter((r) => ruleIds === undefined || ruleIds.includes(r.id));
  const effective = `i kraft fra ${formatDato(ruleSet.effective.from)}${ruleSet.effective.to ? ` til og med ${formatDato(ruleSet.effective.to)}` : ''}`;
  return html`<details class="traee begrundelse"><summary>${summary}</summary><p>Regelsæt: ${ruleSet.title} (${ruleSet.id}, ${effective})</p>${rules.map((r) => rule(r, ctx))}${
    evaluation.missingFacts.length > 0 ? html`<p>Mangler: ${evaluation.missingFacts.join(', ')}</p>` : ''
  }${evaluation.disabled.length > 0 ? html`<p>Slået fra: ${evaluation.disabled.join(', ')}</p>` : ''}</details>`;
}
