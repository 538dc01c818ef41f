import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createProject } from './project-fixture.ts';

// The README's embedded default, shortened: the built-in TensorFlow.js smoke training on the CPU.
const smokeConfig = (learningRate: number) => `trainer:
  module: builtin:smoke
  backend: cpu
  steps: 30
  checkpoint-every: 10
  options:
    learning-rate: ${learningRate}
tolerance: { exact: true }
`;

test('the built-in trainer: baseline, a bit-for-bit pass with identical weights, then drift when the learning rate changes', async () => {
  const project = await createProject({ 'repro.yml': smokeConfig(0.01) });
  try {
    const update = await project.cli(['baseline', 'update']);
    assert.equal(update.code, 0, update.stderr);
    project.commit('baseline');
    const baseline = JSON.parse(await readFile(path.join(project.dir, '.repro/baseline.json'), 'utf8'));
    const run = baseline.runs[0];
    assert.equal(run.environment.extra['tfjs.backend'], 'cpu');
    assert.equal(run.provenance.trainer.module, 'builtin:smoke');
    assert.deepEqual(
      run.checkpoints.map((c: { step: number }) => c.step),
      [10, 20, 30],
    );
    assert.ok(run.checkpoints[2].tensors.length > 0);
    for (const tensor of run.checkpoints[2].tensors) assert.match(tensor.sha256, /^[0-9a-f]{64}$/);

    const pass = await project.cli(['check']);
    assert.equal(pass.code, 0, pass.stdout + pass.stderr);
    assert.match(pass.stdout, /bit-for-bit identical/);
    assert.match(pass.stdout, /all \d+ tensors bit-identical to the baseline/);

    await project.write('repro.yml', smokeConfig(0.02));
    project.commit('double the learning rate');
    const drift = await project.cli(['check']);
    assert.equal(drift.code, 1, drift.stderr);
    assert.match(drift.stdout, /drift in \d+ of \d+ metrics — curves part at step \d+/);
    assert.match(drift.stdout, /tensors differ from the baseline/);
    assert.match(drift.stdout, /tolerance is exact, so differing weights are drift/);
  } finally {
    await project.cleanup();
  }
});
