import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createProject } from '../modes/project-fixture.ts';

// The built-in trainer driven through the CLI (settings, trainAndRecord, report), on the pure
// JavaScript CPU backend with a trainer module small enough to run in a second or two.
const trainerConfig = (module: string, extra = '') => `trainer:
  module: ${module}
  backend: cpu
  steps: 3
  checkpoint-every: 0
seed: 11
${extra}`;

test("the trainer's Math.random warning reaches the report's Notes", async () => {
  const project = await createProject({
    'train.mjs':
      'export default async function train(ctx) {\n  for (let step = 1; step <= ctx.steps; step++) ctx.log(step, { loss: 1 / step + Math.random() });\n}\n',
    'repro.yml': trainerConfig('./train.mjs', 'tolerance: { exact: true }\n'),
  });
  try {
    const baseline = await project.cli(['baseline', 'update']);
    assert.equal(baseline.code, 0, baseline.stderr);
    project.commit('baseline');
    const check = await project.cli(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    // Seeded stand-in: the two runs agree bit for bit although the trainer called Math.random.
    assert.match(check.stdout, /bit-for-bit identical/);
    const notes = check.stdout.slice(check.stdout.indexOf('### Notes'));
    assert.match(
      notes,
      /^### Notes\n\n- The trainer called Math\.random 3 time\(s\), first .*train\.mjs:2.*use ctx\.random/m,
    );
    assert.match(check.stderr, /called Math\.random 3 time\(s\)/, 'and the log warns too');
  } finally {
    await project.cleanup();
  }
});

test('a trainer that logs NaN fails the run with exit 2, naming the metric and the step', async () => {
  const project = await createProject({
    'train.mjs':
      'export default async function train(ctx) {\n  ctx.log(1, { train: { loss: 2.5 } });\n  ctx.log(2, { train: { loss: NaN } });\n}\n',
    'repro.yml': trainerConfig('./train.mjs'),
  });
  try {
    const run = await project.cli(['run']);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /train\.mjs logged a non-finite value at step 2: train\.loss = NaN\. The training diverged \(NaN\/Inf loss\)\./,
    );
    assert.match(run.stderr, /Lower the learning rate/);
  } finally {
    await project.cleanup();
  }
});

test("TensorFlow's determinism switches follow trainer.strict-determinism; the seed variables are always set", async () => {
  const probe = `const on = (name, value) => (process.env[name] === value ? 1 : 0);
export default async function train(ctx) {
  ctx.log(1, { loss: 1 });
  ctx.log(null, {
    ops: on('TF_DETERMINISTIC_OPS', '1'),
    cudnn: on('TF_CUDNN_DETERMINISTIC', '1'),
    cublas: on('CUBLAS_WORKSPACE_CONFIG', ':4096:8'),
    onednn: on('TF_ENABLE_ONEDNN_OPTS', '0'),
    threads: on('OMP_NUM_THREADS', '1'),
    seed: Number(process.env.REPRO_SEED),
    hashSeed: Number(process.env.PYTHONHASHSEED),
  });
}
`;
  const project = await createProject({ 'probe.mjs': probe, 'repro.yml': trainerConfig('./probe.mjs') });
  const records = await mkdtemp(path.join(os.tmpdir(), 'trainer-records-'));
  let runs = 0;
  try {
    const finalsWith = async (config: string) => {
      await project.write('repro.yml', config);
      project.commit(config);
      const out = path.join(records, `record-${runs++}.json`);
      const run = await project.cli(['run', '--out', out]);
      assert.equal(run.code, 0, run.stderr);
      return JSON.parse(await readFile(out, 'utf8')).metrics.finals as Record<string, number>;
    };
    const all = { ops: 1, cudnn: 1, cublas: 1, onednn: 1, threads: 1, seed: 11, hashSeed: 11 };
    const none = { ops: 0, cudnn: 0, cublas: 0, onednn: 0, threads: 0, seed: 11, hashSeed: 11 };
    const strict = (on: boolean) =>
      trainerConfig('./probe.mjs').replace(
        '  checkpoint-every: 0\n',
        `  checkpoint-every: 0\n  strict-determinism: ${on}\n`,
      );
    // determinism-env (on by default) is for `command:`; it does not bring the switches back.
    assert.deepEqual(await finalsWith(strict(false)), none);
    assert.deepEqual(await finalsWith(strict(true) + 'determinism-env: false\n'), all);
    assert.deepEqual(await finalsWith(trainerConfig('./probe.mjs')), all, 'strict determinism is the default');
  } finally {
    await project.cleanup();
    await rm(records, { recursive: true, force: true });
  }
});
