import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError, ReproError } from '../../src/errors.ts';
import { readStructuredMetrics } from '../../src/metrics/metric-source.ts';
import { looksLikeMlflowMetric, parseMlflowMetric } from '../../src/metrics/mlflow.ts';
import { backdateFiles, withTempDir } from '../support/temp-dir.ts';

const mlruns = path.resolve('test/fixtures/metrics/mlflow/mlruns');
const RUN_A = '1f0c2a3b4d5e6f708192a3b4c5d6e7f8';
const RUN_B = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';

const withTemp = <T>(body: (dir: string) => Promise<T>): Promise<T> => withTempDir('repro-mlflow-', body);

const age = backdateFiles;

describe('MLflow metric files', () => {
  it('reads nan/inf as Python writes them and keeps the last of a step a resumed run logged again, with a note', () => {
    const data = parseMlflowMetric(
      '1700000000000 nan 0\n1700000000001 inf 1\n1700000000002 0.5 2\n1700000000003 -inf 1\n1700000000004 1e-05 2\n1700000000005 1e-05 3\n',
      'm/loss',
      'loss',
    );
    const loss = data.series.get('loss')!;
    assert.deepEqual(Array.from(loss.steps), [0, 1, 2, 3]);
    // The report says which key numbered the records: MLflow's third column, its step.
    assert.deepEqual(data.stepAxes, [{ file: 'm/loss', stepKey: 'step' }]);
    assert.deepEqual(Array.from(loss.values), [NaN, -Infinity, 1e-5, 1e-5]);
    assert.match(
      data.notes[0] ?? '',
      /loss at step 1 was logged twice with different values \(m\/loss:2 and m\/loss:4\)/,
    );
  });

  it('refuses values logged without a step (all at step 0), with the MLflow fix', () => {
    assert.throws(
      () => parseMlflowMetric('1700000000000 2.31 0\n1700000001000 1.99 0\n1700000002000 1.52 0\n', 'm/loss', 'loss'),
      (error) =>
        error instanceof InputFileError &&
        error.line === 2 &&
        /"loss" is logged at step 0 again with another value \(first at m\/loss:1\)/.test(error.message) &&
        /log_metric\(name, value, step=step\)/.test(error.hint ?? ''),
    );
  });

  it('names the file and line of a line of another shape', () => {
    assert.throws(
      () => parseMlflowMetric('1700000000000 0.5 0\n1700000000001 0.x 1\n', 'run/metrics/loss', 'loss'),
      (error) =>
        error instanceof InputFileError && /^run\/metrics\/loss:2: expected an MLflow metric line/.test(error.message),
    );
  });

  it('is told apart from CSV, TSV and space-separated text without a timestamp', () => {
    assert.ok(looksLikeMlflowMetric('1700000001000 2.31 0\n1700000002000 1.87 1\n170000'));
    assert.ok(!looksLikeMlflowMetric('step loss epoch\n1 2.31 0\n'));
    assert.ok(!looksLikeMlflowMetric('1 2.31 0\n2 1.87 1\n'));
    assert.ok(!looksLikeMlflowMetric('timestamp,value,step\n1700000001000,2.31,0\n'));
  });
});

describe('MLflow file store folders', () => {
  it('an experiment folder with one run reads that run', async () => {
    await withTemp(async (dir) => {
      await cp(path.join(mlruns, '0', RUN_A), path.join(dir, '0', RUN_A), { recursive: true });
      const data = readStructuredMetrics(path.join(dir, '0'), { notBefore: null, baseDir: mlruns })!;
      assert.deepEqual([...data.series.keys()].sort(), ['eval/accuracy', 'eval/loss', 'train_loss']);
    });
  });

  it('an experiment with two runs is refused under compare, naming both', async () => {
    assert.throws(
      () => readStructuredMetrics(path.join(mlruns, '0'), { notBefore: null, baseDir: mlruns }),
      (error) => {
        assert.ok(error instanceof ReproError);
        assert.match(
          error.message,
          new RegExp(`holds 2 MLflow runs \\(${RUN_A} \\(written .*\\), ${RUN_B} \\(written`),
        );
        return true;
      },
    );
  });

  it('under check, mlruns/ reads the one run that logged during this run; older runs are left out with a note', async () => {
    await withTemp(async (dir) => {
      await cp(mlruns, path.join(dir, 'mlruns'), { recursive: true });
      await age(path.join(dir, 'mlruns/0', RUN_A), 3600_000);
      const data = readStructuredMetrics(path.join(dir, 'mlruns'), {
        notBefore: new Date(Date.now() - 60_000),
        baseDir: dir,
      })!;
      assert.deepEqual(Array.from(data.series.get('train_loss')!.values), [2.31, 1.99, 1.52, 1.33], "run B's values");
      assert.match(data.notes.join('\n'), new RegExp(`1 MLflow run from earlier trainings left out: 0/${RUN_A}`));

      await age(path.join(dir, 'mlruns/0', RUN_B), 3600_000);
      assert.throws(
        () =>
          readStructuredMetrics(path.join(dir, 'mlruns'), { notBefore: new Date(Date.now() - 60_000), baseDir: dir }),
        /no MLflow run in .* logged a metric during this run .* found only older runs: 0\/1f0c/,
      );
    });
  });

  it('a project folder holding mlruns/ (three levels above the runs) finds them: one is read, two are refused naming both', async () => {
    await withTemp(async (dir) => {
      await cp(path.join(mlruns, '0', RUN_A), path.join(dir, 'mlruns', '0', RUN_A), { recursive: true });
      await mkdir(path.join(dir, 'mlruns', 'models')); // MLflow's model registry folder: no run
      const data = readStructuredMetrics(dir, { notBefore: null, baseDir: dir })!;
      assert.deepEqual([...data.series.keys()].sort(), ['eval/accuracy', 'eval/loss', 'train_loss']);
      await cp(path.join(mlruns, '0', RUN_B), path.join(dir, 'mlruns', '0', RUN_B), { recursive: true });
      assert.throws(
        () => readStructuredMetrics(dir, { notBefore: null, baseDir: dir }),
        new RegExp(`holds 2 MLflow runs \\(mlruns/0/${RUN_A} \\(written .*\\), mlruns/0/${RUN_B} \\(written`),
      );
    });
  });

  it('is told by content, not by a folder named metrics: a metrics/ folder of TSVs is not an MLflow run', async () => {
    await withTemp(async (dir) => {
      await mkdir(path.join(dir, 'run', 'metrics'), { recursive: true });
      await writeFile(path.join(dir, 'run', 'metrics', 'loss.tsv'), 'timestamp\tstep\tloss\n1\t0\t0.9\n');
      for (const given of [dir, path.join(dir, 'run'), path.join(dir, 'run', 'metrics')])
        assert.throws(
          () => readStructuredMetrics(given, { notBefore: null, baseDir: dir }),
          (error) => error instanceof InputFileError && /no MLflow run/.test(error.message),
          given,
        );
    });
  });

  it('an empty metrics folder says the run logged nothing', async () => {
    await withTemp(async (dir) => {
      await writeFile(path.join(dir, 'meta.yaml'), 'run_id: x\n');
      await mkdir(path.join(dir, 'metrics'));
      assert.throws(
        () => readStructuredMetrics(dir, { notBefore: null, baseDir: mlruns }),
        /this MLflow metrics folder is empty/,
      );
    });
  });
});
