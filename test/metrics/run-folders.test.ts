/**
 * Folders a logger names anew for each run (version_N, a date and time, a Unix time) never enter
 * metric names, and only this run's is read. The event files are the real-layout fixtures of
 * test/fixtures/metrics/tensorboard, copied into the folder layouts the loggers make.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { ReproError } from '../../src/errors.ts';
import { readStructuredMetrics } from '../../src/metrics/metric-source.ts';
import { collectRunMetrics } from '../../src/metrics/collect.ts';
import { distinctRuns, isVersionedRunFolder, versionOf } from '../../src/metrics/run-folders.ts';
import { backdateFiles, withTempDir } from '../support/temp-dir.ts';

const tensorboard = path.resolve('test/fixtures/metrics/tensorboard');

const withTemp = <T>(body: (dir: string) => Promise<T>): Promise<T> => withTempDir('repro-runs-', body);

const age = backdateFiles;

/** Keras' tutorial layout: logs/fit/<%Y%m%d-%H%M%S>/{train,validation}/events… */
async function kerasRun(logs: string, stamp: string): Promise<void> {
  await cp(path.join(tensorboard, 'keras'), path.join(logs, 'fit', stamp), { recursive: true });
}

describe('versioned run folders', () => {
  it('recognises the names loggers give each run, and nothing else', () => {
    const versioned = [
      'version_3',
      'Nov30_09-00-00_host',
      '20231130-090000',
      '2023-11-30_09-00-00',
      '2023-11-30T09:00:00',
      '20231130-090000_resnet',
      '1700000000.1234567',
      'train_2023-11-30_09-00-00',
      '2023-11-30',
      '09-00-00',
      'run-20231130_090000-abc123xy',
      'offline-run-20231130_090000-abc123xy',
    ];
    for (const name of versioned) assert.ok(isVersionedRunFolder(name), name);
    for (const name of [
      'train',
      'validation',
      'eval',
      '2023',
      '20231130',
      'run_1',
      'v1.2',
      '12345',
      'lightning_logs',
      'layer-1-2',
      'files',
    ])
      assert.ok(!isVersionedRunFolder(name), name);
    assert.equal(versionOf('pl/lightning_logs/version_1/events.x'), 'pl/lightning_logs/version_1');
    assert.deepEqual(distinctRuns(['events.a', '1700000000.1234567/events.b']), ['1700000000.1234567']);
  });

  it('check reads only the Keras timestamp folder written during this run, named without the timestamp', async () => {
    await withTemp(async (dir) => {
      await kerasRun(path.join(dir, 'logs'), '20231130-090000');
      await age(path.join(dir, 'logs'), 3600_000);
      await kerasRun(path.join(dir, 'logs'), '20231130-100000');
      const started = new Date(Date.now() - 60_000);
      const { data } = await collectRunMetrics('logs/fit', { baseDir: dir, notBefore: started });
      assert.deepEqual([...data.series.keys()].sort(), [
        'train.epoch_accuracy',
        'train.epoch_loss',
        'validation.epoch_loss',
        'validation.evaluation_loss_vs_iterations',
      ]);
      assert.ok(data.notes.some((note) => note.includes('from earlier runs left out: 20231130-090000/')));
      // The same through a glob of the event files.
      const globbed = await collectRunMetrics('logs/fit/**/events.out.tfevents.*', {
        baseDir: dir,
        notBefore: started,
      });
      assert.deepEqual([...globbed.data.series.keys()].sort(), [...data.series.keys()].sort());
    });
  });

  it('compare reads a folder of one timestamped run without the timestamp in names; two are refused naming a real folder', async () => {
    await withTemp(async (dir) => {
      const logs = path.join(dir, 'logs');
      await kerasRun(logs, '20231130-090000');
      const one = readStructuredMetrics(path.join(logs, 'fit'), { notBefore: null, baseDir: dir })!;
      assert.ok(one.series.has('train.epoch_loss'), [...one.series.keys()].join(', '));
      await kerasRun(logs, '2023-11-30_10-00-00');
      assert.throws(
        () => readStructuredMetrics(path.join(logs, 'fit'), { notBefore: null, baseDir: dir }),
        (error: unknown) =>
          error instanceof ReproError &&
          /holds 2 runs of one logger \(2023-11-30_10-00-00, 20231130-090000\)/.test(error.message) &&
          error.hint!.includes(path.join(logs, 'fit', '20231130-090000')),
      );
    });
  });

  it('the Lightning refusal names the version folder where it is (lightning_logs/version_N below the given folder)', async () => {
    await withTemp(async (dir) => {
      for (const version of ['version_0', 'version_1'])
        await cp(path.join(tensorboard, 'pytorch'), path.join(dir, 'pl', 'lightning_logs', version), {
          recursive: true,
        });
      assert.throws(
        () => readStructuredMetrics(path.join(dir, 'pl'), { notBefore: null, baseDir: dir }),
        (error: unknown) =>
          error instanceof ReproError &&
          /\(lightning_logs\/version_0, lightning_logs\/version_1\)/.test(error.message) &&
          error.hint!.includes(path.join(dir, 'pl', 'lightning_logs', 'version_1')),
      );
    });
  });

  it("SummaryWriter.add_hparams' Unix-time subfolder is part of the run, its tags named without the folder", async () => {
    await withTemp(async (dir) => {
      await cp(path.join(tensorboard, 'pytorch'), path.join(dir, 'runs', 'exp'), { recursive: true });
      await cp(
        path.join(tensorboard, 'resumed', 'events.out.tfevents.1700000200.fixture-host.11.0'),
        path.join(dir, 'runs', 'exp', '1700000000.1234567', 'events.out.tfevents.1700000010.fixture-host.1.1'),
      );
      const data = readStructuredMetrics(path.join(dir, 'runs', 'exp'), { notBefore: null, baseDir: dir })!;
      assert.deepEqual([...data.series.keys()].sort(), ['eval/accuracy', 'loss', 'train/loss', 'train/lr']);
    });
  });
});

describe('the step key of a log folder', () => {
  it('a TensorBoard log folder and an MLflow run folder report `step` as their axis', () => {
    const keras = readStructuredMetrics(path.join(tensorboard, 'keras'), { notBefore: null, baseDir: tensorboard })!;
    assert.deepEqual(keras.stepAxes, [{ file: path.join(tensorboard, 'keras'), stepKey: 'step' }]);
    const run = path.resolve('test/fixtures/metrics/mlflow/mlruns/0/1f0c2a3b4d5e6f708192a3b4c5d6e7f8');
    const mlflow = readStructuredMetrics(run, { notBefore: null, baseDir: run })!;
    assert.deepEqual(mlflow.stepAxes, [{ file: path.join(run, 'metrics'), stepKey: 'step' }]);
  });
});
