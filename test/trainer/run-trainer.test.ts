import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReproError } from '../../src/errors.ts';
import { parseMetricText } from '../../src/metrics/parse.ts';
import { parseSafetensors } from '../../src/safetensors/format.ts';
import {
  type RunTrainerOptions,
  backendFingerprint,
  runTrainer,
  typeScriptNodeFlags,
} from '../../src/trainer/run-trainer.ts';
import { describeLoadFailure } from '../../src/trainer/load-failure.ts';
import { toolCacheBackendDir } from '../../src/trainer/install-backend.ts';
import { TRIVIAL_TRAINER, writeFakeBackend } from './fake-backends.ts';

async function withProject(body: (project: string) => Promise<void>): Promise<void> {
  const project = await mkdtemp(path.join(os.tmpdir(), 'trainer-project-'));
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
    backend: 'cpu',
    steps: 20,
    checkpointEvery: 10,
    seed: 7,
    strictDeterminism: true,
    installBackend: false,
    outDir: path.join(project, `out-${runCount++}`),
    cwd: project,
    timeoutMs: 120_000,
    env: process.env,
    ...overrides,
  };
}

/** Expects a ReproError whose message (and hint, when given) match. */
async function assertTrainerFails(run: Promise<unknown>, message: RegExp, hint?: RegExp): Promise<void> {
  await assert.rejects(run, (error: unknown) => {
    assert.ok(error instanceof ReproError, `expected a ReproError, got ${String(error)}`);
    assert.match(error.message, message);
    if (hint) assert.match(error.hint ?? '', hint);
    return true;
  });
}

test('builtin:smoke repeats bit for bit in separate processes, and another seed differs', async () => {
  await withProject(async (project) => {
    const output: string[] = [];
    const [first, second, otherSeed] = await Promise.all([
      runTrainer(optionsFor(project, { steps: 100, checkpointEvery: 50, onOutputLine: (line) => output.push(line) })),
      runTrainer(optionsFor(project, { steps: 100, checkpointEvery: 50 })),
      runTrainer(optionsFor(project, { steps: 100, checkpointEvery: 50, seed: 8 })),
    ]);
    const metrics = await Promise.all([first, second, otherSeed].map((run) => readFile(run.metricsPath, 'utf8')));
    assert.equal(metrics[0], metrics[1]);
    assert.notEqual(metrics[0], metrics[2]);

    const data = parseMetricText(metrics[0]!, 'metrics.jsonl');
    assert.deepEqual([...data.series.keys()].sort(), ['eval.accuracy', 'eval.loss', 'train.loss']);
    assert.equal(data.series.get('train.loss')!.steps.length, 100);
    assert.deepEqual(Array.from(data.series.get('eval.loss')!.steps), [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    assert.ok(Array.from(data.series.get('train.loss')!.values).every((v) => Number.isFinite(v) && v > 0));
    assert.ok(data.finals.has('accuracy'));

    assert.deepEqual(first.backend, { name: 'cpu', version: '4.22.0', device: 'CPU (pure JavaScript)' });
    assert.deepEqual(first.warnings, []);
    assert.ok(output.some((line) => line.includes('backend cpu 4.22.0 on CPU (pure JavaScript)')));
    assert.ok(
      !output.some((line) => line.includes('looks like you are running TensorFlow.js in Node.js')),
      'no tfjs banner: we name the backend ourselves',
    );
    assert.deepEqual(
      first.checkpoints.map((c) => [path.relative(path.dirname(first.metricsPath), c.path), c.step]),
      [
        [path.join('checkpoints', 'step-50.safetensors'), 50],
        [path.join('checkpoints', 'step-100.safetensors'), 100],
      ],
    );
    const names = first.checkpoints[1]!.tensors.map((t) => t.name);
    assert.deepEqual(names, [
      'bn1/beta',
      'bn1/gamma',
      'bn1/moving_mean',
      'bn1/moving_variance',
      'conv1/bias',
      'conv1/kernel',
      'dense1/bias',
      'dense1/kernel',
      'logits/bias',
      'logits/kernel',
    ]);
    assert.deepEqual(
      first.checkpoints,
      second.checkpoints.map((c, i) => ({ ...c, path: first.checkpoints[i]!.path })),
    );
    const otherHashes = new Map(otherSeed.checkpoints[1]!.tensors.map((t) => [t.name, t.sha256]));
    assert.ok(first.checkpoints[1]!.tensors.every((t) => otherHashes.get(t.name) !== t.sha256));
    const file = parseSafetensors(await readFile(first.checkpoints[1]!.path), 'step-100');
    assert.deepEqual(file.metadata, { step: '100' });
    assert.deepEqual(file.tensors.find((t) => t.name === 'conv1/kernel')!.shape, [3, 3, 1, 8]);
  });
});

test('a trainer module gets ctx and its Math.random calls are seeded and reported', async () => {
  await withProject(async (project) => {
    await writeFile(
      path.join(project, 'train.mjs'),
      `export default async function train(ctx) {
  const w = ctx.tf.variable(ctx.tf.scalar(ctx.random.normal()), true, 'w');
  for (let step = 1; step <= ctx.steps; step++) {
    const noisy = ctx.dropout(ctx.tf.ones([4]), 0.5).sum();
    ctx.log(step, { w, noisy, jitter: Math.random(), option: ctx.options.factor });
    await ctx.checkpoint(step, { w });
  }
  ctx.log(null, { seed: ctx.seed, steps: ctx.steps });
}
`,
    );
    const run = () =>
      runTrainer(optionsFor(project, { module: './train.mjs', steps: 6, checkpointEvery: 4, options: { factor: 3 } }));
    const [first, second] = [await run(), await run()];
    const text = await readFile(first.metricsPath, 'utf8');
    assert.equal(text, await readFile(second.metricsPath, 'utf8'));
    const data = parseMetricText(text, 'metrics.jsonl');
    assert.deepEqual(Array.from(data.series.get('option')!.values), [3, 3, 3, 3, 3, 3]);
    assert.deepEqual([data.finals.get('seed'), data.finals.get('steps')], [7, 6]);
    // A fresh dropout mask per step: the kept counts are not all the same.
    assert.ok(new Set(Array.from(data.series.get('noisy')!.values)).size > 1);
    assert.deepEqual(
      first.checkpoints.map((c) => c.step),
      [4, 6],
    );
    assert.deepEqual(
      first.checkpoints[0]!.tensors.map((t) => [t.name, t.dtype, t.shape]),
      [['w', 'F32', []]],
    );
    assert.equal(first.warnings.length, 1);
    assert.match(first.warnings[0]!, /called Math\.random 6 time\(s\), first .*train\.mjs:5.*use ctx\.random/);
  });
});

test('failing trainers end with a ReproError that says why', async () => {
  await withProject(async (project) => {
    await writeFile(
      path.join(project, 'throws.mjs'),
      'export default async function train(ctx) {\n  ctx.log(1, { loss: 1 });\n  throw new Error("exploded at step 1");\n}\n',
    );
    await writeFile(path.join(project, 'silent.mjs'), 'export default async function train() {}\n');
    await writeFile(path.join(project, 'no-default.mjs'), 'export function train() {}\n');
    await writeFile(
      path.join(project, 'nan.mjs'),
      'export default async function train(ctx) { ctx.log(1, { train: { loss: 0.5 } }); ctx.log(2, { train: { loss: NaN, accuracy: 0.5 }, lr: -Infinity }); }\n',
    );
    await writeFile(
      path.join(project, 'nan-caught.mjs'),
      'export default async function train(ctx) { try { ctx.log(3, { loss: Infinity }); } catch {} ctx.log(4, { loss: 1 }); }\n',
    );
    await writeFile(
      path.join(project, 'nan-string.mjs'),
      'export default async function train(ctx) { ctx.log(1, { loss: 0.5, ratio: String(0 / 0) }); }\n',
    );

    await assertTrainerFails(
      runTrainer(optionsFor(project, { module: 'throws.mjs' })),
      /^The trainer .*throws\.mjs threw: Error: exploded at step 1\n\s+at train \(file:\/\/.*throws\.mjs:3:9\)/,
    );
    await assertTrainerFails(
      runTrainer(optionsFor(project, { module: 'silent.mjs' })),
      /silent\.mjs finished without logging any metrics/,
      /ctx\.log\(step/,
    );
    await assertTrainerFails(
      runTrainer(optionsFor(project, { module: 'no-default.mjs' })),
      /no-default\.mjs has no default export function/,
    );
    await writeFile(path.join(project, 'train.coffee'), 'train = (ctx) -> ctx.log 1, loss: 1\n');
    await assertTrainerFails(
      runTrainer(optionsFor(project, { module: 'train.coffee' })),
      /^Node [\d.]+ cannot load the trainer module .*train\.coffee: it does not know the file extension \.coffee$/,
      /\.js or \.mjs ES module/,
    );
    await assertTrainerFails(
      runTrainer(optionsFor(project, { module: 'gone.mjs' })),
      /The trainer module gone\.mjs was not found \(looked at .*gone\.mjs\)/,
      /builtin:smoke/,
    );
    await assertTrainerFails(
      runTrainer(optionsFor(project, { module: 'builtin:mnist' })),
      /Unknown built-in trainer "builtin:mnist" \(trainer\.module\); built-in: builtin:smoke/,
    );
    await assertTrainerFails(
      runTrainer(optionsFor(project, { backend: 'webgpu' })),
      /Unknown trainer backend "webgpu" \(trainer\.backend\); accepted: auto, tensorflow-gpu, tensorflow, wasm, cpu/,
    );
    await assertTrainerFails(
      runTrainer(optionsFor(project, { options: { 'learning-rate': 'fast' } })),
      /trainer\.options\.learning-rate must be a positive number, got "fast"/,
    );

    // A non-finite value is a diverged training: bad input, refused with the metric and the step.
    await assertTrainerFails(
      runTrainer(optionsFor(project, { module: 'nan.mjs' })),
      /^The trainer .*nan\.mjs logged a non-finite value at step 2: train\.loss = NaN, lr = -Infinity\. The training diverged \(NaN\/Inf loss\)\.$/,
      /Lower the learning rate.*check the data.*log it as a string.*or leave it out/,
    );
    // Catching the refusal does not make the run pass.
    await assertTrainerFails(
      runTrainer(optionsFor(project, { module: 'nan-caught.mjs' })),
      /nan-caught\.mjs logged a non-finite value at step 3: loss = Infinity/,
    );
    // A value logged as a string is kept in the file and not compared.
    const asString = await runTrainer(optionsFor(project, { module: 'nan-string.mjs' }));
    const text = await readFile(asString.metricsPath, 'utf8');
    assert.equal(text, '{"step":1,"loss":0.5,"ratio":"NaN"}\n');
    assert.deepEqual([...parseMetricText(text, 'm.jsonl').series.keys()], ['loss']);
  });
});

test("Math.random at a module's top level is caught too; checkpoint(step) saves the model given to useModel, or says how to", async () => {
  await withProject(async (project) => {
    await writeFile(
      path.join(project, 'top-level.mjs'),
      `const shift = Math.random();
export default async function train(ctx) {
  const w = ctx.tf.variable(ctx.tf.scalar(shift), true, 'w');
  ctx.useModel({ w });
  for (let step = 1; step <= ctx.steps; step++) {
    ctx.log(step, { w });
    await ctx.checkpoint(step);
  }
}
`,
    );
    await writeFile(
      path.join(project, 'no-model.mjs'),
      'export default async function train(ctx) { ctx.log(1, { loss: 1 }); await ctx.checkpoint(1); }\n',
    );
    const run = await runTrainer(optionsFor(project, { module: './top-level.mjs', steps: 4, checkpointEvery: 2 }));
    assert.equal(run.warnings.length, 1);
    assert.match(run.warnings[0]!, /called Math\.random 1 time\(s\), first .*top-level\.mjs:1/);
    assert.deepEqual(
      run.checkpoints.map((c) => [c.step, c.tensors.map((t) => t.name)]),
      [
        [2, ['w']],
        [4, ['w']],
      ],
    );
    await assertTrainerFails(
      runTrainer(optionsFor(project, { module: './no-model.mjs' })),
      /ctx\.checkpoint\(1\): no weights to save\. Call ctx\.useModel\(model\)/,
    );
  });
});

test('native backends: missing, failing to load, and silently on the CPU are told apart', async () => {
  await withProject(async (project) => {
    await writeFile(path.join(project, 'train.mjs'), TRIVIAL_TRAINER);
    const options = (backend: string) => optionsFor(project, { module: 'train.mjs', backend, steps: 2 });

    await assertTrainerFails(
      runTrainer(options('tensorflow')),
      /@tensorflow\/tfjs-node is not installed \(looked from /,
      /npm install --save-dev @tensorflow\/tfjs-node@4\.22\.0.*install-backend: true.*backend: cpu/,
    );
    await assertTrainerFails(runTrainer(options('tensorflow-gpu')), /@tensorflow\/tfjs-node-gpu is not installed/);

    await writeFakeBackend(project, '@tensorflow/tfjs-node-gpu', {
      fails: 'libcudart.so.11.0: cannot open shared object file: No such file or directory',
    });
    await assertTrainerFails(
      runTrainer(options('tensorflow-gpu')),
      /@tensorflow\/tfjs-node-gpu was found at .*node_modules\/@tensorflow\/tfjs-node-gpu but failed to load: the CUDA 11\.2 runtime was not found \(libcudart\.so\.11\.0: cannot open shared object file/,
      /CUDA 11\.2 and cuDNN 8\.1/,
    );
    // auto passes over the broken GPU package and says so, then settles on the WebAssembly backend.
    const lines: string[] = [];
    const auto = await runTrainer({ ...options('auto'), onOutputLine: (line) => lines.push(line) });
    assert.equal(auto.backend.name, 'wasm');
    assert.ok(
      lines.some((line) =>
        /backend auto: using the WebAssembly backend of @tensorflow\/tfjs-backend-wasm \(SIMD;/.test(line),
      ),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((line) =>
        /backend auto: @tensorflow\/tfjs-node-gpu was found .* but failed to load: the CUDA 11\.2 runtime was not found \(libcudart/.test(
          line,
        ),
      ),
      lines.join('\n'),
    );
    assert.ok(lines.some((line) => /backend auto: @tensorflow\/tfjs-node is not installed/.test(line)));

    await writeFakeBackend(project, '@tensorflow/tfjs-node-gpu', { usingGpu: false });
    await assertTrainerFails(
      runTrainer(options('tensorflow-gpu')),
      /loaded, but TensorFlow placed the work on the CPU \(tf\.backend\(\)\.isUsingGpuDevice is false\)/,
      /CUDA 11\.2/,
    );
    assert.deepEqual((await runTrainer(options('auto'))).backend, {
      name: 'tensorflow',
      version: '4.22.0-fake',
      device: 'CPU (tfjs-node-gpu found no usable GPU)',
      libtensorflow: '2.9.1',
      builtFor: 'CUDA 11.2, cuDNN 8.1',
    });

    await writeFakeBackend(project, '@tensorflow/tfjs-node-gpu', { usingGpu: true });
    const gpu = (await runTrainer(options('tensorflow-gpu'))).backend;
    assert.deepEqual(gpu, {
      name: 'tensorflow-gpu',
      version: '4.22.0-fake',
      device: 'GPU',
      libtensorflow: '2.9.1',
      builtFor: 'CUDA 11.2, cuDNN 8.1',
    });
    assert.deepEqual(backendFingerprint(gpu), {
      'tfjs.backend': 'tensorflow-gpu',
      'tfjs.version': '4.22.0-fake',
      'tfjs.device': 'GPU',
      'tfjs.libtensorflow': '2.9.1',
      'tfjs.built-for': 'CUDA 11.2, cuDNN 8.1',
    });

    await writeFakeBackend(project, '@tensorflow/tfjs-node', { usingGpu: false });
    assert.deepEqual((await runTrainer(options('tensorflow'))).backend, {
      name: 'tensorflow',
      version: '4.22.0-fake',
      device: 'CPU',
      libtensorflow: '2.9.1',
    });
  });
});

test('install-backend installs once into the tool cache, and needs npm on PATH', async () => {
  await withProject(async (project) => {
    await writeFile(path.join(project, 'train.mjs'), TRIVIAL_TRAINER);
    const toolCache = path.join(project, 'tool-cache');
    const bin = path.join(project, 'bin');
    await mkdir(bin);
    const npmLog = path.join(project, 'npm.log');
    // A stand-in npm that "installs" a fake tfjs-node where the real one would put it.
    await writeFile(
      path.join(bin, 'npm'),
      `#!/bin/sh
echo "$PWD $* mirror=$TFJS_NODE_BASE_URI" >> "${npmLog}"
mkdir -p node_modules/@tensorflow/tfjs-node
echo '{"name":"@tensorflow/tfjs-node","version":"4.22.0","main":"index.js"}' > node_modules/@tensorflow/tfjs-node/package.json
echo 'module.exports = { ready: async () => {}, backend: () => ({ isUsingGpuDevice: false }) };' > node_modules/@tensorflow/tfjs-node/index.js
`,
    );
    await chmod(path.join(bin, 'npm'), 0o755);
    const env = {
      ...process.env,
      RUNNER_TOOL_CACHE: toolCache,
      TFJS_NODE_BASE_URI: 'https://mirror.example/libtensorflow/',
    };
    const options = (pathVariable: string) =>
      optionsFor(project, {
        module: 'train.mjs',
        backend: 'tensorflow',
        steps: 2,
        installBackend: true,
        env: { ...env, PATH: pathVariable },
      });

    await assertTrainerFails(
      runTrainer(options('/nonexistent')),
      /install-backend is on, but npm is not on PATH, so @tensorflow\/tfjs-node@4\.22\.0 cannot be installed/,
      /setup-node/,
    );

    const lines: string[] = [];
    const first = await runTrainer({ ...options(`${bin}:/usr/bin:/bin`), onOutputLine: (line) => lines.push(line) });
    assert.deepEqual(first.backend, { name: 'tensorflow', version: '4.22.0', device: 'CPU' });
    const second = await runTrainer(options(`${bin}:/usr/bin:/bin`));
    assert.equal(second.backend.name, 'tensorflow');

    const target = toolCacheBackendDir('tensorflow', env);
    assert.equal(path.dirname(path.dirname(target)), toolCache);
    assert.equal(
      path.basename(target),
      `tfjs-node-4.22.0-node-abi${process.versions.modules}-${process.platform}-${process.arch}`,
    );
    const calls = (await readFile(npmLog, 'utf8')).trim().split('\n');
    assert.equal(calls.length, 1, 'npm ran once; the second run used the cache');
    assert.match(
      calls[0]!,
      new RegExp(
        `^${target}\\.tmp-\\d+-[0-9a-f]+ install --no-audit --no-fund --no-package-lock @tensorflow/tfjs-node@4\\.22\\.0 mirror=https://mirror\\.example/libtensorflow/$`,
      ),
    );
    assert.ok(
      lines.some((line) =>
        line.includes(
          `installing @tensorflow/tfjs-node@4.22.0 into ${target} (TFJS_NODE_BASE_URI=https://mirror.example/libtensorflow/)`,
        ),
      ),
    );
  });
});

test('a .ts trainer on a Node without type stripping, and a train() that never settles, are told plainly', async () => {
  await withProject(async (project) => {
    await writeFile(
      path.join(project, 'train.ts'),
      'export default async function train(ctx: { log(step: number, m: object): void }): Promise<void> { ctx.log(1, { loss: 1 }); }\n',
    );
    await writeFile(
      path.join(project, 'hangs.mjs'),
      'export default async function train(ctx) {\n  ctx.log(1, { loss: 1 });\n  await new Promise(() => {});\n}\n',
    );
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    if (major < 22 || (major === 22 && minor < 6)) {
      await assertTrainerFails(
        runTrainer(optionsFor(project, { module: 'train.ts' })),
        new RegExp(
          `^The trainer module train\\.ts is TypeScript, which Node ${process.versions.node.replaceAll('.', '\\.')} \\(the Node running repro-check\\) cannot load: Node strips types from 22\\.6 with --experimental-strip-types \\(repro-check passes it\\) and by default from 23\\.6\\.$`,
        ),
        /Use a \.js or \.mjs module/,
      );
    } else {
      const run = await runTrainer(optionsFor(project, { module: 'train.ts' }));
      assert.equal(await readFile(run.metricsPath, 'utf8'), '{"step":1,"loss":1}\n');
    }
    await assertTrainerFails(
      runTrainer(optionsFor(project, { module: 'hangs.mjs' })),
      /^The trainer hangs\.mjs: train\(\) returned a promise that never settled \(Node exited with code 13, "unsettled top-level await"/,
      /must resolve or reject/,
    );
  });
});

test('the Node flags for TypeScript trainer modules follow the Node version', () => {
  assert.deepEqual(typeScriptNodeFlags('train.mjs', '20.20.2'), []);
  assert.deepEqual(typeScriptNodeFlags('builtin:smoke', '18.0.0'), []);
  assert.deepEqual(typeScriptNodeFlags('train.ts', '22.6.0'), ['--experimental-strip-types']);
  assert.deepEqual(typeScriptNodeFlags('train.mts', '22.17.1'), ['--experimental-strip-types']);
  assert.deepEqual(typeScriptNodeFlags('train.ts', '22.18.0'), []);
  assert.deepEqual(typeScriptNodeFlags('train.ts', '23.6.0'), []);
  assert.deepEqual(typeScriptNodeFlags('train.cts', '24.1.0'), []);
  assert.throws(() => typeScriptNodeFlags('train.ts', '22.5.1'), /train\.ts is TypeScript, which Node 22\.5\.1/);
  assert.throws(
    () => typeScriptNodeFlags('src/train.ts', '20.20.2'),
    (error: unknown) => error instanceof ReproError && /\.js or \.mjs/.test(error.hint ?? ''),
  );
});

test('native backend load failures are classified from the error', () => {
  const failure = (backend: 'tensorflow-gpu' | 'tensorflow', message: string, code?: string) =>
    describeLoadFailure(backend, Object.assign(new Error(message), code ? { code } : {}));

  const binding = failure(
    'tensorflow',
    "Cannot find module '/p/node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node'\nRequire stack:\n- /p/x.js",
    'MODULE_NOT_FOUND',
  );
  assert.match(
    binding.problem,
    /^its native binding is missing \(Cannot find module '.*tfjs_binding\.node'\): the install script that downloads libtensorflow did not finish/,
  );
  assert.match(binding.hint, /npm rebuild @tensorflow\/tfjs-node .*TFJS_NODE_BASE_URI/);

  const dependency = failure('tensorflow-gpu', "Cannot find module '@tensorflow/tfjs-core'", 'MODULE_NOT_FOUND');
  assert.equal(dependency.problem, 'a module it needs is missing: @tensorflow/tfjs-core');
  assert.match(dependency.hint, /npm install @tensorflow\/tfjs-node-gpu@4\.22\.0/);

  const libtensorflow = failure(
    'tensorflow',
    'libtensorflow.so.2: cannot open shared object file: No such file or directory',
    'ERR_DLOPEN_FAILED',
  );
  assert.match(libtensorflow.problem, /^libtensorflow is missing \(libtensorflow\.so\.2: cannot open/);
  assert.match(libtensorflow.hint, /npm rebuild/);

  const cuda = failure(
    'tensorflow-gpu',
    'libcublasLt.so.11: cannot open shared object file: No such file or directory',
    'ERR_DLOPEN_FAILED',
  );
  assert.match(cuda.problem, /^the CUDA 11\.2 runtime was not found \(libcublasLt\.so\.11: /);
  assert.match(cuda.hint, /CUDA 11\.2 and cuDNN 8\.1.*LD_LIBRARY_PATH/);
  assert.match(
    failure('tensorflow-gpu', 'libcudnn.so.8: cannot open shared object file: No such file or directory').problem,
    /^cuDNN 8\.1 was not found \(libcudnn\.so\.8/,
  );

  const other = failure('tensorflow', 'libgomp.so.1: cannot open shared object file: No such file or directory');
  assert.match(other.problem, /^a shared library it needs is missing/);
  assert.match(other.hint, /provides libgomp\.so\.1/);

  assert.match(
    failure('tensorflow', 'The module was compiled against a different Node.js version using NODE_MODULE_VERSION 93.')
      .problem,
    /built for another Node or platform/,
  );
  assert.deepEqual(failure('tensorflow', 'something odd\nmore').problem, 'something odd');
});
