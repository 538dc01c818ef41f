import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createProject } from './project-fixture.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/trainer/resumable.mjs', import.meta.url));

const config = (module: string, backend: string, steps: number, options = '') =>
  `trainer:\n  module: ${module}\n  backend: ${backend}\n  steps: ${steps}\n  checkpoint-every: 0\n${options}timeout-minutes: 5\n`;

async function audit(files: Record<string, string>, resumeAt: number) {
  const project = await createProject(files);
  try {
    const result = await project.cli(['audit', '--resume-at', String(resumeAt), '--format', 'json']);
    return result;
  } finally {
    await project.cleanup();
  }
}

// Resuming after step 20 on purpose: Adam's setWeights would rebuild its bias correction 0.999^21
// with pow(), one float32 ulp off the product the uninterrupted run multiplied up (after step 10
// the two happen to agree), so only a state that carries the product passes here.
for (const backend of ['cpu', 'wasm']) {
  test(`builtin:smoke on ${backend}: stopped after step 20 and resumed, steps 21-30 and the final accuracy are bit-identical`, async () => {
    const { code, stdout, stderr } = await audit({ 'repro.yml': config('builtin:smoke', backend, 30) }, 20);
    assert.equal(code, 0, stdout + stderr);
    const report = JSON.parse(stdout);
    assert.deepEqual(
      [report.status, report.resumeAt, report.firstDivergentStep, report.likelyMissingState],
      ['pass', 20, null, null],
    );
  });
}

// A user trainer module that owns its loop: with all of its state it passes; leaving a piece out
// is reported with the first divergent step and what the step points at.
const userModule = async (forget: string) => ({
  'resumable.mjs': await readFile(FIXTURE, 'utf8'),
  'repro.yml': config('./resumable.mjs', 'cpu', 12, `  options:\n    forget: ${forget}\n`),
});

test('a trainer module through ctx.resume / ctx.stopAfter with its whole state: pass', async () => {
  const { code, stdout, stderr } = await audit(await userModule('nothing'), 6);
  assert.equal(code, 0, stdout + stderr);
  assert.equal(JSON.parse(stdout).status, 'pass');
});

test('a resume that does not restore the optimizer: drift from step N+2 (the loss at N+1 precedes its update), optimizer named', async () => {
  const { code, stdout, stderr } = await audit(await userModule('optimizer'), 6);
  assert.equal(code, 1, stdout + stderr);
  const report = JSON.parse(stdout);
  assert.deepEqual([report.status, report.firstDivergentStep, report.divergentMetrics], ['drift', 8, ['train.loss']]);
  assert.match(report.likelyMissingState, /optimizer state/);
});

test('a resume that does not restore the generator: drift at step N+1 (its batch and dropout mask), RNG named', async () => {
  const { code, stdout, stderr } = await audit(await userModule('generator'), 6);
  assert.equal(code, 1, stdout + stderr);
  const report = JSON.parse(stdout);
  assert.deepEqual([report.status, report.firstDivergentStep], ['drift', 7]);
  assert.match(report.likelyMissingState, /RNG state/);
});
