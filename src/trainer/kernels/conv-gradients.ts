/**
 * Gradients of 2-D convolutions on plain typed arrays, for the tfjs kernels repro-check registers.
 *
 * convFilterGradient (kernels `Conv2DBackpropFilter`, `DepthwiseConv2dNativeBackpropFilter`) is
 * bit-identical to @tensorflow/tfjs-backend-cpu 4.22.0's kernels: each filter element is one
 * float64 sum of float32 products, taken in the order batch -> output row -> output column,
 * rounded to float32 once at the end; that order is the contract, not the loop nest. tfjs reads
 * each element through `TensorBuffer.get` (an index computation and a call per element); here
 * the sums of all output channels for one (filter row, filter column, input channel) run side
 * by side in a Float64Array, so the inner loop walks dy contiguously.
 */

/** The fields of tfjs's `backend_util.Conv2DInfo` the gradient needs (dilation 1). */
export interface ConvGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  /** Depthwise: inChannels * channel multiplier. */
  outChannels: number;
  strideHeight: number;
  strideWidth: number;
  filterHeight: number;
  filterWidth: number;
  padInfo: { top: number; left: number };
  dataFormat: 'channelsLast' | 'channelsFirst';
}

/**
 * dW for x (NHWC or NCHW as `geometry.dataFormat` says) and dy (same layout). The result has
 * shape [filterHeight, filterWidth, inChannels, outChannels], or for a depthwise convolution
 * [filterHeight, filterWidth, inChannels, channelMultiplier], where output channel d2 reads
 * input channel floor(d2 / channelMultiplier) only.
 */
export function convFilterGradient(
  x: Float32Array,
  dy: Float32Array,
  geometry: ConvGeometry,
  depthwise: boolean,
): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = geometry;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = geometry;
  const { top: topPad, left: leftPad } = geometry.padInfo;
  // Element strides as [batch, row, column, channel] for either layout.
  const channelsLast = geometry.dataFormat === 'channelsLast';
  const xStrides = channelsLast
    ? [inHeight * inWidth * inChannels, inWidth * inChannels, inChannels, 1]
    : [inChannels * inHeight * inWidth, inWidth, 1, inHeight * inWidth];
  const dyStrides = channelsLast
    ? [outHeight * outWidth * outChannels, outWidth * outChannels, outChannels, 1]
    : [outChannels * outHeight * outWidth, outWidth, 1, outHeight * outWidth];
  const [xBatch, xRow, xColumn, xChannel] = xStrides as [number, number, number, number];
  const [dyBatch, dyRow, dyColumn, dyChannel] = dyStrides as [number, number, number, number];
  const perInput = depthwise ? outChannels / inChannels : outChannels;
  const dW = new Float32Array(filterHeight * filterWidth * inChannels * perInput);
  const sums = new Float64Array(perInput);

  for (let wR = 0; wR < filterHeight; ++wR) {
    // The output rows whose receptive field puts filter row wR inside the input (tfjs's bounds,
    // fractional upper bound included).
    const yRMin = Math.max(0, Math.ceil((topPad - wR) / strideHeight));
    const yRMax = Math.min(outHeight, (inHeight + topPad - wR) / strideHeight);
    for (let wC = 0; wC < filterWidth; ++wC) {
      const yCMin = Math.max(0, Math.ceil((leftPad - wC) / strideWidth));
      const yCMax = Math.min(outWidth, (inWidth + leftPad - wC) / strideWidth);
      for (let d1 = 0; d1 < inChannels; ++d1) {
        const firstOut = depthwise ? d1 * perInput : 0;
        sums.fill(0);
        for (let b = 0; b < batchSize; ++b) {
          for (let yR = yRMin; yR < yRMax; ++yR) {
            const xR = wR + yR * strideHeight - topPad;
            for (let yC = yCMin; yC < yCMax; ++yC) {
              const xC = wC + yC * strideWidth - leftPad;
              const xValue = x[b * xBatch + xR * xRow + xC * xColumn + d1 * xChannel]!;
              const dyBase = b * dyBatch + yR * dyRow + yC * dyColumn + firstOut * dyChannel;
              for (let k = 0; k < perInput; ++k) sums[k]! += xValue * dy[dyBase + k * dyChannel]!;
            }
          }
        }
        dW.set(sums, ((wR * filterWidth + wC) * inChannels + d1) * perInput);
      }
    }
  }
  return dW;
}

/**
 * dx of a depthwise convolution (kernel `DepthwiseConv2dNativeBackpropInput`; tfjs-backend-wasm
 * lacks it), NHWC, dilation 1: dx[b, xR, xC, d1] = sum over the output positions (yR, yC) whose
 * window covers (xR, xC), and over the channel multiplier dm, of
 * dy[b, yR, yC, d1 * multiplier + dm] * filter[wR, wC, d1, dm], with wR = xR + top - yR * strideHeight
 * (wC likewise). Summed as float64 in the order yR, yC, dm and rounded to float32 once.
 *
 * @param dy [batch, outHeight, outWidth, inChannels * multiplier]
 * @param filter [filterHeight, filterWidth, inChannels, multiplier]
 * @returns [batch, inHeight, inWidth, inChannels]
 */
export function depthwiseInputGradient(dy: Float32Array, filter: Float32Array, geometry: ConvGeometry): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = geometry;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = geometry;
  const { top, left } = geometry.padInfo;
  const multiplier = outChannels / inChannels;
  const dx = new Float32Array(batchSize * inHeight * inWidth * inChannels);
  for (let b = 0; b < batchSize; ++b) {
    for (let xR = 0; xR < inHeight; ++xR) {
      // Output rows yR with 0 <= xR + top - yR * strideHeight < filterHeight.
      const yRFirst = Math.max(0, Math.floor((xR + top - filterHeight) / strideHeight) + 1);
      const yRLast = Math.min(outHeight - 1, Math.floor((xR + top) / strideHeight));
      for (let xC = 0; xC < inWidth; ++xC) {
        const yCFirst = Math.max(0, Math.floor((xC + left - filterWidth) / strideWidth) + 1);
        const yCLast = Math.min(outWidth - 1, Math.floor((xC + left) / strideWidth));
        for (let d1 = 0; d1 < inChannels; ++d1) {
          let sum = 0;
          for (let yR = yRFirst; yR <= yRLast; ++yR) {
            const wR = xR + top - yR * strideHeight;
            for (let yC = yCFirst; yC <= yCLast; ++yC) {
              const wC = xC + left - yC * strideWidth;
              const dyBase = ((b * outHeight + yR) * outWidth + yC) * outChannels + d1 * multiplier;
              const filterBase = ((wR * filterWidth + wC) * inChannels + d1) * multiplier;
              for (let dm = 0; dm < multiplier; ++dm) sum += dy[dyBase + dm]! * filter[filterBase + dm]!;
            }
          }
          dx[((b * inHeight + xR) * inWidth + xC) * inChannels + d1] = sum;
        }
      }
    }
  }
  return dx;
}
