import { ReproError } from '../errors.ts';
import type { MetricData } from '../metrics/series.ts';
import type { CompareOptions } from './compare.ts';

/**
 * The refusal for a comparison that compared nothing: every metric filtered out (include globs
 * matching none, ignore globs matching all), none logged with numbers, or none the baseline has.
 * A pass there would be a result that was not computed.
 */
export function nothingCompared(
  baseline: MetricData,
  current: MetricData,
  options: CompareOptions,
  uncompared: string[],
): ReproError {
  const names = (data: MetricData) => [...data.series.keys(), ...data.finals.keys()];
  const listed = (list: string[]) =>
    list.length === 0 ? 'none' : list.slice(0, 8).join(', ') + (list.length > 8 ? `, … (${list.length})` : '');
  const facts = [
    `the baseline has ${listed(names(baseline))}`,
    `this run has ${listed(names(current))}`,
    ...(options.include.length > 0 ? [`only metrics matching ${options.include.join(', ')} were kept`] : []),
    ...(uncompared.length > 0
      ? [`values of ${listed(uncompared)} could not be compared (text, or arrays too long)`]
      : []),
  ];
  return new ReproError(`No metric was compared, so there is no result: ${facts.join('; ')}.`, {
    hint: `A metric is compared when both sides log it with numbers and no filter drops it: check the names against the include globs (compare --metric) and the ignored ones (compare --ignore, ignore-metrics: ${options.ignore.join(', ') || 'none'}).`,
  });
}
