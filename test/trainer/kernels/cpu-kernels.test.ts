import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tfModule from '@tensorflow/tfjs';
import type { Tensor } from '@tensorflow/tfjs';
import type { Tf } from '../../../src/trainer/backend.ts';
import { REPRO_KERNEL_NAMES, registerReproKernels } from '../../../src/trainer/kernels/register.ts';
import { type RunTrainerOptions, runTrainer } from '../../../src/trainer/run-trainer.ts';
import { createRandom } from '../../../src/trainer/random.ts';

const tf = ((tfModule as unknown as { default?: Tf }).default ?? tfModule) as Tf;
const EVERY_LAYER = fileURLToPath(new URL('../../fixtures/trainer/every-layer.mjs', import.meta.url));

/** Every case of each replaced kernel: size-1 broadcasting, scalars, unordered and negative axes, strides, padding, NCHW. */
function kernelCases(): Array<[string, () => Tensor]> {
  const random = createRandom(99);
  const values = (shape: number[]) =>
    tf.tensor(
      Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.normal() * 3),
      shape,
      'float32',
    );
  const ints = (shape: number[]) =>
    tf.tensor(
      Int32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.int(7) - 3),
      shape,
      'int32',
    );
  const run = (kernel: string, inputs: Record<string, Tensor>, attrs: Record<string, unknown>) => () =>
    tf.engine().runKernel(kernel, inputs, attrs as never) as Tensor;
  const cases: Array<[string, () => Tensor]> = [];
  const pairs: Array<[number[], number[]]> = [
    [
      [4, 1, 3],
      [1, 5, 3],
    ],
    [
      [2, 3, 4, 5],
      [1, 1, 1, 5],
    ],
    [
      [6, 1],
      [6, 7],
    ],
    [
      [3, 4],
      [3, 4],
    ],
    [[], [2, 3]],
    [
      [2, 1, 1, 2],
      [3, 1],
    ],
  ];
  for (const [aShape, bShape] of pairs) {
    const [a, b] = [values(aShape), values(bShape)];
    for (const op of ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'squaredDifference'] as const)
      cases.push([`${op} ${JSON.stringify([aShape, bShape])}`, () => tf[op](a, b)]);
    const [aInts, bInts] = [ints(aShape), ints(bShape)];
    cases.push([`add int32 ${JSON.stringify([aShape, bShape])}`, () => tf.add(aInts, bInts)]);
  }
  const x = values([2, 3, 4, 5]);
  const xInts = ints([2, 3, 4, 5]);
  for (const perm of [
    [0, 1, 2, 3],
    [3, 2, 1, 0],
    [0, 2, 3, 1],
    [1, 0, 3, 2],
  ]) {
    cases.push([`transpose ${perm}`, () => tf.transpose(x, perm)]);
    cases.push([`transpose int32 ${perm}`, () => tf.transpose(xInts, perm)]);
  }
  for (const [axis, keepDims] of [
    [0, false],
    [[0, 1, 2], true],
    [[2, 0], false],
    [-1, true],
    [[3, 1], true],
    [null, false],
  ] as const) {
    cases.push([
      `sum ${JSON.stringify(axis)} keepDims ${keepDims}`,
      () => tf.sum(x, axis === null ? undefined : (axis as number | number[]), keepDims),
    ]);
  }
  const sumInts = ints([3, 4]);
  cases.push(['sum int32', () => tf.sum(sumInts, 0)]);
  for (const [inShape, filterShape, strides, pad, dataFormat] of [
    [[2, 7, 6, 3], [3, 3, 3, 4], 1, 'valid', 'NHWC'],
    [[2, 7, 6, 3], [3, 2, 3, 4], [2, 1], 'same', 'NHWC'],
    [[3, 8, 8, 2], [2, 2, 2, 5], 2, 1, 'NHWC'],
    [[2, 3, 7, 6], [3, 3, 3, 4], 1, 'same', 'NCHW'],
  ] as const) {
    const input = values([...inShape]);
    const geometry = tf.backend_util.computeConv2DInfo(
      inShape as never,
      filterShape as never,
      strides as number | [number, number],
      1,
      pad as never,
      undefined,
      false,
      tf.backend_util.convertConv2DDataFormat(dataFormat),
    );
    const dyShape =
      dataFormat === 'NHWC'
        ? [inShape[0], geometry.outHeight, geometry.outWidth, filterShape[3]]
        : [inShape[0], filterShape[3], geometry.outHeight, geometry.outWidth];
    const dy = values(dyShape);
    cases.push([
      `Conv2DBackpropFilter ${JSON.stringify([inShape, filterShape, strides, pad, dataFormat])}`,
      run('Conv2DBackpropFilter', { x: input, dy }, { strides, pad, dataFormat, filterShape }),
    ]);
  }
  const depthInput = values([2, 6, 5, 3]);
  const depthDy = values([2, 3, 3, 6]);
  cases.push([
    'DepthwiseConv2dNativeBackpropFilter',
    run(
      'DepthwiseConv2dNativeBackpropFilter',
      { x: depthInput, dy: depthDy },
      { strides: [2, 2], dilations: 1, pad: 'same', filterShape: [3, 3, 3, 2] },
    ),
  ]);
  return cases;
}

test("repro-check's cpu kernels give tfjs's stock results bit for bit, case by case, through tfjs's own dispatch", () => {
  tf.setBackend('cpu');
  const cases = kernelCases();
  const stock = cases.map(([, compute]) => tf.tidy(() => compute().dataSync().slice()));
  const stockShapes = cases.map(([, compute]) => tf.tidy(() => compute().shape));
  registerReproKernels(tf, 'cpu');
  for (const name of REPRO_KERNEL_NAMES.cpu) assert.ok(tf.getKernel(name, 'cpu'), name);
  cases.forEach(([name, compute], index) => {
    const [values, shape] = tf.tidy(() => {
      const result = compute();
      return [result.dataSync().slice(), result.shape] as const;
    });
    assert.deepEqual(shape, stockShapes[index], name);
    // Compare bit patterns: deepEqual on floats would let -0 and 0 pass as equal.
    assert.deepEqual(new Uint8Array(values.buffer), new Uint8Array(stock[index]!.buffer), name);
  });
});

async function withProject(body: (project: string) => Promise<void>): Promise<void> {
  const project = await mkdtemp(path.join(os.tmpdir(), 'cpu-kernels-'));
  try {
    await body(project);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

let runCount = 0;
const optionsFor = (project: string, overrides: Partial<RunTrainerOptions>): RunTrainerOptions => ({
  module: 'builtin:smoke',
  backend: 'cpu',
  steps: 200,
  checkpointEvery: 200,
  seed: 1234,
  strictDeterminism: true,
  installBackend: false,
  outDir: path.join(project, `out-${runCount++}`),
  cwd: project,
  timeoutMs: 600_000,
  env: process.env,
  ...overrides,
});

test('the whole builtin:smoke run (every step, the final weights) and every documented layer are bit-identical with the stock cpu kernels', async () => {
  await withProject(async (project) => {
    const stockEnv = { ...process.env, REPRO_CPU_KERNELS: 'stock' };
    const [fast, stock, fastLayers, stockLayers] = await Promise.all([
      runTrainer(optionsFor(project, {})),
      runTrainer(optionsFor(project, { env: stockEnv })),
      runTrainer(optionsFor(project, { module: EVERY_LAYER, steps: 1, checkpointEvery: 0 })),
      runTrainer(optionsFor(project, { module: EVERY_LAYER, steps: 1, checkpointEvery: 0, env: stockEnv })),
    ]);
    assert.equal(fast.backend.device, 'CPU (pure JavaScript)');
    assert.equal(stock.backend.device, 'CPU (pure JavaScript, stock kernels)');
    const text = async (run: typeof fast) => readFile(run.metricsPath, 'utf8');
    const fastMetrics = await text(fast);
    assert.equal(fastMetrics.split('\n').filter((line) => line.includes('"train"')).length, 200);
    assert.equal(fastMetrics, await text(stock));
    const hashes = (run: typeof fast) =>
      run.checkpoints.map((c) => [c.step, c.tensors.map((t) => `${t.name} ${t.sha256}`)]);
    assert.equal(hashes(fast).length, 1);
    assert.deepEqual(hashes(fast), hashes(stock));
    const layers = await text(fastLayers);
    assert.doesNotMatch(layers, /error/);
    assert.equal(layers, await text(stockLayers));
  });
});
