import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReproError } from '../../src/errors.ts';
import { parseJsonLines } from '../../src/metrics/json-lines.ts';
import { fileLineSource } from '../../src/metrics/line-source.ts';
import { parseSafetensors } from '../../src/safetensors/format.ts';
import { readResumeRequest } from '../../src/proc/resume-protocol.ts';
import { runTrainer, type RunTrainerOptions } from '../../src/trainer/run-trainer.ts';

async function withFolder(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trainer-state-'));
  try {
    await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const options = (
  dir: string,
  out: string,
  env: NodeJS.ProcessEnv,
  overrides: Partial<RunTrainerOptions> = {},
): RunTrainerOptions => ({
  module: 'builtin:smoke',
  backend: 'cpu',
  steps: 8,
  checkpointEvery: 5,
  seed: 7,
  strictDeterminism: true,
  installBackend: false,
  outDir: path.join(dir, out),
  cwd: dir,
  timeoutMs: 120_000,
  env: { ...process.env, ...env },
  ...overrides,
});

test('builtin:smoke stopped after step 5 saves the documented state: weights, Adam slots, generator, batch queue', async () => {
  await withFolder(async (dir) => {
    const stateDir = path.join(dir, 'state');
    await mkdir(stateDir);
    const run = await runTrainer(options(dir, 'leg1', { REPRO_STOP_AT_STEP: '5', REPRO_STATE_DIR: stateDir }));
    const logged = parseJsonLines(fileLineSource(run.metricsPath));
    assert.deepEqual(Array.from(logged.series.get('train.loss')!.steps), [1, 2, 3, 4, 5]);
    assert.equal(logged.finals.size, 0, 'a stopped leg logs no final values');
    assert.deepEqual((await readdir(stateDir)).sort(), [
      'optimizer.safetensors',
      'trainer-state.json',
      'weights.safetensors',
    ]);

    const manifest = JSON.parse(await readFile(path.join(stateDir, 'trainer-state.json'), 'utf8'));
    assert.deepEqual([manifest.format, manifest.version, manifest.step], ['repro-check/trainer-state', 1, 5]);
    assert.equal(manifest.generator.length, 4);
    assert.ok(manifest.generator.every((word: number) => Number.isInteger(word) && word >= 0 && word <= 0xffffffff));
    assert.equal(manifest.optimizer.className, 'Adam');
    // Adam's bias-correction products as the run multiplied them up in float32 (beta^6 after 5
    // steps). Its setWeights would rebuild them with pow(), one ulp away here: why they are saved.
    const multipliedUp = (beta: number) =>
      Array.from({ length: 5 }).reduce<number>(
        (product) => Math.fround(product * Math.fround(beta)),
        Math.fround(beta),
      );
    assert.equal(manifest.optimizer.scalars.accBeta1, multipliedUp(0.9));
    assert.equal(manifest.optimizer.scalars.accBeta2, multipliedUp(0.999));
    assert.notEqual(manifest.optimizer.scalars.accBeta1, Math.fround(0.9 ** 6));
    // 1024 examples in batches of 32: 5 batches taken from the first shuffle.
    assert.equal(manifest.extra.order.length, 1024 - 5 * 32);

    // The weights are the step-5 checkpoint's tensors, byte for byte.
    const weights = parseSafetensors(await readFile(path.join(stateDir, 'weights.safetensors')), 'weights');
    const checkpoint = parseSafetensors(
      await readFile(path.join(dir, 'leg1', 'checkpoints', 'step-5.safetensors')),
      'checkpoint',
    );
    assert.deepEqual(weights.metadata, { step: '5' });
    assert.deepEqual(
      weights.tensors.map((t) => [t.name, Buffer.from(t.data).toString('hex')]),
      checkpoint.tensors.map((t) => [t.name, Buffer.from(t.data).toString('hex')]),
    );

    const optimizer = parseSafetensors(await readFile(path.join(stateDir, 'optimizer.safetensors')), 'optimizer');
    assert.deepEqual(optimizer.tensors.map((t) => t.name).sort(), [...manifest.optimizer.slots].sort());
    const iter = optimizer.tensors.find((t) => t.name === 'iter')!;
    assert.deepEqual([iter.dtype, iter.shape, new Int32Array(new Uint8Array(iter.data).buffer)[0]], ['I32', [], 5]);
    const trainable = weights.tensors.filter((t) => !t.name.includes('moving_'));
    assert.deepEqual(
      manifest.optimizer.slots.slice(1).sort(),
      trainable.flatMap((t) => [`${t.name}/m`, `${t.name}/v`]).sort(),
    );
  });
});

test('a trainer module that ignores the protocol fails the leg (exit 2) instead of passing a resume it never did', async () => {
  await withFolder(async (dir) => {
    await writeFile(
      path.join(dir, 'plain.mjs'),
      'export default async function train(ctx) { for (let step = 1; step <= ctx.steps; step++) ctx.log(step, { loss: step }); }\n',
    );
    const plain = (out: string, env: NodeJS.ProcessEnv) =>
      runTrainer(options(dir, out, env, { module: './plain.mjs', steps: 4 }));
    const refusal = (message: RegExp) => (error: unknown) => {
      assert.ok(error instanceof ReproError);
      assert.match(error.message, message);
      assert.match(error.hint ?? '', /ctx\.resume\(.*ctx\.stopAfter\(step/s);
      return true;
    };
    await assert.rejects(
      plain('a', { REPRO_STOP_AT_STEP: '2', REPRO_STATE_DIR: dir }),
      refusal(/plain\.mjs was asked to stop after step 2 .* never reached ctx\.stopAfter\(2/),
    );
    await assert.rejects(
      plain('b', { REPRO_RESUME_FROM: dir }),
      refusal(/plain\.mjs was asked to resume from a saved state, but never called ctx\.resume/),
    );
  });
});

test('readResumeRequest: the protocol variables as a job field, bad values refused', () => {
  assert.equal(readResumeRequest({}), null);
  assert.equal(readResumeRequest({ REPRO_STOP_AT_STEP: '', REPRO_RESUME_FROM: '' }), null);
  assert.deepEqual(readResumeRequest({ REPRO_STOP_AT_STEP: '10', REPRO_STATE_DIR: '/s' }), {
    kind: 'stop',
    step: 10,
    stateDir: '/s',
  });
  assert.deepEqual(readResumeRequest({ REPRO_RESUME_FROM: '/s' }), { kind: 'resume', stateDir: '/s' });
  assert.throws(
    () => readResumeRequest({ REPRO_STOP_AT_STEP: '0', REPRO_STATE_DIR: '/s' }),
    /REPRO_STOP_AT_STEP=0: expected a step number/,
  );
  assert.throws(
    () => readResumeRequest({ REPRO_STOP_AT_STEP: '2.5', REPRO_STATE_DIR: '/s' }),
    /expected a step number/,
  );
  assert.throws(() => readResumeRequest({ REPRO_STOP_AT_STEP: '3' }), /REPRO_STATE_DIR is not/);
  assert.throws(
    () => readResumeRequest({ REPRO_STOP_AT_STEP: '3', REPRO_STATE_DIR: '/s', REPRO_RESUME_FROM: '/s' }),
    /both set/,
  );
});
