import type { MetricData, MetricSeries } from '../metrics/series.ts';
import type { MetricComparison } from './types.ts';
import { bitEqual } from './tolerance.ts';

/**
 * A series missing from the run while a new one holds exactly its steps and values is most
 * likely renamed (a logger's prefix changed): the missing metric names it, and a note says so.
 * Still drift: the gate cannot know that the rename was meant.
 */
export function findRenames(metrics: MetricComparison[], baseline: MetricData, current: MetricData): string[] {
  const added = metrics.filter((m) => m.status === 'new' && m.kind === 'series');
  const notes: string[] = [];
  for (const missing of metrics.filter((m) => m.status === 'missing' && m.kind === 'series')) {
    const old = baseline.series.get(missing.name)!;
    const match = added.find((m) => sameSeries(old, current.series.get(m.name)!));
    if (!match) continue;
    missing.renamedTo = match.name;
    notes.push(
      `renamed? \`${missing.name}\` → \`${match.name}\`: the run has no \`${missing.name}\`, and its new \`${match.name}\` holds the same ${plural(old.steps.length, 'value')}`,
    );
  }
  return notes;
}

function sameSeries(a: MetricSeries, b: MetricSeries): boolean {
  if (a.steps.length !== b.steps.length) return false;
  for (let i = 0; i < a.steps.length; i++)
    if (a.steps[i] !== b.steps[i] || !bitEqual(a.values[i]!, b.values[i]!)) return false;
  return true;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
