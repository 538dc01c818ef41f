/**
 * The handed field cases (test/fixtures/field-cases/README.md), each with the result its
 * expected.md gives, run through the CLI as a user runs them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.ts';
import { createProject } from '../modes/project-fixture.ts';

const cases = path.resolve('test/fixtures/field-cases');

async function cli(args: string[], cwd = cases) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

interface MetricJson {
  name: string;
  status: string;
  firstDivergentStep: number | null;
  firstOutOfToleranceStep: number | null;
}

/** `compare --format json`: the exit code and the metrics that did not pass, as [name, first divergent, first out-of-tolerance]. */
async function compareJson(folder: string, baseline: string, current: string, ...flags: string[]) {
  const result = await cli(['compare', `${folder}/${baseline}`, `${folder}/${current}`, '--format', 'json', ...flags]);
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  const verdict = JSON.parse(result.stdout) as { metrics: MetricJson[] };
  return {
    code: result.code,
    names: verdict.metrics.map((m) => m.name).sort(),
    failing: verdict.metrics
      .filter((m) => m.status !== 'pass')
      .map((m) => [m.name, m.firstDivergentStep, m.firstOutOfToleranceStep]),
  };
}

describe('field cases', () => {
  it('02 Keras CSVLogger: epoch is the step; a repeated header is refused naming its line', async () => {
    for (const [baseline, current] of [
      ['baseline_training.log', 'current_training.log'],
      ['baseline_renamed.csv', 'current_renamed.csv'],
    ]) {
      const result = await compareJson('02-keras-csvlogger-epoch', baseline!, current!);
      assert.equal(result.code, 1);
      assert.deepEqual(result.failing, [
        ['val_accuracy', 1, 1],
        ['val_loss', 1, 1],
      ]);
    }
    const markdown = await cli([
      'compare',
      '02-keras-csvlogger-epoch/baseline_training.log',
      '02-keras-csvlogger-epoch/current_training.log',
    ]);
    assert.match(markdown.stdout, /first divergent epoch/, 'the report heads the column after the axis');
    const resumed = await cli([
      'compare',
      '02-keras-csvlogger-epoch/baseline_renamed.csv',
      '02-keras-csvlogger-epoch/resumed_renamed.csv',
    ]);
    assert.equal(resumed.code, 2);
    assert.match(resumed.stderr, /resumed_renamed\.csv:4: repeats the header of line 1/);
  });

  it('04 HF trainer_state.json: NaN equals NaN and runtimes are wall clock; NaN -> Infinity at step 20 drifts', async () => {
    const rerun = await compareJson(
      '04-hf-trainer-state-nan',
      'baseline_trainer_state.json',
      'rerun_trainer_state.json',
    );
    assert.deepEqual([rerun.code, rerun.failing], [0, []]);
    const drift = await compareJson(
      '04-hf-trainer-state-nan',
      'baseline_trainer_state.json',
      'drift_trainer_state.json',
    );
    assert.deepEqual([drift.code, drift.failing], [1, [['grad_norm', 20, 20]]]);
    const markdown = await cli([
      'compare',
      '04-hf-trainer-state-nan/baseline_trainer_state.json',
      '04-hf-trainer-state-nan/drift_trainer_state.json',
    ]);
    const row = markdown.stdout.split('\n').find((line) => line.startsWith('| grad_norm'))!;
    assert.doesNotMatch(row, /\| 0 \| 0 \|/, `the diff columns of a NaN/Infinity pair are not 0: ${row}`);
    assert.match(row, /NaN/);
  });

  it('05 W&B run files: _step is the step (with and without --ignore _*), summaries differ only in wall clock', async () => {
    for (const flags of [[], ['--ignore', '_*']]) {
      const history = await compareJson(
        '05-wandb-history',
        'baseline-wandb-history.jsonl',
        'current-wandb-history.jsonl',
        ...flags,
      );
      assert.deepEqual([history.code, history.failing], [1, [['train/loss', 1, 1]]]);
      assert.deepEqual(history.names, ['train/loss', 'train/lr', 'val/acc']);
    }
    const summary = await compareJson('05-wandb-history', 'baseline-wandb-summary.json', 'current-wandb-summary.json');
    assert.deepEqual([summary.code, summary.failing], [0, []]);
  });

  it('08 Megatron-LM golden values: iteration-time is wall clock; lm loss drifts at step 5', async () => {
    const rerun = await compareJson(
      '08-megatron-golden-values',
      'golden_values_baseline.json',
      'golden_values_rerun.json',
    );
    assert.deepEqual([rerun.code, rerun.names], [0, ['lm loss', 'num-zeros']]);
    const drift = await compareJson(
      '08-megatron-golden-values',
      'golden_values_baseline.json',
      'golden_values_drift.json',
    );
    assert.deepEqual([drift.code, drift.failing], [1, [['lm loss', 5, 5]]]);
  });

  it('13 github-action-benchmark JSON: each entry is a final value named by `name`', async () => {
    const result = await compareJson('13-benchmark-action-json', 'baseline_benchmark.json', 'current_benchmark.json');
    assert.deepEqual(
      [result.code, result.failing],
      [
        1,
        [
          ['eval loss', null, null],
          ['train loss', null, null],
        ],
      ],
    );
    assert.deepEqual(result.names, ['eval accuracy', 'eval loss', 'train loss']);
  });

  it('09 DVCLive through a glob: names do not depend on how many files matched', async () => {
    const files = {
      'train.sh': await readFile(path.join(cases, '09-dvclive-glob-naming/train.sh'), 'utf8'),
      'repro.yml': await readFile(path.join(cases, '09-dvclive-glob-naming/repro.yml'), 'utf8'),
    };
    const outcome = (stdout: string) => {
      const json = JSON.parse(stdout) as { outcome: string; metrics: MetricJson[] };
      return [json.outcome, json.metrics.map((m) => [m.name, m.status]).sort()];
    };
    // B: the baseline logs train/loss only; a commit adds eval/acc.
    const project = await createProject(files);
    try {
      assert.equal((await project.cli(['baseline', 'update'])).code, 0);
      project.commit('baseline');
      await project.write('log-eval.flag', '');
      project.commit('log eval/acc too');
      const check = await project.cli(['check', '--format', 'json']);
      assert.equal(check.code, 0, check.stderr);
      assert.deepEqual(outcome(check.stdout), [
        'pass',
        [
          ['eval.acc', 'new'],
          ['train.loss', 'pass'],
        ],
      ]);
      // A: both log both files.
      assert.equal((await project.cli(['baseline', 'update'])).code, 0);
      project.commit('baseline with eval/acc');
      const both = await project.cli(['check', '--format', 'json']);
      assert.deepEqual(
        [both.code, ...outcome(both.stdout)],
        [
          0,
          'pass',
          [
            ['eval.acc', 'pass'],
            ['train.loss', 'pass'],
          ],
        ],
      );
    } finally {
      await project.cleanup();
    }
  });

  it('15 a long per-step JSONL (the layout of make_log.py, smaller): the drift step is found; identical files pass', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-field-15-'));
    try {
      // make_log.py's layout: step, train.{loss,lr}, 17 grad_norm.layerNN, throughput.tokens_per_s.
      const log = (steps: number, drift: number | null) => {
        const lines: string[] = [];
        for (let s = 0; s < steps; s++) {
          const loss = 1 / (1 + s * 1e-4) + (drift !== null && s >= drift ? 1e-3 : 0);
          const layers = Object.fromEntries(
            Array.from({ length: 17 }, (_, i) => [
              `layer${String(i).padStart(2, '0')}`,
              0.5 + ((s * 7 + i * 13) % 1000) * 1e-6,
            ]),
          );
          lines.push(
            JSON.stringify({
              step: s,
              train: { loss, lr: 3e-4 * Math.min(1, s / 1000) },
              grad_norm: layers,
              throughput: { tokens_per_s: 12345.678 + (s % 97) },
            }),
          );
        }
        return lines.join('\n') + '\n';
      };
      await writeFile(path.join(dir, 'base.jsonl'), log(4000, null));
      await writeFile(path.join(dir, 'cur.jsonl'), log(4000, 2500));
      const drift = await compareJson(dir, 'base.jsonl', 'cur.jsonl', '--ignore', 'throughput.*');
      assert.deepEqual([drift.code, drift.failing], [1, [['train.loss', 2500, 2500]]]);
      assert.equal(drift.names.length, 19);
      const same = await compareJson(dir, 'base.jsonl', 'base.jsonl', '--ignore', 'throughput.*');
      assert.deepEqual([same.code, same.failing], [0, []]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
