import YAML, { isMap, isScalar, LineCounter } from 'yaml';
import type { MetricComparison, Verdict } from '../compare/types.ts';
import { formatDiff, formatStep, formatValue } from './format.ts';

import type { Annotation } from '../github/check-run.ts';
import { isDriftedMetric } from '../compare/outcome.ts';

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
    return {
      path: config.repoPath,
      startLine: line,
      endLine: line,
      level,
      title: `repro-check: ${metric.name} ${metric.status === 'missing' ? 'missing' : 'drifted'}`,
      message: describe(metric),
    };
  });
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
