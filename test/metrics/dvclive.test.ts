/** DVCLive's output folder given as the metrics path (fixture: test/fixtures/metrics/dvclive, written by make_dvclive_tsv.py). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputFileError, ReproError } from '../../src/errors.ts';
import { readComparable } from '../../src/record/baseline-store.ts';
import { readStructuredMetrics } from '../../src/metrics/metric-source.ts';

const dvclive = path.resolve('test/fixtures/metrics/dvclive');

describe('DVCLive folders', () => {
  for (const given of ['', 'plots/metrics']) {
    it(`reads dvclive/${given} as DVCLive (never as an MLflow metrics folder), named as the README says`, () => {
      const data = readComparable(path.join(dvclive, given));
      assert.deepEqual([...data.series.keys()].sort(), [
        'eval.loss',
        'eval.loss.timestamp',
        'train.loss',
        'train.loss.timestamp',
      ]);
      const evalLoss = data.series.get('eval.loss')!;
      assert.deepEqual(Array.from(evalLoss.steps), [9, 19, 29]);
      assert.deepEqual(Array.from(evalLoss.values), [0.4720004200935364, 0.23529300093650818, 0.21665814518928528]);
      assert.equal(data.series.get('train.loss')!.steps.length, 30);
      assert.deepEqual(Object.fromEntries(data.finals), {
        'train.loss': 0.17455944418907166,
        'eval.loss': 0.21665814518928528,
        step: 29,
      });
    });
  }

  for (const given of ['', 'dvclive/plots']) {
    it(`reads the project folder${given ? ` ${given}` : ''} above DVCLive's dvclive/ as DVCLive, never as MLflow (plots/metrics is not an MLflow metrics/ folder)`, async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-dvclive-'));
      try {
        await cp(dvclive, path.join(dir, 'dvclive'), { recursive: true });
        const data = readComparable(path.join(dir, given));
        assert.deepEqual([...data.series.keys()].sort(), [
          'eval.loss',
          'eval.loss.timestamp',
          'train.loss',
          'train.loss.timestamp',
        ]);
        assert.equal(data.finals.get('step'), 29);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  it('a project folder: a DVCLive folder under another name (Live(dir="results")) is found; two are refused, naming both', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-dvclive-'));
    try {
      await cp(dvclive, path.join(dir, 'results'), { recursive: true });
      await mkdir(path.join(dir, 'src'));
      assert.ok(readComparable(dir).series.has('train.loss'));
      await cp(dvclive, path.join(dir, 'dvclive'), { recursive: true });
      assert.throws(
        () => readComparable(dir),
        (error: unknown) =>
          error instanceof InputFileError && /holds 2 DVCLive folders \(dvclive, results\)/.test(error.message),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('check leaves out a TSV older than the run, and refuses a folder with none written since', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-dvclive-'));
    try {
      await cp(dvclive, path.join(dir, 'dvclive'), { recursive: true });
      const old = new Date(Date.now() - 3600_000);
      await utimes(path.join(dir, 'dvclive/plots/metrics/eval/loss.tsv'), old, old);
      const started = new Date(Date.now() - 60_000);
      const data = readStructuredMetrics(path.join(dir, 'dvclive'), { notBefore: started, baseDir: dir })!;
      assert.ok(!data.series.has('eval.loss'));
      assert.ok(data.notes.some((note) => note.includes('DVCLive files from earlier runs left out: eval/loss.tsv')));
      assert.throws(
        () =>
          readStructuredMetrics(path.join(dir, 'dvclive'), {
            notBefore: new Date(Date.now() + 3600_000),
            baseDir: dir,
          }),
        (error: unknown) =>
          error instanceof ReproError && /no DVCLive file in .* was written during this run/.test(error.message),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
