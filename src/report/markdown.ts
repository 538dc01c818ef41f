import path from 'node:path';
import type { MetricComparison, Verdict } from '../compare/types.ts';
import type { Outcome } from '../compare/outcome.ts';
import { axisNoun, drifted, headlineText, uncleanTreeLine } from './headline.ts';
import type { MetricData } from '../metrics/series.ts';
import { renderMermaidCharts } from './chart.ts';
import { nextSteps, type NextStepsContext } from './next-steps.ts';
import { cell, formatDiff, formatStep, formatValue } from './format.ts';
import { describeStepGaps } from './coverage.ts';
// GitHub's limit, stated once (pure constants: the report stays free of effects).
import { COMMENT_BODY_LIMIT } from '../github/text-limits.ts';

/** Everything the report shows; built by the mode functions, rendered here without side effects. */
export interface ReportInput {
  outcome: Outcome;
  verdict: Verdict | null;
  /** Series of both sides, for the curve charts of drifted metrics. */
  baselineData: MetricData | null;
  currentData: MetricData | null;
  /** One line each: "commit abc123 (refs/pull/7/merge)"; "…/baseline.json at def456". */
  runLabel: string;
  baselineLabel: string;
  toleranceLines: string[];
  environmentDifferences: Array<{ key: string; baseline: string; current: string }>;
  checkpointLines: string[];
  /**
   * Final-checkpoint tensors that differ and count as drift (only under `tolerance: { exact: true }`),
   * and how many tensors the two checkpoints hold between them (left out by callers that do not know).
   */
  weightsDrift?: { differing: number; tensors?: number; cause?: string } | null;
  /** The baseline has final-weight hashes that this run could not be compared with (no checkpoint), outside `exact`. */
  weightsNotCompared?: boolean;
  notes: string[];
  /** Markdown shown when there is no verdict: the error, or how to create a baseline. */
  message?: string;
  acceptedBy?: { login: string; at: string } | null;
  runUrl?: string | null;
  /** Trained with --allow-dirty on an unclean tree: the headline says the result cannot gate. */
  uncleanTree?: { paths: string[]; diffSha256: string } | null;
  /** The baseline was recorded with another seed than this run's (its note says why that matters). */
  seedMismatch?: { baseline: number; current: number } | null;
  /** Names for the "what now" lines a drift ends with; none are shown without it. */
  nextSteps?: NextStepsContext | null;
}

/** Drifted metrics charted at most, and how many of those are shown open (the rest fold into <details>). */
const MAX_CHARTS = 10;
const OPEN_CHARTS = 3;

/**
 * Renders the report as markdown no longer than `maxChars`: it first folds passing metrics
 * into <details>, then drops charts, then cuts table rows with a note, so the comment or
 * summary always fits GitHub's limit instead of failing the API call.
 */
export function renderMarkdown(input: ReportInput, maxChars = COMMENT_BODY_LIMIT - 200): string {
  for (const detail of DETAIL_LEVELS) {
    const text = renderAtDetail(input, detail);
    if (text.length <= maxChars) return text;
  }
  const text = renderAtDetail(input, DETAIL_LEVELS.at(-1)!);
  const note =
    "\n\n… report truncated to fit GitHub's size limit; the full report is in the run's artifact and job summary.\n";
  return text.slice(0, maxChars - note.length) + note;
}

interface Detail {
  foldPassing: boolean;
  charts: number;
  maxRows: number;
}
/** At most this many metric rows in one table, at any detail level; the rest are counted. */
export const MAX_RENDERED_METRICS = 1000;
const DETAIL_LEVELS: Detail[] = [
  { foldPassing: false, charts: MAX_CHARTS, maxRows: MAX_RENDERED_METRICS },
  { foldPassing: true, charts: MAX_CHARTS, maxRows: MAX_RENDERED_METRICS },
  { foldPassing: true, charts: 1, maxRows: 200 },
  { foldPassing: true, charts: 0, maxRows: 50 },
];

function renderAtDetail(input: ReportInput, detail: Detail): string {
  const stepKeys = input.verdict ? describeStepKeys(input.verdict) : null;
  // Two trailing spaces end each header line but the last: a markdown line break, so the lines do not run together.
  const header = [
    `**Run:** ${input.runLabel}`,
    `**Baseline:** ${input.baselineLabel}`,
    ...(stepKeys ? [`**Steps from:** ${stepKeys}`] : []),
    ...(input.runUrl ? [`**Logs:** ${input.runUrl}`] : []),
  ];
  const parts: string[] = [`## ${headlineText(input)}`, '', header.join('  \n')];
  if (input.acceptedBy)
    parts.push(
      '',
      `Drift accepted by @${input.acceptedBy.login} at ${input.acceptedBy.at} (label on the pull request); the baseline update after merge records the new numbers.`,
    );
  if (input.message) parts.push('', input.message);
  if (input.uncleanTree) parts.push('', uncleanTreeLine(input.uncleanTree));
  const verdict = input.verdict;
  if (verdict) {
    parts.push('', ...metricTables(verdict.metrics, detail, axisNoun(verdict)));
    const charts = drifted(verdict)
      .slice(0, detail.charts)
      .flatMap((metric) => {
        const b = input.baselineData?.series.get(metric.name);
        const c = input.currentData?.series.get(metric.name);
        const chart = b && c ? renderMermaidCharts(metric.name, b, c, metric, axisNoun(verdict)) : null;
        return chart ? [{ name: metric.name, chart }] : [];
      });
    if (charts.length > 0) {
      parts.push('', '### Curves', '');
      charts.forEach(({ name, chart }, i) => {
        if (i < OPEN_CHARTS) parts.push(`**${name}**`, '', chart, '');
        else parts.push(`<details><summary>${escapeHtml(name)}</summary>`, '', chart, '', '</details>', '');
      });
    }
  }
  if (input.environmentDifferences.length > 0) {
    parts.push('', '### Environment differences', '', '| | baseline | this run |', '| --- | --- | --- |');
    for (const diff of input.environmentDifferences)
      parts.push(`| ${cell(diff.key)} | ${cell(diff.baseline)} | ${cell(diff.current)} |`);
  }
  if (input.checkpointLines.length > 0)
    parts.push('', '### Weights', '', ...input.checkpointLines.map((l) => `- ${l}`));
  if (input.toleranceLines.length > 0)
    parts.push('', '### Tolerance', '', ...input.toleranceLines.map((l) => `- ${l}`));
  const notes = [...input.notes, ...(verdict?.notes ?? [])];
  if (notes.length > 0)
    parts.push(
      '',
      '### Notes',
      '',
      ...notes.slice(0, 50).map((n) => `- ${n}`),
      ...(notes.length > 50 ? [`- … and ${notes.length - 50} more`] : []),
    );
  const steps = nextSteps(input);
  if (steps.length > 0) parts.push('', '### What now', '', ...steps.map((s) => `- ${s}`));
  return parts.join('\n') + '\n';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "`epoch` (a.csv) / `epoch` (b.csv)": which key each file's steps came from, when known. */
function describeStepKeys(verdict: Verdict): string | null {
  const sides = [verdict.stepKeys.baseline, verdict.stepKeys.current].map((axes) =>
    axes
      .filter((axis) => axis.stepKey !== null)
      .map((axis) => `\`${axis.stepKey}\` (${path.basename(axis.file)})`)
      .join(', '),
  );
  if (sides.every((side) => side === '')) return null;
  return `baseline ${sides[0] || 'run record'}; this run ${sides[1] || 'run record'}`;
}

function tableHeader(axis: string): string[] {
  return [
    `| metric | baseline | current | max abs diff | max rel diff | first divergent ${axis} | first out-of-tolerance ${axis} | status |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
}

function metricRow(metric: MetricComparison): string {
  const stepNote = metric.kind === 'final' ? ' (final)' : metric.finalStep === null ? '' : ` @${metric.finalStep}`;
  const gaps = describeStepGaps(metric);
  const missing = gaps === null ? '' : ` (${gaps})`;
  const renamed = metric.renamedTo ? ` (renamed? → \`${metric.renamedTo}\`)` : '';
  return `| ${cell(metric.name)}${stepNote} | ${formatValue(metric.baselineValue)} | ${formatValue(metric.currentValue)} | ${formatDiff(metric.maxAbsDiff)} | ${formatDiff(metric.maxRelDiff)} | ${formatStep(metric.firstDivergentStep)} | ${formatStep(metric.firstOutOfToleranceStep)} | ${STATUS_LABEL[metric.status]}${cell(missing + renamed)} |`;
}

const STATUS_LABEL: Record<MetricComparison['status'], string> = {
  pass: 'pass',
  drift: '**drift**',
  missing: '**missing**',
  new: 'new',
};

function metricTables(metrics: MetricComparison[], detail: Detail, axis: string): string[] {
  if (metrics.length === 0) return ['No metrics to compare (all were filtered out or none were logged).'];
  const shown = metrics.filter((m) => !detail.foldPassing || m.status !== 'pass');
  const folded = metrics.filter((m) => detail.foldPassing && m.status === 'pass');
  const lines: string[] = [];
  const rows = (list: MetricComparison[]) => {
    const out = list.slice(0, detail.maxRows).map(metricRow);
    if (list.length > detail.maxRows) out.push(`| … ${list.length - detail.maxRows} more | | | | | | | |`);
    return out;
  };
  if (shown.length > 0) lines.push(...tableHeader(axis), ...rows(shown));
  if (folded.length > 0) {
    lines.push(
      '',
      `<details><summary>${folded.length} metrics within tolerance</summary>`,
      '',
      ...tableHeader(axis),
      ...rows(folded),
      '',
      '</details>',
    );
  }
  return lines;
}
