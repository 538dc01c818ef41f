import YAML, { isMap, isScalar, LineCounter } from 'yaml';
import type { MetricComparison, Verdict } from '../compare/types.ts';
import { formatDiff, formatStep, formatValue } from './format.ts';
import { isDriftedMetric } from '../compare/outcome.ts';
import type { MetricData } from '../metrics/series.ts';
import { placeOfRecord, type RecordPlace } from '../metrics/locators.ts';

/** An annotation on a file of the repository, as the check run shows it in the PR's diff view. */
export interface Annotation {
  /** Repository-relative path, with `/` (a metric file, the config line that set the tolerance). */
  path: string;
  /** 1-based lines; a file-level annotation is on line 1 (the checks API needs a line). */
  startLine: number;
  endLine: number;
  level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

/**
 * One annotation per drifted metric, on the config line that set the tolerance it was held to
 * (the `metric-tolerances` glob that matched, else `tolerance:`, else the file's first line):
 * that is the line a reviewer would change to accept the drift, so it is where the PR diff
 * view shows it. Settings given as action inputs live in the workflow file: the caller passes
 * that file instead, and the `tolerance:` input's line is found by its text.
 */
export function driftAnnotations(
  verdict: Verdict,
  config: { repoPath: string; text: string } | null,
  level: 'failure' | 'warning',
): Annotation[] {
  if (!config) return [];
  const lines = toleranceLines(config.text);
  return verdict.metrics.filter(isDriftedMetric).map((metric) => {
    const glob = /^metric-tolerances\["(.*)"\]$/.exec(metric.tolerance.source)?.[1];
    const line = (glob !== undefined ? lines.globs.get(glob) : undefined) ?? lines.tolerance ?? 1;
    return annotationOn(config.repoPath, line, level, metric, describe(metric));
  });
}

/**
 * One annotation per drifted metric on the metric file that logged it, for runs with no settings
 * file to point at (every setting an action input, the workflow file not in the checkout). The
 * place comes from the record locators of CURRENT, the run's metrics as the compare read them:
 * a series is annotated on the record of its first divergent step (else its first out-of-tolerance
 * step), a final value on its own record. A record that is no line (a TensorBoard event's byte
 * offset, an entry of a JSON document) gives a file-level annotation that says where in the file;
 * a metric without a place (missing from this run, or data decoded from a run record) is
 * annotated at the top of FALLBACKFILE (the run's first metric file), or not at all when null.
 * REPOPATHOF maps a file as its reader named it to a repository path, or null for a file outside
 * the repository (GitHub shows annotations on repository paths only): those are left out. Pure.
 */
export function metricFileAnnotations(
  verdict: Verdict,
  current: MetricData,
  level: 'failure' | 'warning',
  repoPathOf: (file: string) => string | null,
  fallbackFile: string | null,
): Annotation[] {
  const fallbackPath = fallbackFile === null ? null : repoPathOf(fallbackFile);
  return verdict.metrics.filter(isDriftedMetric).flatMap((metric) => {
    const logged = placeOfDrift(metric, current);
    const loggedPath = logged && repoPathOf(logged.place.file);
    if (logged && loggedPath !== null) {
      const where = logged.place.line === undefined ? `\nlogged at ${logged.describe}` : '';
      return [annotationOn(loggedPath, logged.place.line ?? 1, level, metric, describe(metric) + where)];
    }
    return fallbackPath === null ? [] : [annotationOn(fallbackPath, 1, level, metric, describe(metric))];
  });
}

/**
 * Where CURRENT logged the value METRIC is annotated at (see metricFileAnnotations), with the
 * locator's words for it; null when the data carries no origin for it. Pure.
 */
export function placeOfDrift(
  metric: MetricComparison,
  current: MetricData,
): { place: RecordPlace; describe: string } | null {
  const series = current.series.get(metric.name);
  if (series?.origin && series.steps.length > 0) {
    const step = metric.firstDivergentStep ?? metric.firstOutOfToleranceStep ?? series.steps[0]!;
    const { locator, records } = series.origin;
    const index = indexOfStep(series.steps, step);
    const record = records[index]!;
    // A step this run did not log (the baseline's only): the file, with no line to claim.
    if (series.steps[index] !== step)
      return { place: { file: placeOfRecord(locator, record).file }, describe: locator.file };
    return { place: placeOfRecord(locator, record), describe: locator.describe(record) };
  }
  const final = current.finalOrigins?.get(metric.name);
  if (!current.finals.has(metric.name) || !final) return null;
  return { place: placeOfRecord(final.locator, final.record), describe: final.locator.describe(final.record) };
}

/** The index of STEP in ascending STEPS, or of the first step after it (the last index past the end). */
function indexOfStep(steps: ArrayLike<number>, step: number): number {
  let low = 0;
  let high = steps.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (steps[middle]! < step) low = middle + 1;
    else high = middle;
  }
  return low;
}

function annotationOn(
  path: string,
  line: number,
  level: Annotation['level'],
  metric: MetricComparison,
  message: string,
): Annotation {
  const title = `repro-check: ${metric.name} ${metric.status === 'missing' ? 'missing' : 'drifted'}`;
  return { path, startLine: line, endLine: line, level, title, message };
}

function describe(metric: MetricComparison): string {
  if (metric.status === 'missing')
    return `${metric.name} is in the baseline but this run did not log it${metric.renamedTo ? ` (renamed? this run logs ${metric.renamedTo} with the same values)` : ''}.`;
  const tolerance = metric.tolerance.exact ? 'exact' : `rtol ${metric.tolerance.rtol}, atol ${metric.tolerance.atol}`;
  return [
    `${metric.name}: first divergent step ${formatStep(metric.firstDivergentStep)}, first out-of-tolerance step ${formatStep(metric.firstOutOfToleranceStep)}`,
    `max |diff| ${formatDiff(metric.maxAbsDiff)}, max rel diff ${formatDiff(metric.maxRelDiff)} (tolerance ${tolerance}, from ${metric.tolerance.source})`,
    ...(metric.missingStepCount > 0
      ? [`${metric.missingStepCount} baseline steps missing from this run, first ${metric.missingSteps[0]}`]
      : []),
    ...(metric.becameNonFinite
      ? [
          `became ${formatValue(metric.becameNonFinite.value)}${metric.becameNonFinite.step === null ? '' : ` at step ${metric.becameNonFinite.step}`} (the baseline's value is finite)`,
        ]
      : []),
  ].join('\n');
}

function toleranceLines(text: string): { tolerance: number | undefined; globs: Map<string, number> } {
  const lineCounter = new LineCounter();
  const document = YAML.parseDocument(text, { lineCounter, uniqueKeys: false });
  const globs = new Map<string, number>();
  let tolerance: number | undefined;
  const lineOf = (node: unknown) => {
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === 'tolerance') tolerance = lineOf(pair.key);
      if (key === 'metric-tolerances' && isMap(pair.value)) {
        for (const entry of pair.value.items)
          if (isScalar(entry.key)) globs.set(String(entry.key.value), lineOf(entry.key) ?? 1);
      }
    }
  }
  // Not a top-level key (a workflow file's `with:` block): the first line that sets it.
  tolerance ??= text.split('\n').findIndex((line) => /^\s*tolerance\s*:/.test(line)) + 1 || undefined;
  return { tolerance, globs };
}
