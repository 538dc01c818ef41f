import type { MetricData } from '../metrics/series.ts';
import { globToRegExp, matchesAnyGlob } from './glob.ts';

export interface NonFiniteValue {
  name: string;
  /** The first step holding NaN or ±Infinity; null for a final value. */
  step: number | null;
  value: number;
}

/**
 * The first NaN or ±Infinity of each compared metric (neither in `ignore`, the ignore-metrics
 * globs, nor in `allow`, the allow-non-finite globs), in name order. Pure.
 * A baseline update refuses a run that has any: a baseline recorded from a diverged run would
 * make every later run that diverges the same way pass.
 */
export function findNonFiniteValues(
  data: MetricData,
  options: { ignore: readonly string[]; allow: readonly string[] },
): NonFiniteValue[] {
  const skipped = [...options.ignore, ...options.allow].map(globToRegExp);
  const found: NonFiniteValue[] = [];
  for (const [name, series] of data.series) {
    if (matchesAnyGlob(name, skipped)) continue;
    for (let i = 0; i < series.values.length; i++) {
      if (Number.isFinite(series.values[i]!)) continue;
      found.push({ name, step: series.steps[i]!, value: series.values[i]! });
      break;
    }
  }
  for (const [name, value] of data.finals) {
    if (!Number.isFinite(value) && !matchesAnyGlob(name, skipped)) found.push({ name, step: null, value });
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
