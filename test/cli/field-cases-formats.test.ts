import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

// Field cases 06 and 07 (inputs copied from shared/field-cases, expected results from their expected.md),
// run through the bundled CLI as a user runs it.
const CLI = path.resolve('dist/cli.js');
const cases = path.resolve('test/fixtures/metrics/field-cases');
const skip = existsSync(CLI) ? false : 'dist/cli.js is missing: run npm run build first';

function compare(
  baseline: string,
  current: string,
): {
  code: number | null;
  verdict: { status: string; metrics: Array<{ name: string; status: string; firstDivergentStep: number | null }> };
  stderr: string;
} {
  const result = spawnSync(
    process.execPath,
    [CLI, 'compare', path.join(cases, baseline), path.join(cases, current), '--format', 'json'],
    { encoding: 'utf8' },
  );
  return { code: result.status, verdict: result.stdout ? JSON.parse(result.stdout) : null, stderr: result.stderr };
}

const brief = (verdict: ReturnType<typeof compare>['verdict']) =>
  verdict.metrics.map((m) => [m.name, m.status, m.firstDivergentStep]);

test(
  '06 MLflow file store: train_loss drifts at step 1 (exit 1); the one-line val_acc passes (exit 0)',
  { skip },
  () => {
    const trainLoss = compare(
      '06-mlflow-file-store/baseline/mlruns/0/run1/metrics/train_loss',
      '06-mlflow-file-store/current/mlruns/0/run2/metrics/train_loss',
    );
    assert.equal(trainLoss.code, 1, trainLoss.stderr);
    assert.deepEqual(brief(trainLoss.verdict), [['train_loss', 'drift', 1]]);
    const valAcc = compare(
      '06-mlflow-file-store/baseline/mlruns/0/run1/metrics/val_acc',
      '06-mlflow-file-store/current/mlruns/0/run2/metrics/val_acc',
    );
    assert.equal(valAcc.code, 0, valAcc.stderr);
    assert.deepEqual(brief(valAcc.verdict), [['val_acc', 'pass', null]]);
    // The same runs given as folders: both metrics, named as MLflow names them.
    const runs = compare('06-mlflow-file-store/baseline/mlruns', '06-mlflow-file-store/current/mlruns');
    assert.equal(runs.code, 1, runs.stderr);
    assert.deepEqual(brief(runs.verdict), [
      ['train_loss', 'drift', 1],
      ['val_acc', 'pass', null],
    ]);
  },
);

test('07 TensorBoard event files: train/loss drifts at step 1 (exit 1)', { skip }, () => {
  const result = compare('07-tensorboard/baseline.events.out.tfevents', '07-tensorboard/current.events.out.tfevents');
  assert.equal(result.code, 1, result.stderr);
  assert.deepEqual(brief(result.verdict), [['train/loss', 'drift', 1]]);
});

test('a refused format through the CLI is exit 2 with the format named and no stack trace', { skip }, () => {
  const result = spawnSync(
    process.execPath,
    [
      CLI,
      'compare',
      path.resolve('test/fixtures/metrics/refused/history.pt'),
      path.join(cases, '07-tensorboard/current.events.out.tfevents'),
    ],
    { encoding: 'utf8' },
  );
  assert.equal(result.status, 2);
  assert.match(result.stderr, /history\.pt: is a PyTorch file written by torch\.save/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
});
