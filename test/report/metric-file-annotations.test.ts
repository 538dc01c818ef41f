/**
 * Drift annotations on the metric file, for runs whose settings all came as inputs and whose
 * workflow file is not in the checkout. The line comes from the metric readers' record locators
 * (the series the compare read), so a CSV row whose quoted fields hold commas or line breaks, a
 * JSONL log with NaN, and a TensorBoard event file (records are byte offsets: a file-level
 * annotation) are each annotated where the value was logged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareMetrics } from '../../src/compare/compare.ts';
import { DEFAULT_TOLERANCE, TolerancePicker } from '../../src/compare/tolerance.ts';
import { parseMetricText } from '../../src/metrics/parse.ts';
import { readStructuredMetrics } from '../../src/metrics/metric-source.ts';
import type { MetricData } from '../../src/metrics/series.ts';
import { metricFileAnnotations } from '../../src/report/annotations.ts';
import type { Verdict } from '../../src/compare/types.ts';

const fixture = (name: string) => readFile(new URL(`../fixtures/metrics/${name}`, import.meta.url), 'utf8');
const compare = (baseline: MetricData, current: MetricData): Verdict =>
  compareMetrics(baseline, current, {
    tolerances: new TolerancePicker(DEFAULT_TOLERANCE, 'default', {}),
    include: [],
    ignore: [],
  });
/** Every file the readers named maps to REPO_PATH (a run whose metric file is in the workspace). */
const inRepo = (repoPath: string) => () => repoPath;

/** TEXT with the number on line LINE (1-based) after KEY nudged, as a run that parts there would log it. */
function nudged(text: string, line: number, key: string): string {
  const lines = text.split('\n');
  lines[line - 1] = lines[line - 1]!.replace(
    new RegExp(`(${key}"?[:,]\\s*)(\\d+\\.\\d+)`),
    (_, before: string, value: string) => `${before}${Number(value) + 0.125}`,
  );
  return lines.join('\n');
}

const lines = (annotations: ReturnType<typeof metricFileAnnotations>) =>
  Object.fromEntries(annotations.map((a) => [a.title, [a.path, a.startLine, a.endLine]]));

test('JSONL: each drifted metric is annotated on the line that logged its first divergent step, eval and train apart, NaN lines included', async () => {
  const baselineText = await fixture('pytorch-train.jsonl');
  // Line 11 is step 10's eval line (it holds a NaN); line 14 is train at step 13, and line 15 (step 14) parts too.
  const currentText = nudged(nudged(nudged(baselineText, 11, '"loss'), 14, '"loss'), 15, '"loss');
  assert.notEqual(currentText, baselineText);
  const verdict = compare(parseMetricText(baselineText, 'm.jsonl'), parseMetricText(currentText, 'm.jsonl'));
  const annotations = metricFileAnnotations(
    verdict,
    parseMetricText(currentText, 'm.jsonl'),
    'failure',
    inRepo('logs/metrics.jsonl'),
    null,
  );
  assert.deepEqual(lines(annotations), {
    'repro-check: eval.loss drifted': ['logs/metrics.jsonl', 11, 11],
    'repro-check: train.loss drifted': ['logs/metrics.jsonl', 14, 14],
  });
  assert.ok(annotations.every((a) => a.level === 'failure'));
  assert.match(annotations.find((a) => a.title.includes('eval.loss'))!.message, /first divergent step 10/);
});

test('CSV: the row that logged the step and the metric (Lightning writes train and val rows apart; epoch is on both)', async () => {
  const baselineText = await fixture('lightning-metrics.csv');
  // Step 7 has a train row (line 3) and a val row (line 4); both losses part there.
  const currentText = baselineText
    .replace('0,7,0.707301914691925,,', '0,7,0.75,,')
    .replace('0,7,,0.8125,0.5800973773002625', '0,7,,0.8125,0.625');
  assert.equal(currentText.split('\n').length, baselineText.split('\n').length);
  assert.notEqual(currentText, baselineText);
  const current = parseMetricText(currentText, 'metrics.csv');
  const verdict = compare(parseMetricText(baselineText, 'metrics.csv'), current);
  assert.deepEqual(lines(metricFileAnnotations(verdict, current, 'warning', inRepo('lightning/metrics.csv'), null)), {
    'repro-check: train_loss drifted': ['lightning/metrics.csv', 3, 3],
    'repro-check: val_loss drifted': ['lightning/metrics.csv', 4, 4],
  });
});

test('CSV with quoted fields holding commas and a line break: the line the drifted row starts on', () => {
  const csv = (lossAtStep3: number) =>
    [
      'step,note,loss,acc',
      '1,"warmup, lr=0.1, wd=0",0.9,0.5',
      '2,"a note over',
      'two lines, with commas",0.8,0.6',
      `3,"""quoted"", then a comma, here",${lossAtStep3},0.7`,
      '4,plain,0.6,0.8',
      '',
    ].join('\n');
  const current = parseMetricText(csv(0.75), 'run.csv');
  const verdict = compare(parseMetricText(csv(0.7), 'run.csv'), current);
  assert.deepEqual(
    verdict.metrics.filter((m) => m.status === 'drift').map((m) => [m.name, m.firstDivergentStep]),
    [['loss', 3]],
  );
  // Step 3 is on line 5: the quoted field of step 2 spans lines 3 and 4.
  assert.deepEqual(lines(metricFileAnnotations(verdict, current, 'failure', inRepo('run.csv'), null)), {
    'repro-check: loss drifted': ['run.csv', 5, 5],
  });
});

test('TensorBoard: a record is a byte offset, not a line, so the annotation is on the event file as a whole and says where', () => {
  const events = path.resolve(
    'test/fixtures/metrics/tensorboard/pytorch/events.out.tfevents.1700000000.fixture-host.4242.0',
  );
  const current = readStructuredMetrics(events, { notBefore: null, baseDir: path.dirname(events) })!;
  const [tag, series] = [...current.series][0]!;
  assert.ok(series.steps.length >= 2, 'the fixture logs a series of at least two steps');
  // The baseline differs at the series' second step only.
  const values = Array.from(series.values);
  values[1] = values[1]! + 1;
  const baseline: MetricData = {
    series: new Map([...current.series].map(([name, s]) => [name, name === tag ? { steps: s.steps, values } : s])),
    finals: new Map(current.finals),
    notes: [],
  };
  const verdict = compare(baseline, current);
  const repoPaths: string[] = [];
  const annotations = metricFileAnnotations(
    verdict,
    current,
    'failure',
    (file) => {
      repoPaths.push(file);
      return path.relative(process.cwd(), file);
    },
    null,
  );
  assert.equal(annotations.length, 1);
  assert.deepEqual(
    [annotations[0]!.title, annotations[0]!.path, annotations[0]!.startLine],
    [`repro-check: ${tag} drifted`, path.relative(process.cwd(), events), 1],
  );
  assert.ok(repoPaths.includes(events), 'the event file is the one the locator names');
  assert.match(annotations[0]!.message, new RegExp(`first divergent step ${series.steps[1]}`));
  assert.match(annotations[0]!.message, /logged at .*events\.out\.tfevents.*\(record at byte \d+\)/);
});

test('a final value is annotated on its own line; a metric this run did not log, at the top of the first metric file', () => {
  const baseline = parseMetricText('{"step": 1, "loss": 1}\n{"accuracy": 0.9}\n{"f1": 0.5}\n', 'final.jsonl');
  const current = parseMetricText(
    '{"step": 1, "loss": 1}\n{"note": "f1 not logged"}\n{"accuracy": 0.8}\n',
    'final.jsonl',
  );
  const verdict = compare(baseline, current);
  assert.deepEqual(
    lines(metricFileAnnotations(verdict, current, 'warning', inRepo('out/final.jsonl'), '/work/out/final.jsonl')),
    {
      'repro-check: accuracy drifted': ['out/final.jsonl', 3, 3],
      'repro-check: f1 missing': ['out/final.jsonl', 1, 1],
    },
  );
});

test('files outside the repository are not annotated; data without locators (a decoded run record) goes to the fallback file', () => {
  const baseline = parseMetricText('{"step": 1, "loss": 1}\n', 'm.jsonl');
  const current = parseMetricText('{"step": 1, "loss": 2}\n', 'm.jsonl');
  const verdict = compare(baseline, current);
  assert.deepEqual(
    metricFileAnnotations(verdict, current, 'warning', () => null, '/tmp/m.jsonl'),
    [],
  );
  const decoded: MetricData = {
    series: new Map([['loss', { steps: [1], values: [2] }]]),
    finals: new Map(),
    notes: [],
  };
  assert.deepEqual(lines(metricFileAnnotations(verdict, decoded, 'warning', inRepo('logs/m.jsonl'), 'm.jsonl')), {
    'repro-check: loss drifted': ['logs/m.jsonl', 1, 1],
  });
});
