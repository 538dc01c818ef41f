import type { MetricComparison } from '../compare/types.ts';

/** What a comparison left out, in words for the reports: steps one side lacks, values that were not numbers. */

/** How many steps of each side a report line lists; the JSON lists up to MAX_LISTED_STEPS, and counts. */
const SHOWN_STEPS = 5;

/**
 * The steps one side logged and the other did not, in words for a report line:
 * "2 baseline steps missing: 5, 6; 3 extra steps in this run: 7, 8, 9". Both are drift (compare.ts).
 * Takes one metric's comparison; returns null when both sides logged the same steps.
 */
export function describeStepGaps(
  metric: Pick<MetricComparison, 'missingSteps' | 'missingStepCount' | 'extraSteps' | 'extraStepCount'>,
  axis = 'step',
): string | null {
  const parts: string[] = [];
  if (metric.missingStepCount > 0)
    parts.push(
      `${count(metric.missingStepCount, `baseline ${axis}`)} missing: ${listed(metric.missingSteps, metric.missingStepCount)}`,
    );
  if (metric.extraStepCount > 0)
    parts.push(
      `${count(metric.extraStepCount, `extra ${axis}`)} in this run: ${listed(metric.extraSteps, metric.extraStepCount)}`,
    );
  return parts.length === 0 ? null : parts.join('; ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function listed(steps: readonly number[], total: number): string {
  const shown = steps.slice(0, SHOWN_STEPS).join(', ');
  return total > SHOWN_STEPS ? `${shown}, …` : shown;
}

/** "values of `loss` were not compared (see notes)", naming at most three fields (the notes say why: text, an array too long). */
export function uncomparedText(names: string[]): string {
  const shown = names.slice(0, 3).map((name) => `\`${name}\``);
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  return `values of ${shown.join(', ')}${more} were not compared (see notes)`;
}
