import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  decodeBaselineForCheck,
  loadBaselineForCheck,
  readComparableDocument,
  refuseNewerBaseline,
  workingTreeBaseline,
} from '../../src/record/baseline-store.ts';
import { readAggregateInputs } from '../../src/modes/aggregate.ts';
import { encodeMetricData, serializeDocument } from '../../src/record/codec.ts';
import { encodeBand } from '../../src/record/band.ts';
import { InputFileError } from '../../src/errors.ts';
import type { BaselineJson, RunRecordJson } from '../../src/record/types.ts';

function record(overrides: Partial<RunRecordJson['provenance']> = {}): RunRecordJson {
  return {
    kind: 'repro-check/run-record',
    schemaVersion: 1,
    provenance: {
      commit: 'b'.repeat(40),
      ref: 'refs/heads/main',
      shallow: false,
      dirty: false,
      command: 'python t.py',
      seed: 7,
      settingsHash: 'h',
      createdAt: '2026-11-30T00:00:00.000Z',
      ...overrides,
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
      series: new Map([['loss', { steps: [1, 2], values: [0.5, 0.25] }]]),
      finals: new Map(),
      notes: [],
    }),
  };
}

const baseline = (runs: RunRecordJson[]): BaselineJson => ({
  kind: 'repro-check/baseline',
  schemaVersion: 1,
  createdAt: '2026-11-30T00:00:00.000Z',
  runs,
});

/** Asserts that BODY throws an InputFileError naming LABEL, with a message matching PROBLEM. */
function refuses(body: () => unknown, label: string, problem: RegExp): void {
  assert.throws(body, (error: unknown) => {
    assert.ok(error instanceof InputFileError, `an InputFileError, not ${String(error)}`);
    assert.equal(error.file, label);
    assert.ok(error.message.startsWith(`${label}: `), error.message);
    assert.match(error.message, problem);
    return true;
  });
}

test('a baseline decodes to its first run and its metrics; a run record committed as the baseline is a one-run baseline', () => {
  const loaded = decodeBaselineForCheck(serializeDocument(baseline([record()])), '.repro/baseline.json');
  assert.equal(loaded.run.provenance.seed, 7);
  assert.deepEqual(Array.from(loaded.data.series.get('loss')!.values), [0.5, 0.25]);
  const fromRecord = decodeBaselineForCheck(serializeDocument(record()), 'run.json');
  assert.equal(fromRecord.baseline.kind, 'repro-check/baseline');
  assert.equal(fromRecord.baseline.runs.length, 1);
  assert.equal(fromRecord.label, 'run.json');
});

test('every way a baseline can be bad is an InputFileError naming the file (and the commit it was read at)', () => {
  const label = '.repro/baseline.json at base commit 0123456789ab';
  refuses(() => decodeBaselineForCheck('{"kind": "repro-check/baseline", ', label), label, /not valid JSON/);
  refuses(() => decodeBaselineForCheck('{"loss": 1}', label), label, /not a repro-check baseline/);
  refuses(
    () => decodeBaselineForCheck(JSON.stringify({ ...baseline([record()]), schemaVersion: 99 }), label),
    label,
    /newer/,
  );
  const mismatched = JSON.parse(serializeDocument(baseline([record()])));
  mismatched.runs[0].metrics.series.loss.values.pop();
  refuses(() => decodeBaselineForCheck(JSON.stringify(mismatched), label), label, /series "loss": 2 steps but 1 value/);
  // A band built by `repro-check band` from metric files: seed statistics, no run record to gate with.
  const members = [0.5, 0.6].map((loss, i) => ({
    source: `run ${i}`,
    seed: i,
    data: { series: new Map([['loss', { steps: [1], values: [loss] }]]), finals: new Map(), notes: [] },
  }));
  const bandOnly = { ...baseline([]), band: { seed: encodeBand(members, []) } };
  refuses(() => decodeBaselineForCheck(serializeDocument(bandOnly), label), label, /holds a band but no run record/);
  refuses(
    () => decodeBaselineForCheck(serializeDocument(baseline([record({ dirty: true })])), label),
    label,
    /unclean tree/,
  );
});

test('the working tree: no file is no baseline; an unreadable one is an InputFileError naming it; a newer one is never overwritten', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-baseline-store-'));
  try {
    const file = path.join(dir, 'baseline.json');
    assert.equal(await loadBaselineForCheck(workingTreeBaseline(file, 'baseline.json')), null);
    await writeFile(file, serializeDocument(baseline([record()])));
    assert.equal((await loadBaselineForCheck(workingTreeBaseline(file, 'baseline.json')))!.run.provenance.seed, 7);
    await refuseNewerBaseline(file);
    await writeFile(file, JSON.stringify({ ...baseline([record()]), schemaVersion: 2 }));
    await assert.rejects(
      refuseNewerBaseline(file),
      (error: unknown) =>
        error instanceof InputFileError &&
        error.file === file &&
        /schemaVersion 2; this one writes 1/.test(error.message),
    );
    // A broken file is no reason to refuse an update: replacing it is what an update is for.
    await writeFile(file, 'not json');
    await refuseNewerBaseline(file);
    if (process.getuid?.() === 0) {
      t.diagnostic('running as root: an unreadable file cannot be made here');
      return;
    }
    await chmod(file, 0o000);
    await assert.rejects(
      loadBaselineForCheck(workingTreeBaseline(file, 'baseline.json')),
      (error: unknown) =>
        error instanceof InputFileError && /^baseline\.json: cannot read the baseline \(EACCES\)/.test(error.message),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('compare, band and aggregate read through the store: documents decoded, metric files parsed, every failure an InputFileError naming the file', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-comparable-'));
  const write = async (name: string, text: string) => {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return file;
  };
  try {
    const run = await write('run.json', serializeDocument(record()));
    const stored = await write('baseline.json', serializeDocument(baseline([record({ seed: 9 })])));
    const metrics = await write('m.jsonl', '{"step": 1, "loss": 0.5}\n');
    assert.equal(readComparableDocument(run).document?.kind, 'run-record');
    assert.deepEqual(Array.from(readComparableDocument(stored).data.series.get('loss')!.steps), [1, 2]);
    assert.equal(readComparableDocument(metrics).document, null);
    const [fromRecord, fromMetrics] = await readAggregateInputs([run, metrics]);
    assert.deepEqual([fromRecord!.member.seed, fromRecord!.record?.provenance.seed], [7, 7]);
    assert.deepEqual([fromMetrics!.member.seed, fromMetrics!.record], [null, null]);

    const mismatched = JSON.parse(serializeDocument(record()));
    mismatched.metrics.series.loss.steps.push(3);
    const bad = {
      missing: path.join(dir, 'missing.json'),
      newer: await write('newer.json', JSON.stringify({ ...record(), schemaVersion: 2 })),
      mismatched: await write('mismatched.json', JSON.stringify(mismatched)),
      unknownKind: await write('kind.json', JSON.stringify({ kind: 'repro-check/other', schemaVersion: 1 })),
      brokenMetrics: await write('broken.jsonl', '{"step": 1, "loss": 0.5}\n{"step": 2,\n'),
    };
    const problems: Record<keyof typeof bad, RegExp> = {
      missing: /cannot read: no such file or directory/,
      newer: /newer than this repro-check understands/,
      mismatched: /series "loss": 3 steps but 2 values/,
      unknownKind: /unknown kind "repro-check\/other"/,
      brokenMetrics: /:2: /,
    };
    for (const [which, file] of Object.entries(bad) as Array<[keyof typeof bad, string]>) {
      assert.throws(
        () => readComparableDocument(file),
        (error: unknown) =>
          error instanceof InputFileError &&
          error.file === file &&
          error.message.startsWith(file) &&
          problems[which].test(error.message),
        which,
      );
      await assert.rejects(readAggregateInputs([run, file]), (error: unknown) => {
        assert.ok(error instanceof InputFileError && error.file === file, String(error));
        return true;
      });
    }
    await assert.rejects(
      readAggregateInputs([run, stored]),
      (error: unknown) =>
        error instanceof InputFileError && error.file === stored && /is a baseline/.test(error.message),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
