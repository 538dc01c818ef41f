import { TRAINING_MARKER_VARIABLE } from '../../src/proc/escaped-processes.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createProject } from './project-fixture.ts';
import { parseEvalOutput } from '../../src/modes/checkpoint-eval.ts';

/**
 * A training that writes a safetensors checkpoint every 5 steps (its own small writer, not our
 * code) of a noisy weight vector, and an eval script that reads one and prints its loss.
 */
const TRAIN = (noise: number) => `import { mkdirSync, writeFileSync } from 'node:fs';
let rng = Number(process.env.REPRO_SEED) >>> 0;
const random = () => ((rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const out = process.env.REPRO_OUT_DIR;
mkdirSync(out + '/ckpt', { recursive: true });
const w = new Float32Array(8).fill(1);
const lines = [];
for (let step = 1; step <= 30; step++) {
  for (let i = 0; i < w.length; i++) w[i] = 0.9 * w[i] + ${noise} * (random() - 0.5);
  lines.push(JSON.stringify({ step, train: { loss: w.reduce((s, x) => s + x * x, 0) } }));
  if (step % 5 === 0) {
    const header = JSON.stringify({ __metadata__: { step: String(step) }, 'layer.w': { dtype: 'F32', shape: [8], data_offsets: [0, 32] } }).padEnd(128, ' ');
    const length = Buffer.alloc(8); length.writeBigUInt64LE(128n);
    writeFileSync(out + '/ckpt/ckpt-' + step + '.safetensors', Buffer.concat([length, Buffer.from(header), Buffer.from(w.buffer)]));
  }
}
writeFileSync(out + '/metrics.jsonl', lines.join('\\n') + '\\n');
`;
const EVAL = `import { readFileSync } from 'node:fs';
const file = readFileSync(process.argv[process.argv.indexOf('--weights') + 1]);
const n = Number(file.readBigUInt64LE(0));
const w = new Float32Array(file.buffer.slice(file.byteOffset + 8 + n, file.byteOffset + file.length));
console.log('evaluating');
console.log(JSON.stringify({ eval: { loss: w.reduce((s, x) => s + x * x, 0) } }));
`;
const CONFIG = (averageLast: number) => `command: node train.mjs
metrics: "{out}/metrics.jsonl"
checkpoints:
  glob: "{out}/ckpt/ckpt-*.safetensors"
  average-last: ${averageLast}
  eval-command: node eval.mjs --weights {checkpoint}
seed: 5
timeout-minutes: 1
tolerance: { exact: true }
`;

test('check averages the last K checkpoints, evaluates merged and final, records both and gates on them', async () => {
  const project = await createProject({ 'train.mjs': TRAIN(0.2), 'eval.mjs': EVAL, 'repro.yml': CONFIG(3) });
  try {
    const update = await project.cli(['baseline', 'update']);
    assert.equal(update.code, 0, update.stderr);
    project.commit('baseline');
    const baseline = JSON.parse(await readFile(path.join(project.dir, '.repro/baseline.json'), 'utf8'));
    const run = baseline.runs[0];
    assert.deepEqual(
      run.merged.from.map((f: string) => path.basename(f)),
      ['ckpt-20.safetensors', 'ckpt-25.safetensors', 'ckpt-30.safetensors'],
    );
    assert.equal(run.merged.method, 'sma');
    assert.deepEqual(
      run.merged.tensors.map((t: { name: string }) => t.name),
      ['layer.w'],
    );
    assert.deepEqual(Object.keys(run.merged.metrics), ['eval.loss']);
    assert.deepEqual(Object.keys(run.metrics.finals).sort(), [
      'checkpoints.final.eval.loss',
      'checkpoints.merged.eval.loss',
    ]);
    assert.equal(run.metrics.finals['checkpoints.merged.eval.loss'], run.merged.metrics['eval.loss']);
    assert.notEqual(
      run.metrics.finals['checkpoints.merged.eval.loss'],
      run.metrics.finals['checkpoints.final.eval.loss'],
    );
    assert.equal(run.checkpoints.length, 6);

    const pass = await project.cli(['check']);
    assert.equal(pass.code, 0, pass.stdout + pass.stderr);
    assert.match(pass.stdout, /checkpoints\.merged\.eval\.loss/);
    assert.match(pass.stdout, /checkpoints\.final\.eval\.loss/);
    assert.match(pass.stdout, /merged checkpoint \(average of the last 3\)/);

    await project.write('train.mjs', TRAIN(0.21));
    project.commit('more noise');
    const drift = await project.cli(['check']);
    assert.equal(drift.code, 1, drift.stderr);
    assert.match(drift.stdout, /merged: layer\.w|1 of 1 tensors differ from the baseline: layer\.w/);

    await project.write('repro.yml', CONFIG(7));
    project.commit('average more than were written');
    const tooFew = await project.cli(['check']);
    assert.equal(tooFew.code, 2);
    assert.match(tooFew.stderr, /checkpoints\.average-last is 7, but the training wrote 6 checkpoints matching/);
  } finally {
    await project.cleanup();
  }
});

test('the eval command prints one JSON object of numbers on its last line; anything else is named', () => {
  assert.deepEqual(
    [...parseEvalOutput('{"loss": 0.5, "eval": {"acc": 1}, "name": "x"}', 'e')],
    [
      ['loss', 0.5],
      ['eval.acc', 1],
    ],
  );
  assert.throws(
    () => parseEvalOutput('loss=0.5', 'python eval.py'),
    /the eval command's last line of output is not JSON: python eval\.py\n {2}last line: loss=0\.5/,
  );
  assert.throws(() => parseEvalOutput('[1]', 'e'), /is not a JSON object/);
  assert.throws(() => parseEvalOutput('{"name": "x"}', 'e'), /holds no numbers/);
});

test('the eval command is guarded as the training is: it runs with the training marker (isolation, stop-commands, leftovers)', async () => {
  // The eval script is code under test too; unguarded it would lack the marker the guard sets.
  const guardedEval = `if (!process.env.${TRAINING_MARKER_VARIABLE}) { console.error('the eval command ran outside the training guard'); process.exit(3); }\n${EVAL}`;
  const project = await createProject({ 'train.mjs': TRAIN(0.2), 'eval.mjs': guardedEval, 'repro.yml': CONFIG(3) });
  try {
    const run = await project.cli(['run']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Evaluating merged\.safetensors/);
  } finally {
    await project.cleanup();
  }
});
