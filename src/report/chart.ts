import type { MetricComparison } from '../compare/types.ts';
import type { MetricSeries } from '../metrics/series.ts';
import { lttbIndices } from './lttb.ts';
import { formatValue } from './format.ts';

/** The most x-axis points a mermaid chart gets: more labels overlap into a smear at GitHub's comment width. */
export const MAX_CHART_POINTS = 40;

/**
 * The palette every chart uses (mermaid, terminal, HTML): baseline a quiet grey, this run a strong
 * red, the difference a blue, each readable on white and on GitHub's dark theme.
 */
export const CHART_PALETTE = {
  baseline: { name: 'grey', hex: '#8c959f' },
  current: { name: 'red', hex: '#cf222e' },
  difference: { name: 'blue', hex: '#0969da' },
} as const;

/** The steps both curves share with finite values on both sides, as parallel arrays. */
export interface ChartPoints {
  steps: number[];
  baseline: number[];
  current: number[];
}

/** Both series over the union of their steps; null where a side has no value at a step or a non-finite one. */
export interface AlignedSeries {
  steps: number[];
  baseline: Array<number | null>;
  current: Array<number | null>;
}

/**
 * Merges two series by step in one pass (steps are ascending and unique, src/metrics/series.ts).
 * Non-finite values become null: every chart draws them as gaps.
 */
export function alignSeries(baseline: MetricSeries | undefined, current: MetricSeries | undefined): AlignedSeries {
  const a = baseline ?? { steps: [], values: [] };
  const b = current ?? { steps: [], values: [] };
  const out: AlignedSeries = { steps: [], baseline: [], current: [] };
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  let i = 0;
  let j = 0;
  while (i < a.steps.length || j < b.steps.length) {
    const stepA = i < a.steps.length ? a.steps[i]! : Infinity;
    const stepB = j < b.steps.length ? b.steps[j]! : Infinity;
    const step = Math.min(stepA, stepB);
    out.steps.push(step);
    out.baseline.push(stepA === step ? finite(a.values[i++]!) : null);
    out.current.push(stepB === step ? finite(b.values[j++]!) : null);
  }
  return out;
}

/** The steps where both sides have a finite value, as parallel arrays. */
export function sharedPoints(baseline: MetricSeries, current: MetricSeries): ChartPoints {
  const aligned = alignSeries(baseline, current);
  const points: ChartPoints = { steps: [], baseline: [], current: [] };
  aligned.steps.forEach((step, k) => {
    const b = aligned.baseline[k]!;
    const c = aligned.current[k]!;
    if (b === null || c === null) return;
    points.steps.push(step);
    points.baseline.push(b);
    points.current.push(c);
  });
  return points;
}

/**
 * At most `maxPoints` of the points, chosen by LTTB over both curves and their difference, always
 * keeping the first and last step, the first divergent step and the first out-of-tolerance step
 * (the first shared step at or after each, when the step itself is not shared), and the `alsoKeep` steps.
 */
export function sampleForChart(
  points: ChartPoints,
  comparison: Pick<MetricComparison, 'firstDivergentStep' | 'firstOutOfToleranceStep'>,
  maxPoints: number,
  alsoKeep: number[] = [],
): ChartPoints {
  const keep = [comparison.firstDivergentStep, comparison.firstOutOfToleranceStep, ...alsoKeep].flatMap((step) => {
    const index = step === null ? -1 : points.steps.findIndex((s) => s >= step);
    return index >= 0 ? [index] : [];
  });
  const difference = points.current.map((c, i) => c - points.baseline[i]!);
  const indices = lttbIndices(points.steps, [points.baseline, points.current, difference], maxPoints, keep);
  return {
    steps: indices.map((i) => points.steps[i]!),
    baseline: indices.map((i) => points.baseline[i]!),
    current: indices.map((i) => points.current[i]!),
  };
}

/** Where a diverged run's curve ends: the first step both sides logged at which they differ and one is NaN or ±Infinity. */
interface NonFiniteMark {
  step: number;
  /** What the x label and title say: the non-finite value, or "baseline NaN" when the baseline is the one. */
  label: string;
}

function firstNonFinite(baseline: MetricSeries, current: MetricSeries): NonFiniteMark | null {
  let j = 0;
  for (let i = 0; i < baseline.steps.length; i++) {
    const step = baseline.steps[i]!;
    while (j < current.steps.length && current.steps[j]! < step) j++;
    if (j === current.steps.length) return null;
    if (current.steps[j] !== step) continue;
    const b = baseline.values[i]!;
    const c = current.values[j]!;
    if ((Number.isFinite(b) && Number.isFinite(c)) || Object.is(b, c)) continue;
    return { step, label: Number.isFinite(c) ? `baseline ${formatValue(b)}` : formatValue(c) };
  }
  return null;
}

/**
 * Mermaid cannot plot NaN or Infinity, so `points` (finite on both sides) would end silently where a
 * run diverged: the mark's step is put back, drawn at each line's last finite value, to be labelled.
 */
function withMark(points: ChartPoints, mark: NonFiniteMark): ChartPoints {
  const at = points.steps.findIndex((s) => s > mark.step);
  const index = at < 0 ? points.steps.length : at;
  const insert = <T>(values: T[], value: T) => [...values.slice(0, index), value, ...values.slice(index)];
  const previous = index - 1;
  return {
    steps: insert(points.steps, mark.step),
    baseline: insert(points.baseline, previous >= 0 ? points.baseline[previous]! : 0),
    current: insert(points.current, previous >= 0 ? points.current[previous]! : 0),
  };
}

/**
 * Two mermaid `xychart-beta` blocks for one drifted metric: the curves (this run red, baseline grey;
 * xychart has no legend, so the title spells the colours out) and their difference (this run −
 * baseline), on which a parting of 1e-5 on a loss of 1 is visible although the curves overlap.
 * The first divergent step's x label carries a ▲, and the x-axis title names it and the first
 * out-of-tolerance step. The step where a run became NaN or ±Infinity is kept, drawn at the last
 * finite values and labelled (`80 ⚠ NaN`); later non-finite steps are gaps. Returns null with fewer than two points.
 *
 * Mermaid's xychart grammar takes plain decimals only (no exponent), so values whose magnitude is
 * outside [1e-3, 1e6) are scaled by a power of ten and the axis title says by which.
 * Colours: the `%%{init}%%` directive's `themeVariables.xyChart.plotColorPalette` (mermaid docs, xyChart).
 */
export function renderMermaidCharts(
  name: string,
  baseline: MetricSeries,
  current: MetricSeries,
  comparison: Pick<MetricComparison, 'firstDivergentStep' | 'firstOutOfToleranceStep'> &
    Partial<Pick<MetricComparison, 'becameNonFinite'>>,
  axis: 'step' | 'epoch' = 'step',
): string | null {
  // A run that became NaN at a step the baseline never logged (it ran longer) is marked there too.
  const past = comparison.becameNonFinite;
  const mark =
    firstNonFinite(baseline, current) ??
    (past && past.step !== null ? { step: past.step, label: formatValue(past.value) } : null);
  const shared = sharedPoints(baseline, current);
  const all = mark ? withMark(shared, mark) : shared;
  if (all.steps.length < 2) return null;
  const points = sampleForChart(all, comparison, MAX_CHART_POINTS, mark ? [mark.step] : []);
  const parting =
    comparison.firstDivergentStep === null ? undefined : points.steps.find((s) => s >= comparison.firstDivergentStep!);
  const where = [
    comparison.firstDivergentStep === null ? null : `▲ first divergent ${comparison.firstDivergentStep}`,
    comparison.firstOutOfToleranceStep === null ? null : `out of tolerance from ${comparison.firstOutOfToleranceStep}`,
  ].filter((s): s is string => s !== null);
  const xLabel = (s: number) =>
    s === parting || s === mark?.step
      ? `"${s === parting ? '▲' : ''}${s}${s === mark?.step ? ` ⚠ ${mark.label}` : ''}"`
      : String(s);
  const xAxis = `x-axis "${axis}${where.length > 0 ? ` (${where.join(', ')})` : ''}" [${points.steps.map(xLabel).join(', ')}]`;
  const label = quote(name);
  const marked = mark ? `, ${mark.label} at ${axis} ${mark.step} (marked ⚠)` : '';
  const curves = axisScale([...points.baseline, ...points.current]);
  const difference = points.current.map((c, i) => c - points.baseline[i]!);
  const differenceScale = axisScale(difference);
  const { baseline: grey, current: strong, difference: blue } = CHART_PALETTE;
  // This run is drawn first and the baseline over it: where the curves agree the line is grey, and
  // the red shows exactly where they part.
  return [
    mermaidBlock(
      [strong.hex, grey.hex],
      `${label}: this run (${strong.name}) vs baseline (${grey.name})${marked}`,
      xAxis,
      `${label}${curves.suffix}`,
      [points.current.map(curves.format), points.baseline.map(curves.format)],
    ),
    mermaidBlock(
      [blue.hex],
      `${label}: this run − baseline (${blue.name})`,
      xAxis,
      `difference${differenceScale.suffix}`,
      [difference.map(differenceScale.format)],
    ),
  ].join('\n\n');
}

function mermaidBlock(colours: string[], title: string, xAxis: string, yTitle: string, lines: string[][]): string {
  // 40 step labels fit at 10px on a 900px chart; GitHub scales the SVG down to the comment's width.
  const init = {
    xyChart: { width: 900, height: 420, xAxis: { labelFontSize: 10 } },
    themeVariables: { xyChart: { plotColorPalette: colours.join(', ') } },
  };
  return [
    '```mermaid',
    `%%{init: ${JSON.stringify(init)}}%%`,
    'xychart-beta',
    `    title "${quote(title)}"`,
    `    ${xAxis}`,
    `    y-axis "${quote(yTitle)}"`,
    ...lines.map((values) => `    line [${values.join(', ')}]`),
    '```',
  ].join('\n');
}

/** Mermaid strings end at the next double quote and cannot escape one. */
function quote(text: string): string {
  return text.replace(/"/g, "'");
}

/**
 * How to write the values as plain decimals: scaled by 10^-e when the largest magnitude is outside
 * [1e-3, 1e6), with " (×1e-6)" for the axis title; six decimals after scaling keep about nine
 * significant digits of the largest value.
 */
export function axisScale(values: readonly number[]): { suffix: string; format: (value: number) => string } {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const exponent = largest === 0 || (largest >= 1e-3 && largest < 1e6) ? 0 : Math.floor(Math.log10(largest));
  const factor = 10 ** -exponent;
  return {
    suffix: exponent === 0 ? '' : ` (×1e${exponent})`,
    format: (value) => {
      const text = (value * factor).toFixed(6).replace(/\.?0+$/, '');
      return text === '-0' ? '0' : text;
    },
  };
}
