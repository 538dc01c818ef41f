import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProject } from './project-fixture.ts';

/**
 * A small training that implements the resume protocol: SGD with momentum on a seeded toy
 * problem, minibatches drawn by its own generator, the state saved as JSON (doubles survive it
 * exactly). `forget` leaves one piece of state out of the save, as a user's script might.
 */
const RESUMABLE = (
  forget: 'nothing' | 'momentum' | 'generator' | 'protocol',
) => `import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
const env = process.env;
let rng = Number(env.REPRO_SEED) >>> 0;
const random = () => ((rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const points = Array.from({ length: 64 }, () => { const x = [random() * 2 - 1, random() * 2 - 1]; return { x, y: x[0] - x[1] > 0 ? 1 : 0 }; });
let w = [0, 0], velocity = [0, 0], first = 1, offset = 0;
const out = env.REPRO_OUT_DIR + '/metrics.jsonl';
writeFileSync(out, '');
if (env.REPRO_RESUME_FROM) {
  const state = JSON.parse(readFileSync(env.REPRO_RESUME_FROM + '/state.json', 'utf8'));
  w = state.w; first = state.step + 1; offset = state.offset;
  ${forget === 'momentum' ? '' : 'velocity = state.velocity;'}
  ${forget === 'generator' ? '' : 'rng = state.rng;'}
}
for (let step = first; step <= 30; step++) {
  // A fresh minibatch every 10 steps (an "epoch"), drawn with the generator.
  if (step % 10 === 1) offset = Math.floor(random() * 48);
  const batch = points.slice(offset, offset + 16);
  const grad = [0, 0]; let loss = 0;
  for (const { x, y } of batch) { const p = 1 / (1 + Math.exp(-(w[0] * x[0] + w[1] * x[1]))); loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p); grad[0] += (p - y) * x[0]; grad[1] += (p - y) * x[1]; }
  velocity = [0.9 * velocity[0] + grad[0] / batch.length, 0.9 * velocity[1] + grad[1] / batch.length];
  w = [w[0] - 0.5 * velocity[0], w[1] - 0.5 * velocity[1]];
  appendFileSync(out, JSON.stringify({ step, train: { loss: loss / batch.length }, timestamp: Date.now() }) + '\\n');
  if (${forget === 'protocol' ? 'false' : 'step === Number(env.REPRO_STOP_AT_STEP)'}) {
    writeFileSync(env.REPRO_STATE_DIR + '/state.json', JSON.stringify({ step, w, velocity, rng, offset }));
    process.exit(0);
  }
}
appendFileSync(out, JSON.stringify({ w0: w[0] }) + '\\n');
`;

const REPRO_YML = 'command: node train.mjs\nmetrics: "{out}/metrics.jsonl"\nseed: 11\ntimeout-minutes: 1\n';

async function audit(forget: Parameters<typeof RESUMABLE>[0], resumeAt: number, format = 'json', config = REPRO_YML) {
  const project = await createProject({ 'train.mjs': RESUMABLE(forget), 'repro.yml': config });
  try {
    return await project.cli(['audit', '--resume-at', String(resumeAt), '--format', format]);
  } finally {
    await project.cleanup();
  }
}

test('a run that saves its whole state resumes bit-identically: exit 0', async () => {
  const { code, stdout, stderr } = await audit('nothing', 15);
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout);
  assert.deepEqual(
    [report.status, report.resumeAt, report.firstDivergentStep, report.likelyMissingState],
    ['pass', 15, null, null],
  );
  assert.deepEqual(report.metrics.map((m: { name: string; status: string }) => `${m.name}:${m.status}`).sort(), [
    'train.loss:pass',
    'w0:pass',
  ]);
});

test('checkpoint averaging settings do not apply to the legs (a first leg has fewer checkpoints)', async () => {
  const config = `${REPRO_YML}checkpoints:\n  glob: "{out}/ckpt-*.safetensors"\n  average-last: 3\n  eval-command: node eval.mjs {checkpoint}\n`;
  const { code, stderr } = await audit('nothing', 15, 'json', config);
  assert.equal(code, 0, stderr);
});

test('optimizer state left out: divergence right after the resume (N+2: a loss is logged before that step updates), blamed on optimizer/scheduler/RNG state; exit 1', async () => {
  const { code, stdout } = await audit('momentum', 15);
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.firstDivergentStep, 17);
  assert.match(report.likelyMissingState, /first steps after the resume differ \(from step 17\): .*optimizer state/);
  const markdown = await audit('momentum', 15, 'markdown');
  assert.match(markdown.stdout, /\*\*drift\*\*: first divergent step 17 \(train\.loss/);
});

test('a generator left out shows at the next draw, later than N+1, and is blamed on occasional state', async () => {
  const { code, stdout } = await audit('generator', 15);
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.firstDivergentStep, 21);
  assert.match(report.likelyMissingState, /steps 16–20 match, 21 differs: .*generator/);
});

test('a command that ignores the protocol is bad input (exit 2), said with what to implement', async () => {
  const { code, stderr } = await audit('protocol', 15);
  assert.equal(code, 2);
  assert.match(
    stderr,
    /the first leg logged step 30, past REPRO_STOP_AT_STEP=15: the training command does not implement the resume protocol/,
  );
  assert.match(stderr, /save its full state .* into REPRO_STATE_DIR/);
  const late = await audit('nothing', 30);
  assert.equal(late.code, 2);
  assert.match(late.stderr, /--resume-at 30: the uninterrupted run logs no step after 30/);
  const project = await createProject({ 'train.mjs': RESUMABLE('nothing'), 'repro.yml': REPRO_YML });
  try {
    // --resume-at audits one resume; --runs and --seeds belong to the determinism audit.
    const mixed = await project.cli(['audit', '--resume-at', '5', '--runs', '3']);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /--resume-at audits one resume: leave out --runs and --seeds with it/);
    const bad = await project.cli(['audit', '--resume-at', 'ten']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--resume-at ten: expected a step number, 1 or more/);
  } finally {
    await project.cleanup();
  }
});

const example = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../examples/pytorch-smoke');
const torchSkip =
  spawnSync('/usr/bin/python3', ['-c', 'import numpy, torch']).status === 0
    ? false
    : '/usr/bin/python3 cannot import torch and numpy (apt install python3-torch python3-numpy)';

test(
  'examples/pytorch-smoke resumes exactly on the CPU; without its optimizer state it parts right after the resume',
  { skip: torchSkip },
  async () => {
    const files: Record<string, string> = {};
    for (const name of ['repro.yml', 'train.py'])
      files[`examples/pytorch-smoke/${name}`] = await readFile(path.join(example, name), 'utf8');
    const project = await createProject(files);
    try {
      const exact = await project.cli([
        'audit',
        '--resume-at',
        '50',
        '--config',
        'examples/pytorch-smoke/repro.yml',
        '--format',
        'json',
      ]);
      assert.equal(exact.code, 0, exact.stderr);
      assert.equal(JSON.parse(exact.stdout).status, 'pass');
      assert.match(exact.stderr, /stopped after step 50; state saved to/);

      const forgetful = files['examples/pytorch-smoke/train.py']!.replace(
        '    optimizer.load_state_dict(state["optimizer"])\n',
        '',
      );
      assert.notEqual(forgetful, files['examples/pytorch-smoke/train.py']);
      await project.write('examples/pytorch-smoke/train.py', forgetful);
      project.commit('forget the optimizer state');
      const parted = await project.cli([
        'audit',
        '--resume-at',
        '50',
        '--config',
        'examples/pytorch-smoke/repro.yml',
        '--format',
        'json',
      ]);
      assert.equal(parted.code, 1, parted.stderr);
      const report = JSON.parse(parted.stdout);
      assert.equal(report.firstDivergentStep, 52); // step 51's loss is computed before Adam's first update
      assert.match(report.likelyMissingState, /optimizer state/);
    } finally {
      await project.cleanup();
    }
  },
);
