import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { git } from '../modes/project-fixture.ts';

// The bundle run as a user runs it (`node dist/cli.js ...`) from a copy of dist/ in a fresh git
// repository: the .wasm files are found relative to the bundle, the committed smoke baselines
// (wasm, and cpu) are reproduced bit for bit on whatever CPU runs the tests, and a missing or
// damaged binary is exit 2 naming the file.
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WASM_FILES = ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'];

async function bundledProject(
  files: Record<string, string>,
  body: (
    cli: (args: string[], env?: NodeJS.ProcessEnv) => Promise<{ code: number; output: string }>,
    dir: string,
  ) => Promise<void>,
): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'wasm-bundle-'));
  const dir = path.join(root, 'repo');
  try {
    await cp(path.join(PACKAGE_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
    await cp(path.join(PACKAGE_ROOT, 'examples/smoke'), path.join(dir, 'examples/smoke'), { recursive: true });
    await cp(path.join(PACKAGE_ROOT, 'package-lock.json'), path.join(dir, 'package-lock.json'));
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'bundle');
    const cli = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, ['dist/cli.js', ...args], {
          cwd: dir,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: root, ...env },
        });
        return { code: 0, output: stdout + stderr };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, output: failed.stdout + failed.stderr };
      }
    };
    await body(cli, dir);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

test('the bundled CLI reproduces the committed examples/smoke baseline on wasm, bit for bit', async () => {
  await bundledProject({}, async (cli) => {
    const check = await cli(['check', '--config', 'examples/smoke/repro.yml']);
    assert.equal(check.code, 0, check.output);
    assert.match(check.output, /reproduced — 4 metrics within tolerance, bit-for-bit identical/);
    assert.match(check.output, /all 10 tensors bit-identical to the baseline/);
    assert.match(check.output, /backend wasm 4\.22\.0 on CPU \(WebAssembly\)/);
  });
});

test("the bundled CLI reproduces examples/smoke/baseline-cpu.json, recorded with tfjs's stock kernels, with repro-check's cpu kernels", async () => {
  await bundledProject({}, async (cli) => {
    const check = await cli(['check', '--config', 'examples/smoke/repro-cpu.yml']);
    assert.equal(check.code, 0, check.output);
    assert.match(check.output, /reproduced — 4 metrics within tolerance, bit-for-bit identical/);
    assert.match(check.output, /all 10 tensors bit-identical to the baseline/);
    assert.match(check.output, /backend cpu 4\.22\.0 on CPU \(pure JavaScript\)/);
  });
});

test('the bundle with a .wasm file missing or damaged: exit 2 naming the file; auto says so and uses cpu', async () => {
  const config = (backend: string) =>
    `trainer:\n  module: ./train.mjs\n  backend: ${backend}\n  steps: 2\n  checkpoint-every: 0\n`;
  const trainer =
    'export default async function train(ctx) { for (let step = 1; step <= ctx.steps; step++) ctx.log(step, { loss: ctx.tf.scalar(1 / step).square() }); }\n';
  await bundledProject(
    { 'train.mjs': trainer, 'wasm.yml': config('wasm'), 'auto.yml': config('auto') },
    async (cli, dir) => {
      for (const file of WASM_FILES) await rm(path.join(dir, 'dist/wasm', file));
      git(dir, 'commit', '-q', '-am', 'binaries gone');
      const missing = await cli(['run', '--config', 'wasm.yml']);
      assert.equal(missing.code, 2, missing.output);
      assert.match(
        missing.output,
        new RegExp(`the WebAssembly backend's binary ${dir}/dist/wasm/tfjs-backend-wasm-simd\\.wasm is missing`),
      );
      assert.match(missing.output, /dist\/wasm\/ beside dist\/trainer-worker\.js.*or use backend: cpu/);
      assert.doesNotMatch(missing.output, /^\s+at /m, 'no stack trace');
      // SIMD forced off asks for the other binary, and names it.
      const plain = await cli(['run', '--config', 'wasm.yml'], { REPRO_WASM_SIMD: '0' });
      assert.match(plain.output, /binary .*dist\/wasm\/tfjs-backend-wasm\.wasm is missing/);

      const auto = await cli(['run', '--config', 'auto.yml']);
      assert.equal(auto.code, 0, auto.output);
      assert.match(
        auto.output,
        /backend auto: the WebAssembly backend's binary .*tfjs-backend-wasm-simd\.wasm is missing/,
      );
      assert.match(auto.output, /backend cpu 4\.22\.0 on CPU \(pure JavaScript\)/);

      // A file that is there but not a WebAssembly module: setBackend fails quietly; we do not.
      await cp(path.join(PACKAGE_ROOT, 'dist/wasm', WASM_FILES[0]!), path.join(dir, 'dist/wasm', WASM_FILES[0]!));
      await truncate(path.join(dir, 'dist/wasm', WASM_FILES[0]!), 1000);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'binary damaged');
      const damaged = await cli(['run', '--config', 'wasm.yml']);
      assert.equal(damaged.code, 2, damaged.output);
      assert.match(
        damaged.output,
        /the WebAssembly backend did not start from .*dist\/wasm\/tfjs-backend-wasm-simd\.wasm \(tf\.setBackend\('wasm'\) returned false/,
      );
    },
  );
});
