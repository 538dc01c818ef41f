import type { KernelBackend, KernelConfig, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../backend.ts';
import { type ConvGeometry, convFilterGradient, depthwiseInputGradient } from './conv-gradients.ts';
import { unsortedSegmentSum } from './segment-sum.ts';
import { broadcastBinary, sumInnermost, transposeValues } from './strided.ts';

/**
 * repro-check's own TensorFlow.js kernels, registered in the trainer worker after the backend is
 * chosen: on `wasm` the kernels tfjs-backend-wasm 4.22.0 lacks that training the documented
 * layers needs (their gradients), and on `cpu` faster versions of its hot kernels that give
 * bit-identical results (the maths modules beside this file say how).
 */
type Backend = 'cpu' | 'wasm';

/** Reading inputs and making outputs differ between the two backends; kernels see only this. */
interface KernelIo {
  read(info: TensorInfo): Float32Array | Int32Array;
  output(shape: number[], dtype: 'float32' | 'int32', values: Float32Array | Int32Array): TensorInfo;
}

function kernelIo(backendName: Backend, backend: KernelBackend): KernelIo {
  if (backendName === 'cpu') {
    // The CPU backend keeps each tensor's values as a typed array; readSync returns it, not a copy.
    const cpu = backend as unknown as {
      makeTensorInfo(shape: number[], dtype: string, values: Float32Array | Int32Array): TensorInfo;
    };
    return {
      read: (info) => backend.readSync(info.dataId) as Float32Array | Int32Array,
      output: (shape, dtype, values) => cpu.makeTensorInfo(shape, dtype, values),
    };
  }
  // The WebAssembly backend copies values out of, and into, its heap.
  const wasm = backend as unknown as {
    makeOutput(shape: number[], dtype: string, memoryOffset: undefined, values: Float32Array | Int32Array): TensorInfo;
  };
  return {
    read: (info) => backend.readSync(info.dataId) as Float32Array | Int32Array,
    output: (shape, dtype, values) => wasm.makeOutput(shape, dtype, undefined, values),
  };
}

/** `stock` runs the kernel this one replaced, for the inputs it leaves to tfjs (it throws on wasm, where there is none). */
type Kernel = (
  tf: Tf,
  io: KernelIo,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap,
  stock: () => TensorInfo,
) => TensorInfo;

type ConvAttrs = {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  dilations?: [number, number] | number;
  dataFormat?: 'NHWC' | 'NCHW';
};

/** The convolution's geometry from a gradient kernel's attributes, as tfjs-backend-cpu computes it. */
function convGeometry(
  tf: Tf,
  kernelName: string,
  inShape: number[],
  filterShape: number[],
  attrs: ConvAttrs,
  depthwise: boolean,
): ConvGeometry {
  const dilations = attrs.dilations ?? 1;
  if ((typeof dilations === 'number' ? [dilations] : dilations).some((d) => d !== 1)) {
    throw new Error(
      `${kernelName}: dilations ${JSON.stringify(dilations)} are not supported by repro-check's kernel (only 1)`,
    );
  }
  const dataFormat = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat ?? 'NHWC');
  return tf.backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    depthwise,
    dataFormat,
  );
}

/** Conv2DBackpropFilter and DepthwiseConv2dNativeBackpropFilter, with the attributes tfjs-core's gradients pass. */
function filterGradientKernel(kernelName: string, depthwise: boolean): Kernel {
  return (tf, io, inputs, attrs) => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const geometry = convGeometry(
      tf,
      kernelName,
      x.shape,
      attrs.filterShape as number[],
      attrs as unknown as ConvAttrs,
      depthwise,
    );
    return io.output(
      attrs.filterShape as number[],
      'float32',
      convFilterGradient(io.read(x) as Float32Array, io.read(dy) as Float32Array, geometry, depthwise),
    );
  };
}

const depthwiseInputGradientKernel: Kernel = (tf, io, inputs, attrs) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const inputShape = attrs.inputShape as number[];
  const geometry = convGeometry(
    tf,
    'DepthwiseConv2dNativeBackpropInput',
    inputShape,
    filter.shape,
    attrs as unknown as ConvAttrs,
    true,
  );
  return io.output(
    inputShape,
    'float32',
    depthwiseInputGradient(io.read(dy) as Float32Array, io.read(filter) as Float32Array, geometry),
  );
};

const segmentSumKernel: Kernel = (_tf, io, inputs, attrs) => {
  const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
  const numSegments = attrs.numSegments as number;
  const rowSize = x.shape.slice(segmentIds.shape.length).reduce((size, dim) => size * dim, 1);
  const sums = unsortedSegmentSum(io.read(x), io.read(segmentIds) as Int32Array, numSegments, rowSize);
  return io.output([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype as 'float32' | 'int32', sums);
};

/**
 * A broadcasting element-wise kernel for float32 inputs; `op` is tfjs-backend-cpu's own
 * expression for it. Inputs of other types, and shapes tfjs already handles without per-element
 * coordinates (equal shapes, or one side repeating whole), go to the stock kernel.
 */
function broadcastingKernel(op: (a: number, b: number) => number): Kernel {
  return (tf, io, inputs, _attrs, stock) => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return stock();
    const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    if (
      tf.backend_util.getBroadcastDims(a.shape, outShape).length +
        tf.backend_util.getBroadcastDims(b.shape, outShape).length ===
      0
    )
      return stock();
    return io.output(
      outShape,
      'float32',
      broadcastBinary(io.read(a) as Float32Array, a.shape, io.read(b) as Float32Array, b.shape, outShape, op),
    );
  };
}

const transposeKernel: Kernel = (_tf, io, inputs, attrs, stock) => {
  const { x } = inputs as { x: TensorInfo };
  if (x.dtype !== 'float32' && x.dtype !== 'int32') return stock();
  const perm = attrs.perm as number[];
  return io.output(
    perm.map((axis) => x.shape[axis]!),
    x.dtype,
    transposeValues(io.read(x), x.shape, perm),
  );
};

/** tfjs-backend-cpu's `sum`: reduced axes moved innermost (in the order given), then summed run by run. */
const sumKernel: Kernel = (tf, io, inputs, attrs, stock) => {
  const { x } = inputs as { x: TensorInfo };
  if (x.dtype !== 'float32') return stock();
  const { backend_util: util } = tf;
  const axes = tf.util.parseAxisParam(attrs.axis as number | number[], x.shape);
  const permutation = util.getAxesPermutation(axes, x.shape.length);
  const values = io.read(x) as Float32Array;
  const permuted = permutation ? transposeValues(values, x.shape, permutation) : values;
  const permutedShape = permutation ? permutation.map((axis) => x.shape[axis]!) : x.shape;
  const reductionAxes = permutation ? util.getInnerMostAxes(axes.length, x.shape.length) : axes;
  const [outShape, reduceShape] = util.computeOutAndReduceShapes(permutedShape, reductionAxes);
  const sums = sumInnermost(permuted, tf.util.sizeFromShape(outShape), tf.util.sizeFromShape(reduceShape));
  return io.output(attrs.keepDims ? util.expandShapeToKeepDim(outShape, axes) : outShape, 'float32', sums);
};

/** What tfjs-backend-wasm 4.22.0 lacks for training the documented layers (README, built-in trainer). */
const WASM_KERNELS: Readonly<Record<string, Kernel>> = {
  Conv2DBackpropFilter: filterGradientKernel('Conv2DBackpropFilter', false),
  DepthwiseConv2dNativeBackpropFilter: filterGradientKernel('DepthwiseConv2dNativeBackpropFilter', true),
  DepthwiseConv2dNativeBackpropInput: depthwiseInputGradientKernel,
  UnsortedSegmentSum: segmentSumKernel,
};

/**
 * Bit-identical replacements for tfjs-backend-cpu 4.22.0's slowest kernels in builtin:smoke's
 * profile. The element-wise expressions are tfjs's own (a double result, rounded to float32 on store).
 */
const FAST_CPU_KERNELS: Readonly<Record<string, Kernel>> = {
  Conv2DBackpropFilter: filterGradientKernel('Conv2DBackpropFilter', false),
  DepthwiseConv2dNativeBackpropFilter: filterGradientKernel('DepthwiseConv2dNativeBackpropFilter', true),
  Add: broadcastingKernel((a, b) => a + b),
  Sub: broadcastingKernel((a, b) => a - b),
  Multiply: broadcastingKernel((a, b) => a * b),
  RealDiv: broadcastingKernel((a, b) => a / b),
  Maximum: broadcastingKernel((a, b) => Math.max(a, b)),
  Minimum: broadcastingKernel((a, b) => Math.min(a, b)),
  SquaredDifference: broadcastingKernel((a, b) => (a - b) * (a - b)),
  Transpose: transposeKernel,
  Sum: sumKernel,
};

/** The tfjs kernel names registerReproKernels registers, per backend. */
export const REPRO_KERNEL_NAMES: Readonly<Record<Backend, readonly string[]>> = {
  wasm: Object.keys(WASM_KERNELS),
  cpu: Object.keys(FAST_CPU_KERNELS),
};

/** Registers repro-check's kernels for `backendName`, replacing tfjs's own where it has one. */
export function registerReproKernels(tf: Tf, backendName: Backend): void {
  const kernels = backendName === 'wasm' ? WASM_KERNELS : FAST_CPU_KERNELS;
  for (const [kernelName, kernel] of Object.entries(kernels)) {
    // getKernel answers undefined for an unregistered kernel, whatever its declared type says.
    const replaced = (tf.getKernel(kernelName, backendName) as KernelConfig | undefined)?.kernelFunc;
    // Replacing is deliberate: without unregistering, tfjs warns that the kernel is already registered.
    if (replaced) tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel({
      kernelName,
      backendName,
      kernelFunc: (call) => {
        const stock = () => {
          if (!replaced) throw new Error(`Kernel '${kernelName}' not registered for backend '${backendName}'`);
          return replaced(call) as TensorInfo;
        };
        return kernel(tf, kernelIo(backendName, call.backend as KernelBackend), call.inputs, call.attrs ?? {}, stock);
      },
    });
  }
}
