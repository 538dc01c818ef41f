/**
 * Drift annotations on the metric file, for runs whose settings all came as inputs and whose
 * workflow file is not in the checkout: real metric files (a PyTorch JSONL log with NaN, a
 * Lightning CSVLogger file with train and val rows apart) compared with a copy that parts at a step.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { compareMetrics } from '../../src/compare/compare.ts';
import { DEFAULT_TOLERANCE, TolerancePicker } from '../../src/compare/tolerance.ts';
import { parseMetricText } from '../../src/metrics/parse.ts';
import { lineOfStep, metricFileAnnotations } from '../../src/action/metric-file-annotations.ts';

const fixture = (name: string) => readFile(new URL(`../fixtures/metrics/${name}`, import.meta.url), 'utf8');

/** TEXT with the number on line LINE (1-based) after KEY nudged, as a run that parts there would log it. */
function nudged(text: string, line: number, key: string): string {
  const lines = text.split('\n');
  lines[line - 1] = lines[line - 1]!.replace(
    new RegExp(`(${key}"?[:,]\\s*)(\\d+\\.\\d+)`),
    (_, before: string, value: string) => `${before}${Number(value) + 0.125}`,
  );
  return lines.join('\n');
}

test('JSONL: each drifted metric is annotated on the line that logged its first divergent step, eval and train apart, NaN lines included', async () => {
  const baselineText = await fixture('pytorch-train.jsonl');
  // Line 11 is step 10's eval line (it holds a NaN); line 14 is train at step 13.
  const currentText = nudged(nudged(baselineText, 11, '"loss'), 14, '"loss');
  assert.notEqual(currentText, baselineText);
  const verdict = compareMetrics(parseMetricText(baselineText, 'm.jsonl'), parseMetricText(currentText, 'm.jsonl'), {
    tolerances: new TolerancePicker(DEFAULT_TOLERANCE, 'default', {}),
    include: [],
    ignore: [],
  });
  const annotations = metricFileAnnotations(
    verdict,
    [{ repoPath: 'logs/metrics.jsonl', text: currentText }],
    'failure',
  );
  const byTitle = new Map(annotations.map((a) => [a.title, a]));
  assert.deepEqual(
    [
      byTitle.get('repro-check: eval.loss drifted')?.startLine,
      byTitle.get('repro-check: train.loss drifted')?.startLine,
    ],
    [11, 14],
  );
  assert.ok(
    annotations.every((a) => a.path === 'logs/metrics.jsonl' && a.level === 'failure' && a.endLine === a.startLine),
  );
  assert.match(byTitle.get('repro-check: eval.loss drifted')!.message, /first divergent step 10/);
});

test('CSV: the row that logged the step and the metric (Lightning writes train and val rows apart)', async () => {
  const text = await fixture('lightning-metrics.csv');
  const file = { repoPath: 'lightning_logs/metrics.csv', text };
  // Step 7 has a train row (line 3) and a val row (line 4).
  assert.equal(lineOfStep(file, 7, 'train_loss'), 3);
  assert.equal(lineOfStep(file, 7, 'val_loss'), 4);
  assert.equal(lineOfStep(file, 7, 'lightning.val_loss'), 4, 'a prefix from a metrics map is not in the file');
  assert.equal(lineOfStep(file, 999, 'val_loss'), null);
});

test('no step to point at, or no metric file in the workspace: line 1, or nothing', () => {
  const picker = new TolerancePicker(DEFAULT_TOLERANCE, 'default', {});
  const finals = (value: number) => parseMetricText(`{"accuracy": ${value}}\n`, 'final.jsonl');
  const verdict = compareMetrics(finals(0.9), finals(0.8), { tolerances: picker, include: [], ignore: [] });
  assert.deepEqual(
    metricFileAnnotations(verdict, [{ repoPath: 'out/final.jsonl', text: '{"accuracy": 0.8}\n' }], 'warning').map(
      (a) => [a.path, a.startLine, a.title],
    ),
    [['out/final.jsonl', 1, 'repro-check: accuracy drifted']],
  );
  assert.deepEqual(metricFileAnnotations(verdict, [], 'warning'), []);
});
