import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tfModule from '@tensorflow/tfjs';
import type { Tf } from '../../../src/trainer/backend.ts';
import { depthwiseInputGradient } from '../../../src/trainer/kernels/conv-gradients.ts';
import { unsortedSegmentSum } from '../../../src/trainer/kernels/segment-sum.ts';
import { createRandom } from '../../../src/trainer/random.ts';

// The kernels repro-check adds to the wasm backend, checked against tfjs-backend-cpu's, which
// sum in the same order (so equality is exact), on shapes with strides, padding and multipliers.
const tf = ((tfModule as unknown as { default?: Tf }).default ?? tfModule) as Tf;
const random = createRandom(5);
const values = (length: number) => Float32Array.from({ length }, () => random.normal() * 2);

test("the depthwise input gradient equals tfjs-backend-cpu's DepthwiseConv2dNativeBackpropInput bit for bit", async () => {
  await tf.setBackend('cpu');
  for (const [inputShape, filterShape, strides, pad] of [
    [[2, 6, 5, 3], [3, 3, 3, 2], 1, 'same'],
    [[1, 7, 7, 2], [3, 2, 2, 3], 2, 'valid'],
    [[2, 5, 6, 1], [2, 2, 1, 1], [2, 1], 'same'],
  ] as const) {
    const geometry = tf.backend_util.computeConv2DInfo(
      [...inputShape] as never,
      [...filterShape] as never,
      strides as number | [number, number],
      1,
      pad,
      undefined,
      true,
    );
    const dyShape = [inputShape[0], geometry.outHeight, geometry.outWidth, geometry.outChannels];
    const dy = values(dyShape.reduce((a, b) => a * b, 1));
    const filter = values(filterShape.reduce((a: number, b: number) => a * b, 1));
    const stock = tf.tidy(() =>
      (
        tf
          .engine()
          .runKernel(
            'DepthwiseConv2dNativeBackpropInput',
            { dy: tf.tensor(dy, dyShape), filter: tf.tensor(filter, [...filterShape]) },
            { strides, dilations: 1, pad, inputShape: [...inputShape] } as never,
          ) as tfModule.Tensor
      ).dataSync(),
    );
    const ours = depthwiseInputGradient(dy, filter, geometry);
    assert.deepEqual(
      new Uint8Array(ours.buffer),
      new Uint8Array(stock.buffer),
      JSON.stringify([inputShape, filterShape, strides, pad]),
    );
  }
});

test('unsortedSegmentSum sums rows per segment, drops ids out of range, keeps int32', () => {
  const x = values(6 * 4);
  const ids = Int32Array.from([2, 0, 2, 5, -1, 0]);
  const ours = unsortedSegmentSum(x, ids, 3, 4);
  const stock = tf.tidy(() =>
    tf
      .unsortedSegmentSum(
        tf.tensor2d(x, [6, 4]),
        tf.tensor1d(
          Array.from(ids).map((id) => (id < 0 || id >= 3 ? 3 : id)),
          'int32',
        ),
        4,
      )
      .slice(0, 3)
      .dataSync(),
  );
  assert.deepEqual(Array.from(ours), Array.from(stock));
  assert.deepEqual(Array.from(ours.subarray(4, 8)), [0, 0, 0, 0], 'segment 1 has no rows');
  const ints = unsortedSegmentSum(Int32Array.from([1, 2, 3, 4]), Int32Array.from([1, 1]), 2, 2);
  assert.ok(ints instanceof Int32Array);
  assert.deepEqual(Array.from(ints), [0, 0, 4, 6]);
});
