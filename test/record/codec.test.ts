import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeMetricData,
  decodeRecordDocument,
  encodeMetricData,
  isReproDocument,
  serializeDocument,
} from '../../src/record/codec.ts';
import { InputFileError } from '../../src/errors.ts';
import type { RunRecordJson } from '../../src/record/types.ts';

const awkwardValues = [
  0.1 + 0.2,
  -0,
  NaN,
  Infinity,
  -Infinity,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  1 / 3,
  -1e-300,
  5e-324,
];

function record(values: number[]): RunRecordJson {
  return {
    kind: 'repro-check/run-record',
    schemaVersion: 1,
    provenance: {
      commit: 'a'.repeat(40),
      ref: 'refs/heads/main',
      shallow: false,
      dirty: false,
      command: 'python t.py',
      seed: 1,
      settingsHash: 'h',
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    environment: {
      os: { platform: 'linux', release: '6', arch: 'x64' },
      cpu: { model: 'x', cores: 2 },
      node: 'v20',
      python: null,
      gpu: null,
      files: {},
      extra: {},
    },
    metrics: encodeMetricData({
      series: new Map([['loss', { steps: values.map((_, i) => i), values }]]),
      finals: new Map([['acc', -0]]),
      notes: ['n'],
    }),
  };
}

test('every double survives a write and a read bit for bit, NaN/Infinity/-0 as strings', () => {
  const text = serializeDocument(record(awkwardValues));
  assert.ok(text.includes('"NaN"') && text.includes('"-Infinity"') && text.includes('"-0"'));
  const parsed = JSON.parse(text);
  assert.ok(isReproDocument(parsed));
  const document = decodeRecordDocument(parsed, 'r.json');
  assert.equal(document.kind, 'run-record');
  const data = decodeMetricData(document.kind === 'run-record' ? document.record.metrics : assert.fail(), 'r.json');
  const back = data.series.get('loss')!.values;
  assert.equal(back.length, awkwardValues.length);
  Array.from(back).forEach((value, i) =>
    assert.ok(Object.is(value, awkwardValues[i]), `value ${i}: ${value} vs ${awkwardValues[i]}`),
  );
  assert.ok(Object.is(data.finals.get('acc'), -0));
});

test('a newer schema is refused with a message naming the file; an unknown kind lists the accepted ones', () => {
  const newer = { ...record([1]), schemaVersion: 2 };
  assert.throws(
    () => decodeRecordDocument(newer, 'base.json'),
    (error: unknown) => error instanceof InputFileError && /base\.json: .*schemaVersion 2 is newer/.test(error.message),
  );
  assert.throws(
    () => decodeRecordDocument({ kind: 'repro-check/other' }, 'x.json'),
    /unknown kind "repro-check\/other"; accepted/,
  );
  assert.throws(
    () =>
      decodeRecordDocument(
        { kind: 'repro-check/baseline', schemaVersion: 1, createdAt: 'x', runs: [] } as { kind: string },
        'b.json',
      ),
    /b\.json: not a valid repro-check\/baseline v1: runs/,
  );
});

test('optional blocks later features add are kept as written', () => {
  const withExtras = {
    ...record([1]),
    checkpoints: [{ path: 'c.safetensors', step: 3, tensors: [] }],
    futureBlock: { x: 1 },
  };
  const document = decodeRecordDocument(JSON.parse(JSON.stringify(withExtras)), 'r.json');
  assert.equal(document.kind, 'run-record');
  if (document.kind === 'run-record') {
    assert.deepEqual(document.record.checkpoints, withExtras.checkpoints);
    assert.deepEqual((document.record as unknown as { futureBlock: unknown }).futureBlock, { x: 1 });
  }
});
