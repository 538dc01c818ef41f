import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMetricsLine } from '../../src/trainer/metrics-line.ts';
import { parseMetricText } from '../../src/metrics/parse.ts';
import { plainSeries } from '../support/plain-series.ts';

test('metric lines read back through our JSONL parser, non-finite values included', () => {
  const lines = [
    formatMetricsLine(1, { train: { loss: 0.5, accuracy: 0.25 } }),
    formatMetricsLine(2, { train: { loss: NaN }, eval: { loss: Infinity, margin: -Infinity, bias: -0 } }),
    formatMetricsLine(null, { accuracy: 0.875 }),
    formatMetricsLine(3, {}),
  ];
  assert.equal(lines[0]!.text, '{"step":1,"train":{"loss":0.5,"accuracy":0.25}}');
  assert.equal(lines[1]!.text, '{"step":2,"train":{"loss":NaN},"eval":{"loss":Infinity,"margin":-Infinity,"bias":-0}}');
  assert.deepEqual(lines[1]!.nonFinite, [
    { name: 'train.loss', value: NaN },
    { name: 'eval.loss', value: Infinity },
    { name: 'eval.margin', value: -Infinity },
  ]);
  assert.equal(lines[2]!.text, '{"accuracy":0.875}');
  assert.equal(lines[3]!.text, '{"step":3}');
  const data = parseMetricText(lines.map((l) => l.text).join('\n') + '\n', 'metrics.jsonl');
  assert.deepEqual(plainSeries(data.series.get('train.loss')), { steps: [1, 2], values: [0.5, NaN] });
  assert.deepEqual(plainSeries(data.series.get('eval.loss')), { steps: [2], values: [Infinity] });
  assert.deepEqual(plainSeries(data.series.get('eval.margin')), { steps: [2], values: [-Infinity] });
  assert.ok(Object.is(data.series.get('eval.bias')!.values[0], -0));
  assert.equal(data.finals.get('accuracy'), 0.875);
  // A string is kept in the file but is no series: the parser compares numbers only.
  const withString = formatMetricsLine(5, { loss: 'NaN', lr: 0.1 });
  assert.equal(withString.text, '{"step":5,"loss":"NaN","lr":0.1}');
  assert.deepEqual(withString.nonFinite, []);
  const read = parseMetricText(withString.text, 'm.jsonl');
  assert.deepEqual([...read.series.keys()], ['lr']);
  // Shortest round-trip form: the value read back is the same double.
  const value = 0.1 + 0.2;
  assert.equal(parseMetricText(formatMetricsLine(4, { x: value }).text, 'm.jsonl').series.get('x')!.values[0], value);
});

test('bad log calls are refused with what is wrong', () => {
  assert.throws(() => formatMetricsLine(-1, { x: 1 }), /step must be a non-negative integer or null, got -1/);
  assert.throws(() => formatMetricsLine(1.5, { x: 1 }), /got 1.5/);
  assert.throws(() => formatMetricsLine(1, { step: 2 }), /"step" is the step key/);
  assert.throws(
    () => formatMetricsLine(1, { train: true as unknown as number }),
    /train must be an object of numbers \(or strings\)/,
  );
  assert.throws(() => formatMetricsLine(1, { train: { '': 1 } }), /empty metric name under train/);
});
