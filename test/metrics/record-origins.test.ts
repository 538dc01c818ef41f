/**
 * Every series keeps the record each of its steps was read from (what annotations point at):
 * shared while metrics are logged on the same lines, apart when they are not, the later line
 * when a value is logged again, and sorted with the values when a resumed run's steps go back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addPrefix, parseMetricText } from '../../src/metrics/parse.ts';
import type { MetricData } from '../../src/metrics/series.ts';
import { placeOfRecord } from '../../src/metrics/locators.ts';

/** Each series' steps and the lines they were logged on, by name. */
function linesOf(data: MetricData): Record<string, Array<[number, number | undefined]>> {
  return Object.fromEntries(
    [...data.series].map(([name, series]) => [
      name,
      Array.from(series.steps, (step, i) => [
        step,
        placeOfRecord(series.origin!.locator, series.origin!.records[i]!).line,
      ]),
    ]),
  );
}

test('train and eval lines at one step: each metric points at its own line; epoch, logged on both, at the later one', () => {
  const data = parseMetricText(
    [
      '{"step": 1, "loss": 0.9, "epoch": 0}',
      '{"step": 2, "loss": 0.8, "epoch": 0}',
      '{"step": 2, "eval_loss": 0.85, "epoch": 0}',
      '{"step": 3, "loss": 0.7, "epoch": 1}',
      '',
    ].join('\n'),
    'trainer.jsonl',
  );
  assert.deepEqual(linesOf(data), {
    loss: [
      [1, 1],
      [2, 2],
      [3, 4],
    ],
    epoch: [
      [1, 1],
      [2, 3],
      [3, 4],
    ],
    eval_loss: [[2, 3]],
  });
});

test('a resumed run re-logging steps: the kept (last) value points at the line it came from', () => {
  const data = parseMetricText(
    ['step,loss', '1,0.9', '2,0.8', '3,0.7', '2,0.81', '3,0.71', '4,0.6', ''].join('\n'),
    'resumed.csv',
  );
  assert.deepEqual(linesOf(data), {
    loss: [
      [1, 2],
      [2, 5],
      [3, 6],
      [4, 7],
    ],
  });
  assert.deepEqual(Array.from(data.series.get('loss')!.values), [0.9, 0.81, 0.71, 0.6]);
});

test('final values keep their record; a prefix or rename keeps the origins', () => {
  const data = parseMetricText('{"step": 1, "loss": 1}\n{"accuracy": 0.9}\n', 'final.jsonl');
  const origin = data.finalOrigins!.get('accuracy')!;
  assert.deepEqual(placeOfRecord(origin.locator, origin.record), { file: 'final.jsonl', line: 2 });
  const prefixed = addPrefix(data, 'run');
  assert.equal(prefixed.finalOrigins!.get('run.accuracy'), origin);
  assert.deepEqual(linesOf(prefixed), { 'run.loss': [[1, 1]] });
});
