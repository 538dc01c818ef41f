import type { MetricSeries } from '../metrics/series.ts';

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

/**
 * A mermaid `xychart-beta` of baseline vs current over the steps both share. GitHub renders
 * mermaid in comments and summaries; xychart has no legend, so the title says which line is which.
 * Steps where either value is not finite are left out (mermaid cannot plot them).
 */
export function renderCurveChart(name: string, baseline: MetricSeries, current: MetricSeries, firstDivergentStep: number | null): string | null {
  const currentByStep = new Map<number, number>();
  current.steps.forEach((step, i) => currentByStep.set(step, current.values[i]!));
  const points: Array<{ step: number; baseline: number; current: number }> = [];
  baseline.steps.forEach((step, i) => {
    const b = baseline.values[i]!;
    const c = currentByStep.get(step);
    if (c !== undefined && Number.isFinite(b) && Number.isFinite(c)) points.push({ step, baseline: b, current: c });
  });
  if (points.length < 2) return null;
  const divergentIndex = firstDivergentStep === null ? -1 : points.findIndex((p) => p.step >= firstDivergentStep);
  const sampled = downsampleIndices(points.length, MAX_CHART_POINTS, [divergentIndex]).map((i) => points[i]!);
  const title = `${name}: baseline (line 1) vs this run (line 2)${firstDivergentStep === null ? '' : `, first divergent step ${firstDivergentStep}`}`;
  const number = (v: number) => String(Number(v.toPrecision(8)));
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${title.replace(/"/g, "'")}"`,
    `    x-axis "step" [${sampled.map((p) => p.step).join(', ')}]`,
    `    y-axis "${name.replace(/"/g, "'")}"`,
    `    line [${sampled.map((p) => number(p.baseline)).join(', ')}]`,
    `    line [${sampled.map((p) => number(p.current)).join(', ')}]`,
    '```',
  ].join('\n');
}
