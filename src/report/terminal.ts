import asciichart from 'asciichart';
import type { MetricComparison } from '../compare/types.ts';
import { sampleForChart, sharedPoints } from './chart.ts';
import { formatDiff, formatStep, formatValue } from './format.ts';
import type { ReportInput } from './markdown.ts';
import { axisNoun, drifted, headlineText, uncleanTreeLine } from './headline.ts';
import { nextSteps } from './next-steps.ts';
import { describeStepGaps } from './coverage.ts';

export interface TerminalOptions {
  /** ANSI colours; off for NO_COLOR (no-color.org) and for output that is not a terminal. */
  colour: boolean;
  /** The terminal's width in columns; tables are cut and charts sized to it. */
  columns: number;
}

/** Drifted metrics charted in the terminal; the rest are in report.md / report.html. */
const MAX_TERMINAL_CHARTS = 5;
/** Width of the y-axis labels asciichart prints left of each chart row. */
const LABEL_WIDTH = 11;

type Paint = (text: string, colour: string) => string;

/**
 * The report for a terminal: a coloured verdict line, an aligned metric table (drift first), and
 * for each drifted metric a Unicode line chart of both curves (this run red, baseline grey over it)
 * and of their difference, drawn by asciichart; then environment differences, notes and what to do
 * next. Pure: the caller says whether to colour and how wide the terminal is.
 */
export function renderTerminal(input: ReportInput, options: TerminalOptions): string {
  const paint: Paint = options.colour ? (text, colour) => `${colour}${text}${asciichart.reset}` : (text) => text;
  const columns = Math.max(40, options.columns);
  const lines: string[] = [paint(headlineText(input), OUTCOME_COLOUR[input.outcome]), ''];
  lines.push(`Run:      ${input.runLabel}`, `Baseline: ${input.baselineLabel}`);
  if (input.runUrl) lines.push(`Logs:     ${input.runUrl}`);
  if (input.acceptedBy) lines.push(`Drift accepted by @${input.acceptedBy.login} at ${input.acceptedBy.at}.`);
  if (input.message) lines.push('', input.message);
  if (input.uncleanTree) lines.push('', paint(uncleanTreeLine(input.uncleanTree), OUTCOME_COLOUR.accepted));
  const verdict = input.verdict;
  if (verdict) {
    lines.push('', ...metricTable(verdict.metrics, columns, paint), ...stepGapLines(verdict.metrics, paint));
    const toChart = drifted(verdict);
    for (const metric of toChart.slice(0, MAX_TERMINAL_CHARTS))
      lines.push(...metricCharts(metric, input, columns, options.colour, axisNoun(verdict)));
    if (toChart.length > MAX_TERMINAL_CHARTS)
      lines.push(
        '',
        `… ${toChart.length - MAX_TERMINAL_CHARTS} more drifted metrics: their curves are in report.md and report.html.`,
      );
  }
  if (input.environmentDifferences.length > 0) {
    lines.push(
      '',
      paint('Environment differences', BOLD),
      ...alignedRows(
        [['', 'baseline', 'this run'], ...input.environmentDifferences.map((d) => [d.key, d.baseline, d.current])],
        columns,
      ),
    );
  }
  if (input.checkpointLines.length > 0)
    lines.push('', paint('Weights', BOLD), ...input.checkpointLines.map((l) => `  ${l}`));
  if (input.toleranceLines.length > 0)
    lines.push('', paint('Tolerance', BOLD), ...input.toleranceLines.map((l) => `  ${l}`));
  const notes = [...input.notes, ...(verdict?.notes ?? [])];
  if (notes.length > 0) lines.push('', paint('Notes', BOLD), ...notes.map((n) => `  - ${n}`));
  const steps = nextSteps(input);
  if (steps.length > 0) lines.push('', paint('What now', BOLD), ...steps.map((s) => `  - ${s.replace(/\*\*|`/g, '')}`));
  return lines.join('\n') + '\n';
}

const BOLD = '\x1b[1m';
const OUTCOME_COLOUR: Record<ReportInput['outcome'], string> = {
  pass: '\x1b[1;32m',
  drift: '\x1b[1;31m',
  accepted: '\x1b[1;33m',
  'no-baseline': '\x1b[1;36m',
  error: '\x1b[1;33m',
};
const STATUS_COLOUR: Record<MetricComparison['status'], string> = {
  pass: '\x1b[32m',
  drift: '\x1b[31m',
  missing: '\x1b[31m',
  new: '\x1b[36m',
};
const STATUS_ORDER: Record<MetricComparison['status'], number> = { drift: 0, missing: 0, new: 1, pass: 2 };

function metricTable(metrics: MetricComparison[], columns: number, paint: Paint): string[] {
  if (metrics.length === 0) return ['No metrics to compare (all were filtered out or none were logged).'];
  const ordered = [...metrics].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const rows = ordered.map((m) => [
    m.kind === 'final' ? `${m.name} (final)` : m.name,
    formatValue(m.baselineValue),
    formatValue(m.currentValue),
    formatDiff(m.maxAbsDiff),
    formatStep(m.firstDivergentStep),
    formatStep(m.firstOutOfToleranceStep),
    m.status,
  ]);
  const narrow = columns < 90;
  const header = [
    'metric',
    'baseline',
    'current',
    'max |diff|',
    narrow ? 'diverges' : 'first divergent',
    narrow ? 'out of tol' : 'out of tolerance',
    'status',
  ];
  const right = [false, true, true, true, true, true, false];
  // A narrow terminal loses the value columns first: the steps and the status say what happened.
  const dropped = narrow ? new Set([1, 2]) : new Set<number>();
  const keep = <T>(row: T[]) => row.filter((_, c) => !dropped.has(c));
  const table = alignedRows([keep(header), ...rows.map(keep)], columns, keep(right));
  // Colour after aligning, so escape codes do not count as width.
  return table.map((line, i) =>
    i === 0 ? paint(line, BOLD) : i === 1 ? line : colourStatus(line, ordered[i - 2]!.status, paint),
  );
}

/** Metrics whose two sides logged different steps (drift: the table's status alone would not say why). */
function stepGapLines(metrics: MetricComparison[], paint: Paint): string[] {
  const gaps = metrics.flatMap((m) => {
    const text = describeStepGaps(m);
    return text === null ? [] : [`  ${m.name}: ${text}`];
  });
  if (gaps.length === 0) return [];
  const more = gaps.length > MAX_GAP_LINES ? [`  … and ${gaps.length - MAX_GAP_LINES} more metrics`] : [];
  return ['', paint('Steps logged on one side only', BOLD), ...gaps.slice(0, MAX_GAP_LINES), ...more];
}

const MAX_GAP_LINES = 10;

function colourStatus(line: string, status: MetricComparison['status'], paint: Paint): string {
  const at = line.lastIndexOf(status);
  return at < 0 ? line : line.slice(0, at) + paint(status, STATUS_COLOUR[status]) + line.slice(at + status.length);
}

/**
 * Rows padded to their columns' widths (right-aligned where `right` says), a rule under the header;
 * the first column is cut with "…" so that a line fits in `columns` where the others allow it.
 */
function alignedRows(rows: string[][], columns: number, right: boolean[] = []): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  const others = widths.slice(1).reduce((a, b) => a + b + 2, 0);
  widths[0] = Math.max(8, Math.min(widths[0]!, columns - others - 2));
  const fit = (text: string, width: number) =>
    [...text].length > width ? [...text].slice(0, width - 1).join('') + '…' : text;
  const lines = rows.map((row) =>
    row
      .map((text, c) =>
        right[c] ? fit(text, widths[c]!).padStart(widths[c]!) : fit(text, widths[c]!).padEnd(widths[c]!),
      )
      .join('  ')
      .trimEnd(),
  );
  return [lines[0]!, widths.map((w) => '─'.repeat(w)).join('  '), ...lines.slice(1)];
}

/** Both curves and the difference of one drifted metric, one chart column per plotted step. */
function metricCharts(
  metric: MetricComparison,
  input: ReportInput,
  columns: number,
  colour: boolean,
  axis: 'step' | 'epoch',
): string[] {
  const baseline = input.baselineData?.series.get(metric.name);
  const current = input.currentData?.series.get(metric.name);
  if (!baseline || !current) return [];
  const all = sharedPoints(baseline, current);
  if (all.steps.length < 2) return [];
  const width = Math.max(10, columns - LABEL_WIDTH - 2);
  const points = sampleForChart(all, metric, width);
  const difference = points.current.map((c, i) => c - points.baseline[i]!);
  // Four significant digits keep every label within LABEL_WIDTH - 1 ("-1.234e-10" is the widest).
  const label = (value: number) => String(Number(value.toPrecision(4))).padStart(LABEL_WIDTH - 1);
  const curves = asciichart.plot([points.current, points.baseline], {
    height: 8,
    format: label,
    ...(colour ? { colors: [asciichart.red, asciichart.darkgray] } : {}),
  });
  const diff = asciichart.plot(difference, {
    height: 4,
    format: label,
    ...(colour ? { colors: [asciichart.blue] } : {}),
  });
  const legend = colour
    ? `${asciichart.red}━ this run${asciichart.reset}  ${asciichart.darkgray}━ baseline${asciichart.reset}`
    : 'this run and baseline (without colour, the difference below tells them apart)';
  return [
    '',
    `${metric.name}: ${legend}`,
    curves,
    stepAxis(points.steps, metric.firstDivergentStep, axis),
    `${metric.name}: this run − baseline`,
    diff,
    stepAxis(points.steps, metric.firstDivergentStep, axis),
  ];
}

/**
 * The step labels under an asciichart plot: the first and last plotted step and a ▲ under the first
 * divergent one. asciichart puts point i at column LABEL_WIDTH + i (label, then the axis).
 */
function stepAxis(steps: number[], firstDivergentStep: number | null, axis: 'step' | 'epoch'): string {
  const line = Array.from({ length: LABEL_WIDTH + steps.length }, () => ' ');
  const put = (column: number, text: string) =>
    [...text].forEach((ch, k) => column + k < line.length && (line[column + k] = ch));
  const last = String(steps.at(-1));
  put(LABEL_WIDTH - axis.length - 1, `${axis} ${steps[0]}`);
  put(line.length - last.length, last);
  const parting = firstDivergentStep === null ? -1 : steps.findIndex((s) => s >= firstDivergentStep);
  if (parting >= 0) {
    const mark = `▲${steps[parting]}`;
    put(Math.min(LABEL_WIDTH + parting, line.length - last.length - mark.length - 1), mark);
  }
  return line.join('').trimEnd();
}
