import type { Verdict } from '../compare/types.ts';
import type { Annotation } from '../github/check-run.ts';
import { driftAnnotations } from '../report/annotations.ts';
import { bestStepKey } from '../metrics/step-axis.ts';
import { completeJsonObjectOn } from '../metrics/json-lines.ts';
import { isDriftedMetric } from '../compare/outcome.ts';

/** A metric file the training wrote inside the workspace: its repository path and text. */
export interface MetricFileText {
  repoPath: string;
  text: string;
}

/**
 * Drift annotations on the metric file itself, for runs with no settings file to point at (every
 * setting given as an input, and the workflow file not in the checkout): each drifted metric is
 * annotated on the line that logged its first divergent step (else its first out-of-tolerance
 * step), else on line 1. Pure.
 */
export function metricFileAnnotations(
  verdict: Verdict,
  files: readonly MetricFileText[],
  level: 'failure' | 'warning',
): Annotation[] {
  const first = files[0];
  if (!first) return [];
  // driftAnnotations words each message; with no tolerance line to find it puts all on line 1.
  // Its annotations come in the order of the drifted metrics, filtered the same way as here.
  const drifted = verdict.metrics.filter(isDriftedMetric);
  const worded = driftAnnotations(verdict, { repoPath: first.repoPath, text: '' }, level);
  return worded.map((annotation, index) => {
    const metric = drifted[index]!;
    const step = metric.firstDivergentStep ?? metric.firstOutOfToleranceStep;
    if (step === null) return annotation;
    for (const file of files) {
      const line = lineOfStep(file, step, metric.name);
      if (line !== null) return { ...annotation, path: file.repoPath, startLine: line, endLine: line };
    }
    return annotation;
  });
}

/**
 * The 1-based line of FILE that logged STEP, preferring one that also holds the metric (train and
 * eval may log the same step on separate lines); null when no line does. JSONL and CSV/TSV are
 * read line by line; a line that does not parse is skipped (the metrics were already read whole).
 */
export function lineOfStep(file: MetricFileText, step: number, metricName: string): number | null {
  const lines = file.text.split('\n');
  const leaf = metricName.slice(metricName.lastIndexOf('.') + 1);
  let anyLine: number | null = null;
  const delimiter = /\.tsv$/i.test(file.repoPath) ? '\t' : /\.csv$/i.test(file.repoPath) ? ',' : null;
  if (delimiter !== null) {
    const header = (lines[0] ?? '').split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
    const stepKey = bestStepKey(header);
    const stepColumn = stepKey === undefined ? -1 : header.indexOf(stepKey);
    const metricColumn = header.findIndex((name) => name === metricName || name === leaf);
    if (stepColumn < 0) return null;
    for (let i = 1; i < lines.length; i += 1) {
      const cells = lines[i]!.split(delimiter);
      if (cells[stepColumn]?.trim() === '' || Number(cells[stepColumn]) !== step) continue;
      if (metricColumn < 0 || (cells[metricColumn] ?? '').trim() !== '') return i + 1;
      anyLine ??= i + 1;
    }
    return anyLine;
  }
  const path = metricName.split('.');
  for (let i = 0; i < lines.length; i += 1) {
    // The JSON object on the line, Python's NaN/Infinity accepted, as the metrics reader reads it.
    const record = completeJsonObjectOn(lines[i]!) ?? null;
    if (record === null) continue;
    const stepKey = bestStepKey(Object.keys(record));
    if (stepKey === undefined || record[stepKey] !== step) continue;
    // Any tail of the dotted name: a `metrics: {prefix: file}` setting adds the prefix to the names, not to the file.
    if (path.some((_, start) => holds(record, path.slice(start)))) return i + 1;
    anyLine ??= i + 1;
  }
  return anyLine;
}

/** Whether RECORD holds the dotted PATH (`{"train": {"loss": …}}` for train.loss). */
function holds(record: Record<string, unknown>, path: readonly string[]): boolean {
  let node: unknown = record;
  for (const key of path) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}
