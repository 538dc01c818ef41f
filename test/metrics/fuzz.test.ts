/** Fuzz properties of the metric parsers (fast-check, fixed seed): any text gives metric data or one of our errors. */
import { test } from 'node:test';
import fc from 'fast-check';
import { parseMetricText } from '../../src/metrics/parse.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readComparable } from '../../src/record/baseline-store.ts';
import { fuzzParameters, metricFileText, returnsOrThrowsOurError } from '../support/fuzz.ts';

test('parseMetricText: any metric-like or random text returns data or throws our error, without a stack and in bounded time', () => {
  fc.assert(
    fc.property(metricFileText, (text) => returnsOrThrowsOurError(() => parseMetricText(text, 'fuzz.jsonl'))),
    fuzzParameters(400),
  );
});

test('readComparable: run-record and baseline lookalikes with any metrics block are read or refused as input errors', () => {
  const series = fc.dictionary(
    fc.string({ maxLength: 6 }),
    fc.record({
      steps: fc.array(fc.oneof(fc.nat(), fc.double()), { maxLength: 4 }),
      values: fc.array(fc.oneof(fc.double(), fc.constantFrom('NaN', '-0', 'Infinity', 'x')), { maxLength: 4 }),
    }),
    { maxKeys: 3 },
  );
  const record = fc.record({
    kind: fc.constantFrom('repro-check/run-record', 'repro-check/baseline', 'repro-check/other'),
    schemaVersion: fc.oneof(fc.constant(1), fc.integer({ min: -1, max: 3 }), fc.string({ maxLength: 2 })),
    provenance: fc.record({
      commit: fc.string({ maxLength: 4 }),
      seed: fc.oneof(fc.nat(), fc.string({ maxLength: 2 })),
    }),
    environment: fc.constant({}),
    metrics: fc.record({
      series,
      finals: fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.double(), fc.string({ maxLength: 3 })), {
        maxKeys: 2,
      }),
    }),
  });
  const document = fc.oneof(
    record.map((r) => JSON.stringify(r)),
    fc
      .record({
        kind: fc.constant('repro-check/baseline'),
        schemaVersion: fc.constant(1),
        createdAt: fc.constant('x'),
        runs: fc.array(record, { maxLength: 2 }),
      })
      .map((b) => JSON.stringify(b)),
  );
  // readComparable reads files (as a stream of lines), so each case is written to one.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'repro-fuzz-'));
  const file = path.join(dir, 'fuzz.json');
  try {
    fc.assert(
      fc.property(document, (text) => {
        writeFileSync(file, text);
        returnsOrThrowsOurError(() => readComparable(file));
      }),
      fuzzParameters(300),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
