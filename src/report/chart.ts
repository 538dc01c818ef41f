import type { MetricSeries } from '../metrics/series.ts';
import { formatValue } from './format.ts';

export const MAX_CHART_POINTS = 100;

/**
 * Picks at most `maxPoints` indices spread evenly over `length`, always keeping the first and
 * last and any `mustKeep` index (the first divergent step), so the chart shows where curves part.
 */
export function downsampleIndices(length: number, maxPoints: number, mustKeep: readonly number[] = []): number[] {
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const keep = new Set(mustKeep.filter((i) => i >= 0 && i < length));
  const slots = Math.max(2, maxPoints - keep.size);
  for (let k = 0; k < slots; k++) keep.add(Math.round((k * (length - 1)) / (slots - 1)));
  return [...keep].sort((a, b) => a - b).slice(0, maxPoints);
}

interface ChartPoint {
  step: number;
  baseline: number;
  current: number;
  /** The step where a value first became non-finite: plotted at the last finite values, labelled. */
  nonFinite?: string;
}

/**
 * A mermaid `xychart-beta` of baseline vs current over the steps both share. GitHub renders
 * mermaid in comments and summaries; xychart has no legend, so the title says which line is which.
 * Mermaid cannot plot NaN or Infinity: the first step where either value is not finite (a diverged
 * run) is kept, drawn at each line's last finite value and labelled on the x axis
 * (`80 ⚠ NaN`); later non-finite steps are left out.
 */
export function renderCurveChart(name: string, baseline: MetricSeries, current: MetricSeries, firstDivergentStep: number | null): string | null {
  const currentByStep = new Map<number, number>();
  for (let i = 0; i < current.steps.length; i++) currentByStep.set(current.steps[i]!, current.values[i]!);
  const points: ChartPoint[] = [];
  let marked = -1;
  for (let i = 0; i < baseline.steps.length; i++) {
    const step = baseline.steps[i]!;
    const b = baseline.values[i]!;
    const c = currentByStep.get(step);
    if (c === undefined) continue;
    if (Number.isFinite(b) && Number.isFinite(c)) points.push({ step, baseline: b, current: c });
    else if (marked < 0 && !Object.is(b, c)) {
      const previous = points.at(-1);
      const label = Number.isFinite(c) ? `baseline ${formatValue(b)}` : formatValue(c);
      marked = points.length;
      const fallback = Number.isFinite(b) ? b : Number.isFinite(c) ? c : 0;
      points.push({ step, baseline: Number.isFinite(b) ? b : (previous?.baseline ?? fallback), current: Number.isFinite(c) ? c : (previous?.current ?? fallback), nonFinite: label });
    }
  }
  if (points.length < 2) return null;
  const divergentIndex = firstDivergentStep === null ? -1 : points.findIndex((p) => p.step >= firstDivergentStep);
  const sampled = downsampleIndices(points.length, MAX_CHART_POINTS, [divergentIndex, marked]).map((i) => points[i]!);
  const markedPoint = marked < 0 ? undefined : points[marked]!;
  const title = `${name}: baseline (line 1) vs this run (line 2)${firstDivergentStep === null ? '' : `, first divergent step ${firstDivergentStep}`}${markedPoint ? `, ${markedPoint.nonFinite} at step ${markedPoint.step} (marked ⚠)` : ''}`;
  const number = (v: number) => String(Number(v.toPrecision(8)));
  const xAxis = markedPoint ? sampled.map((p) => `"${p.step}${p.nonFinite ? ` ⚠ ${p.nonFinite}` : ''}"`) : sampled.map((p) => p.step);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${title.replace(/"/g, "'")}"`,
    `    x-axis "step" [${xAxis.join(', ')}]`,
    `    y-axis "${name.replace(/"/g, "'")}"`,
    `    line [${sampled.map((p) => number(p.baseline)).join(', ')}]`,
    `    line [${sampled.map((p) => number(p.current)).join(', ')}]`,
    '```',
  ].join('\n');
}
