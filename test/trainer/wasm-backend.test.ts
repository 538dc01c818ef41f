import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReproError } from '../../src/errors.ts';
import { type RunTrainerOptions, backendFingerprint, runTrainer } from '../../src/trainer/run-trainer.ts';

const EVERY_LAYER = fileURLToPath(new URL('../fixtures/trainer/every-layer.mjs', import.meta.url));

async function withProject(body: (project: string) => Promise<void>): Promise<void> {
  const project = await mkdtemp(path.join(os.tmpdir(), 'trainer-wasm-'));
  try {
    await body(project);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

let runCount = 0;
function optionsFor(project: string, overrides: Partial<RunTrainerOptions> = {}): RunTrainerOptions {
  return {
    module: 'builtin:smoke',
    backend: 'wasm',
    steps: 60,
    checkpointEvery: 60,
    seed: 1234,
    strictDeterminism: true,
    installBackend: false,
    outDir: path.join(project, `out-${runCount++}`),
    cwd: project,
    timeoutMs: 300_000,
    env: process.env,
    ...overrides,
  };
}

test('builtin:smoke on wasm repeats bit for bit in separate processes, with SIMD on or forced off', async () => {
  await withProject(async (project) => {
    const lines: string[] = [];
    const [simd, again, noSimd] = await Promise.all([
      runTrainer(optionsFor(project, { onOutputLine: (line) => lines.push(line) })),
      runTrainer(optionsFor(project)),
      runTrainer(optionsFor(project, { env: { ...process.env, REPRO_WASM_SIMD: '0' } })),
    ]);
    // Node 20 validates WebAssembly SIMD on every x86-64 and arm64 CPU it runs on.
    assert.deepEqual(simd.backend, { name: 'wasm', version: '4.22.0', device: 'CPU (WebAssembly)', simd: true });
    assert.deepEqual(noSimd.backend, { ...simd.backend, simd: false });
    assert.equal(backendFingerprint(noSimd.backend)['tfjs.wasm-simd'], 'false');
    assert.ok(
      lines.some((line) => line.includes('backend wasm 4.22.0 on CPU (WebAssembly), SIMD')),
      lines.join('\n'),
    );

    const [metrics, metricsAgain, metricsNoSimd] = await Promise.all(
      [simd, again, noSimd].map((run) => readFile(run.metricsPath, 'utf8')),
    );
    assert.equal(metrics!.split('\n').filter((line) => line.includes('"train"')).length, 60);
    assert.equal(metricsAgain, metrics);
    assert.equal(metricsNoSimd, metrics);
    const hashes = (run: typeof simd) => run.checkpoints.map((c) => c.tensors.map((t) => `${t.name} ${t.sha256}`));
    assert.equal(hashes(simd)[0]!.length, 10);
    assert.deepEqual(hashes(again), hashes(simd));
    assert.deepEqual(hashes(noSimd), hashes(simd));
  });
});

test('every documented layer, activation, loss and optimizer trains on wasm, with losses close to the cpu backend', async () => {
  await withProject(async (project) => {
    const [wasm, cpu] = await Promise.all(
      ['wasm', 'cpu'].map((backend) =>
        runTrainer(optionsFor(project, { module: EVERY_LAYER, backend, steps: 1, checkpointEvery: 0 })),
      ),
    );
    const [onWasm, onCpu] = await Promise.all(
      [wasm!, cpu!].map(
        async (run) => JSON.parse(await readFile(run.metricsPath, 'utf8')) as Record<string, number | string>,
      ),
    );
    const failures = Object.entries(onWasm!).filter(([, value]) => typeof value === 'string');
    assert.deepEqual(failures, [], 'each failure names the kernel wasm lacks');
    assert.ok(Object.keys(onWasm!).length > 45, 'layers, activations, embedding and optimizers were all tried');
    for (const [name, value] of Object.entries(onWasm!)) {
      // Different kernels sum in different orders: close, not equal.
      assert.ok(
        Math.abs((value as number) - (onCpu![name] as number)) <= 1e-4 * Math.abs(onCpu![name] as number),
        `${name}: wasm ${value}, cpu ${onCpu![name]}`,
      );
    }
  });
});

test('an op the wasm backend lacks is exit 2 naming the op, not a fallback to another backend', async () => {
  await withProject(async (project) => {
    await writeFile(
      path.join(project, 'einsum.mjs'),
      "export default async function train(ctx) {\n  const a = ctx.tf.ones([2, 3]);\n  ctx.log(1, { loss: ctx.tf.einsum('ij,ij->', a, a) });\n}\n",
    );
    await assert.rejects(runTrainer(optionsFor(project, { module: 'einsum.mjs' })), (error: unknown) => {
      assert.ok(error instanceof ReproError);
      assert.match(
        error.message,
        /^The trainer .*einsum\.mjs uses the op Einsum, which the wasm backend does not support \(no kernel 'Einsum' for 'wasm'\); repro-check never falls back/,
      );
      assert.match(error.hint ?? '', /backend: cpu runs every tfjs op/);
      // Only the module's own frames follow: where it called the op.
      assert.deepEqual(
        error.message
          .split('\n')
          .slice(1)
          .map((line) => /einsum\.mjs:3:\d+\)?$/.test(line.trim())),
        [true],
      );
      return true;
    });
    // The same module on cpu runs: the refusal is the backend's, not the module's.
    const cpu = await runTrainer(optionsFor(project, { module: 'einsum.mjs', backend: 'cpu' }));
    assert.equal(await readFile(cpu.metricsPath, 'utf8'), '{"step":1,"loss":6}\n');
  });
});
