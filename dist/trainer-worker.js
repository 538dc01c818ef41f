import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  METRICS_FILE,
  NATIVE_PACKAGES,
  STRICT_DETERMINISM_ENV,
  TFJS_VERSION,
  TRAINER_RESULT_FILE,
  checkBackendName,
  resolveNativePackage,
  wasmBinaryDir
} from "./chunks/chunk-2BT66WUO.js";
import "./chunks/chunk-XU3WJNQF.js";
import {
  safetensorsLayout
} from "./chunks/chunk-LHXOGF6I.js";
import {
  LENGTH_PREFIX_BYTES,
  isSupportedDtype,
  parseSafetensorsHeader,
  readHeaderLength,
  tensorByteLength
} from "./chunks/chunk-KMS2X7K7.js";
import {
  ReproError
} from "./chunks/chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunks/chunk-FCTVIH2T.js";

// src/trainer/worker.ts
init_define_REPRO_CHART_LIBRARY();
import { existsSync as existsSync2, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import path3 from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire as createRequire2 } from "node:module";

// src/trainer/load-backend.ts
init_define_REPRO_CHART_LIBRARY();
import { existsSync } from "node:fs";
import path2 from "node:path";

// src/trainer/kernels/register.ts
init_define_REPRO_CHART_LIBRARY();

// src/trainer/kernels/conv-gradients.ts
init_define_REPRO_CHART_LIBRARY();
function convFilterGradient(x, dy, geometry, depthwise) {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = geometry;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = geometry;
  const { top: topPad, left: leftPad } = geometry.padInfo;
  const channelsLast = geometry.dataFormat === "channelsLast";
  const xStrides = channelsLast ? [inHeight * inWidth * inChannels, inWidth * inChannels, inChannels, 1] : [inChannels * inHeight * inWidth, inWidth, 1, inHeight * inWidth];
  const dyStrides = channelsLast ? [outHeight * outWidth * outChannels, outWidth * outChannels, outChannels, 1] : [outChannels * outHeight * outWidth, outWidth, 1, outHeight * outWidth];
  const [xBatch, xRow, xColumn, xChannel] = xStrides;
  const [dyBatch, dyRow, dyColumn, dyChannel] = dyStrides;
  const perInput = depthwise ? outChannels / inChannels : outChannels;
  const dW = new Float32Array(filterHeight * filterWidth * inChannels * perInput);
  const sums = new Float64Array(perInput);
  for (let wR = 0; wR < filterHeight; ++wR) {
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
              const xValue = x[b * xBatch + xR * xRow + xC * xColumn + d1 * xChannel];
              const dyBase = b * dyBatch + yR * dyRow + yC * dyColumn + firstOut * dyChannel;
              for (let k = 0; k < perInput; ++k) sums[k] += xValue * dy[dyBase + k * dyChannel];
            }
          }
        }
        dW.set(sums, ((wR * filterWidth + wC) * inChannels + d1) * perInput);
      }
    }
  }
  return dW;
}
function depthwiseInputGradient(dy, filter, geometry) {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = geometry;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = geometry;
  const { top, left } = geometry.padInfo;
  const multiplier = outChannels / inChannels;
  const dx = new Float32Array(batchSize * inHeight * inWidth * inChannels);
  for (let b = 0; b < batchSize; ++b) {
    for (let xR = 0; xR < inHeight; ++xR) {
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
              for (let dm = 0; dm < multiplier; ++dm) sum += dy[dyBase + dm] * filter[filterBase + dm];
            }
          }
          dx[((b * inHeight + xR) * inWidth + xC) * inChannels + d1] = sum;
        }
      }
    }
  }
  return dx;
}

// src/trainer/kernels/segment-sum.ts
init_define_REPRO_CHART_LIBRARY();
function unsortedSegmentSum(x, segmentIds, numSegments, rowSize) {
  const sums = new Float64Array(numSegments * rowSize);
  for (let row = 0; row < segmentIds.length; row++) {
    const segment = segmentIds[row];
    if (segment < 0 || segment >= numSegments) continue;
    const from = row * rowSize;
    const to = segment * rowSize;
    for (let j = 0; j < rowSize; j++) sums[to + j] += x[from + j];
  }
  return x instanceof Int32Array ? Int32Array.from(sums) : Float32Array.from(sums);
}

// src/trainer/kernels/strided.ts
init_define_REPRO_CHART_LIBRARY();
function rowMajorStrides(shape) {
  const strides = new Array(shape.length);
  let stride = 1;
  for (let dim = shape.length - 1; dim >= 0; dim--) {
    strides[dim] = stride;
    stride *= shape[dim];
  }
  return strides;
}
var sizeOf = (shape) => shape.reduce((size, dim) => size * dim, 1);
function forEachRow(shape, strides, visitRow) {
  const rank = shape.length;
  const rowLength = rank === 0 ? 1 : shape[rank - 1];
  const total = sizeOf(shape);
  if (total === 0) return;
  const position = new Array(Math.max(rank - 1, 0)).fill(0);
  const offsets = strides.map(() => 0);
  for (let outStart = 0; outStart < total; outStart += rowLength) {
    visitRow(offsets, outStart);
    for (let dim = rank - 2; dim >= 0; dim--) {
      position[dim]++;
      for (let k = 0; k < offsets.length; k++) offsets[k] += strides[k][dim];
      if (position[dim] < shape[dim]) break;
      for (let k = 0; k < offsets.length; k++) offsets[k] -= strides[k][dim] * shape[dim];
      position[dim] = 0;
    }
  }
}
function broadcastStrides(inShape, outShape) {
  const own = rowMajorStrides(inShape);
  const lead = outShape.length - inShape.length;
  return outShape.map((_, dim) => dim < lead || inShape[dim - lead] === 1 ? 0 : own[dim - lead]);
}
function broadcastBinary(a, aShape, b, bShape, outShape, op) {
  const out = new Float32Array(sizeOf(outShape));
  const aStrides = broadcastStrides(aShape, outShape);
  const bStrides = broadcastStrides(bShape, outShape);
  const rowLength = outShape.length === 0 ? 1 : outShape[outShape.length - 1];
  const aStep = aStrides[outShape.length - 1] ?? 0;
  const bStep = bStrides[outShape.length - 1] ?? 0;
  forEachRow(outShape, [aStrides, bStrides], ([aStart, bStart], outStart) => {
    for (let k = 0; k < rowLength; k++) out[outStart + k] = op(a[aStart + k * aStep], b[bStart + k * bStep]);
  });
  return out;
}
function transposeValues(x, shape, perm) {
  const inStrides = rowMajorStrides(shape);
  const outShape = perm.map((axis) => shape[axis]);
  const readStrides = perm.map((axis) => inStrides[axis]);
  const out = new x.constructor(x.length);
  const rowLength = outShape.length === 0 ? 1 : outShape[outShape.length - 1];
  const step = readStrides[outShape.length - 1] ?? 0;
  forEachRow(outShape, [readStrides], ([start], outStart) => {
    for (let k = 0; k < rowLength; k++) out[outStart + k] = x[start + k * step];
  });
  return out;
}
function sumInnermost(x, outSize, reduceSize) {
  const out = new Float32Array(outSize);
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    const offset = i * reduceSize;
    for (let j = 0; j < reduceSize; j++) sum += x[offset + j];
    out[i] = sum;
  }
  return out;
}

// src/trainer/kernels/register.ts
function kernelIo(backendName, backend) {
  if (backendName === "cpu") {
    const cpu = backend;
    return {
      read: (info) => backend.readSync(info.dataId),
      output: (shape, dtype, values) => cpu.makeTensorInfo(shape, dtype, values)
    };
  }
  const wasm = backend;
  return {
    read: (info) => backend.readSync(info.dataId),
    output: (shape, dtype, values) => wasm.makeOutput(shape, dtype, void 0, values)
  };
}
function convGeometry(tf, kernelName, inShape, filterShape, attrs, depthwise) {
  const dilations = attrs.dilations ?? 1;
  if ((typeof dilations === "number" ? [dilations] : dilations).some((d) => d !== 1)) {
    throw new Error(
      `${kernelName}: dilations ${JSON.stringify(dilations)} are not supported by repro-check's kernel (only 1)`
    );
  }
  const dataFormat = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat ?? "NHWC");
  return tf.backend_util.computeConv2DInfo(
    inShape,
    filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    depthwise,
    dataFormat
  );
}
function filterGradientKernel(kernelName, depthwise) {
  return (tf, io, inputs, attrs) => {
    const { x, dy } = inputs;
    const geometry = convGeometry(
      tf,
      kernelName,
      x.shape,
      attrs.filterShape,
      attrs,
      depthwise
    );
    return io.output(
      attrs.filterShape,
      "float32",
      convFilterGradient(io.read(x), io.read(dy), geometry, depthwise)
    );
  };
}
var depthwiseInputGradientKernel = (tf, io, inputs, attrs) => {
  const { dy, filter } = inputs;
  const inputShape = attrs.inputShape;
  const geometry = convGeometry(
    tf,
    "DepthwiseConv2dNativeBackpropInput",
    inputShape,
    filter.shape,
    attrs,
    true
  );
  return io.output(
    inputShape,
    "float32",
    depthwiseInputGradient(io.read(dy), io.read(filter), geometry)
  );
};
var segmentSumKernel = (_tf, io, inputs, attrs) => {
  const { x, segmentIds } = inputs;
  const numSegments = attrs.numSegments;
  const rowSize = x.shape.slice(segmentIds.shape.length).reduce((size, dim) => size * dim, 1);
  const sums = unsortedSegmentSum(io.read(x), io.read(segmentIds), numSegments, rowSize);
  return io.output([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype, sums);
};
function broadcastingKernel(op) {
  return (tf, io, inputs, _attrs, stock) => {
    const { a, b } = inputs;
    if (a.dtype !== "float32" || b.dtype !== "float32") return stock();
    const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    if (tf.backend_util.getBroadcastDims(a.shape, outShape).length + tf.backend_util.getBroadcastDims(b.shape, outShape).length === 0)
      return stock();
    return io.output(
      outShape,
      "float32",
      broadcastBinary(io.read(a), a.shape, io.read(b), b.shape, outShape, op)
    );
  };
}
var transposeKernel = (_tf, io, inputs, attrs, stock) => {
  const { x } = inputs;
  if (x.dtype !== "float32" && x.dtype !== "int32") return stock();
  const perm = attrs.perm;
  return io.output(
    perm.map((axis) => x.shape[axis]),
    x.dtype,
    transposeValues(io.read(x), x.shape, perm)
  );
};
var sumKernel = (tf, io, inputs, attrs, stock) => {
  const { x } = inputs;
  if (x.dtype !== "float32") return stock();
  const { backend_util: util } = tf;
  const axes = tf.util.parseAxisParam(attrs.axis, x.shape);
  const permutation = util.getAxesPermutation(axes, x.shape.length);
  const values = io.read(x);
  const permuted = permutation ? transposeValues(values, x.shape, permutation) : values;
  const permutedShape = permutation ? permutation.map((axis) => x.shape[axis]) : x.shape;
  const reductionAxes = permutation ? util.getInnerMostAxes(axes.length, x.shape.length) : axes;
  const [outShape, reduceShape] = util.computeOutAndReduceShapes(permutedShape, reductionAxes);
  const sums = sumInnermost(permuted, tf.util.sizeFromShape(outShape), tf.util.sizeFromShape(reduceShape));
  return io.output(attrs.keepDims ? util.expandShapeToKeepDim(outShape, axes) : outShape, "float32", sums);
};
var WASM_KERNELS = {
  Conv2DBackpropFilter: filterGradientKernel("Conv2DBackpropFilter", false),
  DepthwiseConv2dNativeBackpropFilter: filterGradientKernel("DepthwiseConv2dNativeBackpropFilter", true),
  DepthwiseConv2dNativeBackpropInput: depthwiseInputGradientKernel,
  UnsortedSegmentSum: segmentSumKernel
};
var FAST_CPU_KERNELS = {
  Conv2DBackpropFilter: filterGradientKernel("Conv2DBackpropFilter", false),
  DepthwiseConv2dNativeBackpropFilter: filterGradientKernel("DepthwiseConv2dNativeBackpropFilter", true),
  Add: broadcastingKernel((a, b) => a + b),
  Sub: broadcastingKernel((a, b) => a - b),
  Multiply: broadcastingKernel((a, b) => a * b),
  RealDiv: broadcastingKernel((a, b) => a / b),
  Maximum: broadcastingKernel((a, b) => Math.max(a, b)),
  Minimum: broadcastingKernel((a, b) => Math.min(a, b)),
  SquaredDifference: broadcastingKernel((a, b) => (a - b) * (a - b)),
  Transpose: transposeKernel,
  Sum: sumKernel
};
var REPRO_KERNEL_NAMES = {
  wasm: Object.keys(WASM_KERNELS),
  cpu: Object.keys(FAST_CPU_KERNELS)
};
function registerReproKernels(tf, backendName) {
  const kernels = backendName === "wasm" ? WASM_KERNELS : FAST_CPU_KERNELS;
  for (const [kernelName, kernel] of Object.entries(kernels)) {
    const replaced = tf.getKernel(kernelName, backendName)?.kernelFunc;
    if (replaced) tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel({
      kernelName,
      backendName,
      kernelFunc: (call) => {
        const stock = () => {
          if (!replaced) throw new Error(`Kernel '${kernelName}' not registered for backend '${backendName}'`);
          return replaced(call);
        };
        return kernel(tf, kernelIo(backendName, call.backend), call.inputs, call.attrs ?? {}, stock);
      }
    });
  }
}

// src/trainer/load-failure.ts
init_define_REPRO_CHART_LIBRARY();
var BackendUnavailable = class extends Error {
  /** `message`: what is missing or broken; `hint`: what to do about it. */
  constructor(message, hint) {
    super(message);
    this.hint = hint;
  }
  hint;
};
var GPU_LIBRARIES_HINT = `tfjs-node-gpu ${TFJS_VERSION} runs libtensorflow 2.9.1, built for CUDA 11.2 and cuDNN 8.1: install those libraries where the loader finds them (LD_LIBRARY_PATH) and check that nvidia-smi sees a GPU; or use backend: tensorflow (CPU) or cpu, or run a PyTorch training through command: (examples/pytorch-smoke) for a GPU canary.`;
var CUDA_LIBRARY = /^lib(cudart|cublas|cublasLt|cufft|curand|cusolver|cusparse|nvrtc|cupti)\b/;
var SHARED_LIBRARY = /(lib[\w+.-]*?\.so(?:\.[\d.]*\d)?)\s*:\s*cannot open shared object file/;
function describeLoadFailure(backend, error) {
  const packageName = NATIVE_PACKAGES[backend];
  const code = error?.code;
  const firstLine = String(error?.message ?? error).split("\n")[0];
  const rebuild = `Reinstall it for this Node (ABI ${process.versions.modules}, ${process.platform}-${process.arch}) with network access to the libtensorflow download: npm rebuild ${packageName} (air-gapped: TFJS_NODE_BASE_URI pointing at a mirror); or use backend: cpu.`;
  if (code === "MODULE_NOT_FOUND") {
    const missing = /Cannot find module '([^']+)'/.exec(firstLine)?.[1] ?? "a module";
    if (/tfjs_binding\.node$/.test(missing)) {
      return {
        problem: `its native binding is missing (${firstLine}): the install script that downloads libtensorflow did not finish (offline, or npm --ignore-scripts)`,
        hint: rebuild
      };
    }
    return {
      problem: `a module it needs is missing: ${missing}`,
      hint: `Reinstall it: npm install ${packageName}@${TFJS_VERSION} (with @tensorflow/tfjs-core ${TFJS_VERSION} beside it); or use backend: cpu.`
    };
  }
  const library = SHARED_LIBRARY.exec(firstLine)?.[1];
  if (library) {
    if (library.startsWith("libtensorflow"))
      return {
        problem: `libtensorflow is missing (${firstLine}): the package's install script did not download it`,
        hint: rebuild
      };
    if (library.startsWith("libcudnn"))
      return { problem: `cuDNN 8.1 was not found (${firstLine})`, hint: GPU_LIBRARIES_HINT };
    if (CUDA_LIBRARY.test(library))
      return { problem: `the CUDA 11.2 runtime was not found (${firstLine})`, hint: GPU_LIBRARIES_HINT };
    return {
      problem: `a shared library it needs is missing (${firstLine})`,
      hint: `Install the library that provides ${library} where the loader finds it (LD_LIBRARY_PATH); or use backend: cpu.`
    };
  }
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|wrong ELF class/.test(
    firstLine
  )) {
    return { problem: `its native binding was built for another Node or platform (${firstLine})`, hint: rebuild };
  }
  return { problem: firstLine, hint: backend === "tensorflow-gpu" ? GPU_LIBRARIES_HINT : rebuild };
}

// src/trainer/native-backend.ts
init_define_REPRO_CHART_LIBRARY();
import { createRequire } from "node:module";
import path from "node:path";
var GPU_BUILD = "CUDA 11.2, cuDNN 8.1";
async function loadNative(backend, searchDirs, options = {}) {
  const packageName = NATIVE_PACKAGES[backend];
  const entry = resolveNativePackage(backend, searchDirs);
  if (entry === null) {
    throw new BackendUnavailable(
      `${packageName} is not installed (looked from ${searchDirs.join(", ")})`,
      `Add it to the project (npm install --save-dev ${packageName}@${TFJS_VERSION}), or set trainer.install-backend: true to install it into the runner's tool cache, or use backend: cpu.`
    );
  }
  let tf;
  try {
    tf = createRequire(entry)(entry);
    await tf.ready();
  } catch (error) {
    const failure = describeLoadFailure(backend, error);
    throw new BackendUnavailable(
      `${packageName} was found at ${path.dirname(entry)} but failed to load: ${failure.problem}`,
      failure.hint
    );
  }
  const usingGpu = tf.backend();
  if (backend === "tensorflow-gpu" && usingGpu.isUsingGpuDevice !== true && !options.acceptCpuFallback) {
    throw new BackendUnavailable(
      `${packageName} loaded, but TensorFlow placed the work on the CPU (tf.backend().isUsingGpuDevice is false): it found no usable GPU, or not CUDA 11.2 / cuDNN 8.1`,
      GPU_LIBRARIES_HINT
    );
  }
  const device = usingGpu.isUsingGpuDevice === true ? "GPU" : backend === "tensorflow-gpu" ? "CPU (tfjs-node-gpu found no usable GPU)" : "CPU";
  const libtensorflow = typeof usingGpu.binding?.TF_Version === "string" ? usingGpu.binding.TF_Version : void 0;
  return {
    tf,
    info: {
      name: usingGpu.isUsingGpuDevice === true ? "tensorflow-gpu" : "tensorflow",
      version: packageVersion(entry, packageName),
      device,
      ...libtensorflow ? { libtensorflow } : {},
      ...backend === "tensorflow-gpu" ? { builtFor: GPU_BUILD } : {}
    }
  };
}
function packageVersion(entry, packageName) {
  try {
    return createRequire(entry)(`${packageName}/package.json`).version;
  } catch {
    return "unknown";
  }
}

// src/trainer/load-backend.ts
var WASM_FILES = { simd: "tfjs-backend-wasm-simd.wasm", plain: "tfjs-backend-wasm.wasm" };
async function loadBackend(requested, searchDirs, bundled) {
  if (requested === "cpu") return { ...await loadPureCpu(bundled), notes: [] };
  if (requested !== "auto") {
    try {
      return {
        ...requested === "wasm" ? await loadWasm(bundled) : await loadNative(requested, searchDirs),
        notes: []
      };
    } catch (error) {
      if (error instanceof BackendUnavailable) throw new ReproError(error.message, { hint: error.hint });
      throw error;
    }
  }
  const notes = [];
  for (const candidate of ["tensorflow-gpu", "tensorflow"]) {
    try {
      const loaded = await loadNative(candidate, searchDirs, { acceptCpuFallback: true });
      return {
        ...loaded,
        notes: [...notes, `backend auto: using ${NATIVE_PACKAGES[candidate]} on ${loaded.info.device}`]
      };
    } catch (error) {
      if (!(error instanceof BackendUnavailable)) throw error;
      notes.push(`backend auto: ${error.message}`);
    }
  }
  try {
    const wasm = await loadWasm(bundled);
    return {
      ...wasm,
      notes: [
        ...notes,
        `backend auto: using the WebAssembly backend of @tensorflow/tfjs-backend-wasm (${wasm.info.simd ? "SIMD" : "no SIMD"}; numerics differ from TensorFlow native and from the cpu backend)`
      ]
    };
  } catch (error) {
    if (!(error instanceof BackendUnavailable)) throw error;
    notes.push(`backend auto: ${error.message}`);
  }
  notes.push(
    "backend auto: using the pure JavaScript CPU backend of @tensorflow/tfjs (slower; numerics differ from TensorFlow native and from wasm)"
  );
  return { ...await loadPureCpu(bundled), notes };
}
async function loadWasm(bundled) {
  const tf = await bundled.importTf();
  const wasm = await bundled.importWasm();
  if (!bundled.wasmSimd) tf.env().set("WASM_HAS_SIMD_SUPPORT", false);
  const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT") === true;
  const binary = path2.join(bundled.wasmDir, simd ? WASM_FILES.simd : WASM_FILES.plain);
  const hint = `repro-check ships ${WASM_FILES.simd} and ${WASM_FILES.plain} in dist/wasm/ beside dist/trainer-worker.js: reinstall or rebuild it (npm run build) with that folder complete; or use backend: cpu.`;
  if (!existsSync(binary)) throw new BackendUnavailable(`the WebAssembly backend's binary ${binary} is missing`, hint);
  wasm.setWasmPaths(bundled.wasmDir + path2.sep);
  const taken = await tf.setBackend("wasm");
  if (!taken || tf.getBackend() !== "wasm") {
    throw new BackendUnavailable(
      `the WebAssembly backend did not start from ${binary} (tf.setBackend('wasm') returned ${taken}, active backend ${tf.getBackend()}; tfjs printed its reason above): the file may be damaged or not a tfjs-backend-wasm ${TFJS_VERSION} binary`,
      hint
    );
  }
  registerReproKernels(tf, "wasm");
  return { tf, info: { name: "wasm", version: wasm.version_wasm, device: "CPU (WebAssembly)", simd } };
}
async function loadPureCpu(bundled) {
  const tf = await bundled.importTf();
  await tf.setBackend("cpu");
  if (bundled.fastCpuKernels) registerReproKernels(tf, "cpu");
  const cpuBackend = tf.backend();
  if (cpuBackend.firstUse === true) cpuBackend.firstUse = false;
  return {
    tf,
    info: {
      name: "cpu",
      version: tf.version.tfjs,
      device: bundled.fastCpuKernels ? "CPU (pure JavaScript)" : "CPU (pure JavaScript, stock kernels)"
    }
  };
}

// src/trainer/context.ts
init_define_REPRO_CHART_LIBRARY();

// src/trainer/metrics-line.ts
init_define_REPRO_CHART_LIBRARY();
function formatMetricsLine(step, metrics) {
  if (step !== null && !(Number.isSafeInteger(step) && step >= 0))
    throw new TypeError(`log(step, metrics): step must be a non-negative integer or null, got ${String(step)}`);
  if (Object.hasOwn(metrics, "step"))
    throw new TypeError('log(step, metrics): "step" is the step key; pass the step as the first argument');
  const nonFinite = [];
  const body = formatTree(metrics, "", nonFinite);
  const text = step === null ? body : body === "{}" ? `{"step":${step}}` : `{"step":${step},${body.slice(1)}`;
  return { text, nonFinite };
}
function formatTree(tree, prefix, nonFinite) {
  if (typeof tree !== "object" || tree === null || Array.isArray(tree))
    throw new TypeError(`log(step, metrics): ${prefix || "metrics"} must be an object of numbers (or strings)`);
  const parts = [];
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (key === "") throw new TypeError(`log(step, metrics): empty metric name under ${prefix || "the top level"}`);
    const text = typeof value === "number" ? formatNumber(value, name, nonFinite) : typeof value === "string" ? JSON.stringify(value) : formatTree(value, name, nonFinite);
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}
function formatNumber(value, name, nonFinite) {
  if (Number.isFinite(value)) return Object.is(value, -0) ? "-0" : JSON.stringify(value);
  nonFinite.push({ name, value });
  return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
}

// src/trainer/random.ts
init_define_REPRO_CHART_LIBRARY();
function createRandom(seed) {
  if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295)
    throw new RangeError(`seed must be an integer in [0, 2^32 - 1], got ${seed}`);
  let mix = seed | 0;
  const splitmix32 = () => {
    mix = mix + 2654435769 | 0;
    let z = mix;
    z = Math.imul(z ^ z >>> 16, 2246822507);
    z = Math.imul(z ^ z >>> 13, 3266489909);
    return z ^ z >>> 16 | 0;
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  const rotl = (x, k) => x << k | x >>> 32 - k;
  const nextUint32 = () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const uniform = () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  const int = (n) => {
    if (!Number.isInteger(n) || n < 1 || n > 4294967296)
      throw new RangeError(`int(n) needs an integer n in [1, 2^32], got ${n}`);
    const limit = Math.floor(4294967296 / n) * n;
    for (; ; ) {
      const draw = nextUint32();
      if (draw < limit) return draw % n;
    }
  };
  return {
    uniform,
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
    int,
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
    nextSeed: () => 1 + int(2147483647),
    // The words are kept as signed int32 internally; the saved form is unsigned so it reads the same in any language.
    getState: () => [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0],
    setState(state) {
      const valid = state.length === 4 && state.every((word) => Number.isInteger(word) && word >= 0 && word <= 4294967295);
      if (!valid || state.every((word) => word === 0))
        throw new RangeError(`a generator state is four uint32 words, not all zero; got ${JSON.stringify(state)}`);
      [s0, s1, s2, s3] = state.map((word) => word | 0);
    }
  };
}

// src/safetensors/format.ts
init_define_REPRO_CHART_LIBRARY();
function parseSafetensors(bytes, fileLabel) {
  const headerLength = readHeaderLength(bytes, bytes.length, fileLabel);
  const dataStart = LENGTH_PREFIX_BYTES + headerLength;
  const { metadata, entries } = parseSafetensorsHeader(
    bytes.subarray(LENGTH_PREFIX_BYTES, dataStart),
    bytes.length - dataStart,
    fileLabel
  );
  return {
    metadata,
    tensors: entries.map(({ name, dtype, shape, begin, end }) => ({
      name,
      dtype,
      shape,
      data: bytes.subarray(dataStart + begin, dataStart + end)
    }))
  };
}
function serializeSafetensors(tensors, metadata) {
  for (const tensor of tensors) {
    if (!isSupportedDtype(tensor.dtype)) continue;
    const expectedBytes = tensorByteLength(tensor.dtype, tensor.shape);
    if (tensor.data.length !== expectedBytes)
      throw new TypeError(
        `tensor "${tensor.name}": ${tensor.dtype} [${tensor.shape.join(", ")}] needs ${expectedBytes} bytes, got ${tensor.data.length}`
      );
  }
  const { head, entries, dataLength } = safetensorsLayout(tensors, metadata);
  const byName = new Map(tensors.map((tensor) => [tensor.name, tensor]));
  const file = new Uint8Array(head.length + dataLength);
  file.set(head);
  for (const entry of entries) file.set(byName.get(entry.name).data, head.length + entry.begin);
  return file;
}

// src/trainer/tensor-bytes.ts
init_define_REPRO_CHART_LIBRARY();
var TF_TO_SAFETENSORS = { float32: "F32", int32: "I32", bool: "BOOL" };
async function toSafetensor(name, tensor) {
  const dtype = TF_TO_SAFETENSORS[tensor.dtype];
  if (!dtype)
    throw new TypeError(
      `tensor "${name}" has tfjs dtype ${tensor.dtype}; checkpoints and saved states hold float32, int32 and bool`
    );
  const values = await tensor.data();
  const data = dtype === "BOOL" ? Uint8Array.from(values) : new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  return { name, dtype, shape: [...tensor.shape], data };
}
function fromSafetensor(tf, entry) {
  const bytes = new Uint8Array(entry.data);
  switch (entry.dtype) {
    case "F32":
      return tf.tensor(new Float32Array(bytes.buffer), entry.shape, "float32");
    case "I32":
      return tf.tensor(new Int32Array(bytes.buffer), entry.shape, "int32");
    case "BOOL":
      return tf.tensor(bytes, entry.shape, "bool");
    default:
      throw new TypeError(`tensor "${entry.name}" is ${entry.dtype}; a saved training state holds F32, I32 and BOOL`);
  }
}

// src/trainer/training-state.ts
init_define_REPRO_CHART_LIBRARY();
var WEIGHTS_FILE = "weights.safetensors";
var OPTIMIZER_FILE = "optimizer.safetensors";
var MANIFEST_FILE = "trainer-state.json";
var FORMAT = "repro-check/trainer-state";
var VERSION = 1;
var RUNNING_SCALARS = ["accBeta1", "accBeta2"];
async function captureState(parts, random) {
  const metadata = { step: String(parts.step) };
  const files = /* @__PURE__ */ new Map();
  const weights = await Promise.all(parts.variables.map((variable) => toSafetensor(variable.name, variable.read())));
  files.set(WEIGHTS_FILE, serializeSafetensors(weights, metadata));
  let optimizer = null;
  if (parts.optimizer) {
    const named = await parts.optimizer.getWeights();
    const slots = await Promise.all(named.map(({ name, tensor }) => toSafetensor(name, tensor)));
    files.set(OPTIMIZER_FILE, serializeSafetensors(slots, metadata));
    const held = parts.optimizer;
    const scalars = Object.fromEntries(
      RUNNING_SCALARS.flatMap((key) => held[key] ? [[key, held[key].dataSync()[0]]] : [])
    );
    optimizer = { className: parts.optimizer.getClassName(), slots: named.map(({ name }) => name), scalars };
  }
  const manifest = {
    format: FORMAT,
    version: VERSION,
    step: parts.step,
    generator: random.getState(),
    optimizer,
    extra: parts.extra
  };
  files.set(MANIFEST_FILE, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}
`));
  return files;
}
async function restoreState(tf, readFile, target, random) {
  const manifest = parseManifest(readFile(MANIFEST_FILE));
  const saved = new Map(
    parseSafetensors(readFile(WEIGHTS_FILE), WEIGHTS_FILE).tensors.map((tensor) => [tensor.name, tensor])
  );
  const wanted = new Set(target.variables.map((variable) => variable.name));
  const unknown = [...saved.keys()].filter((name) => !wanted.has(name));
  if (unknown.length > 0)
    throw mismatch(`${WEIGHTS_FILE} holds variables the model does not have: ${unknown.join(", ")}`);
  for (const variable of target.variables) {
    const entry = saved.get(variable.name);
    if (!entry) throw mismatch(`${WEIGHTS_FILE} has no variable "${variable.name}"`);
    assertShape(entry, variable.read().shape, WEIGHTS_FILE);
    const value = fromSafetensor(tf, entry);
    variable.write(value);
    value.dispose();
  }
  if (manifest.optimizer === null !== (target.optimizer === null)) {
    throw mismatch(
      manifest.optimizer === null ? "the state was saved without an optimizer, but one is given to restore" : `the state holds a ${manifest.optimizer.className} optimizer, but none is given to restore`
    );
  }
  if (manifest.optimizer && target.optimizer)
    await restoreOptimizer(tf, readFile(OPTIMIZER_FILE), manifest.optimizer, target.optimizer);
  random.setState(manifest.generator);
  return { step: manifest.step, extra: manifest.extra };
}
async function restoreOptimizer(tf, bytes, saved, optimizer) {
  if (optimizer.getClassName() !== saved.className)
    throw mismatch(`the state holds a ${saved.className} optimizer, the trainer built a ${optimizer.getClassName()}`);
  const slots = new Map(parseSafetensors(bytes, OPTIMIZER_FILE).tensors.map((tensor) => [tensor.name, tensor]));
  const named = saved.slots.map((name) => {
    const entry = slots.get(name);
    if (!entry) throw mismatch(`${OPTIMIZER_FILE} has no slot "${name}" (listed in ${MANIFEST_FILE})`);
    return { name, tensor: fromSafetensor(tf, entry) };
  });
  await optimizer.setWeights(named);
  for (const { tensor } of named) tensor.dispose();
  const held = optimizer;
  for (const [key, value] of Object.entries(saved.scalars)) {
    const scalar = tf.scalar(value, "float32");
    held[key]?.assign(scalar);
    scalar.dispose();
  }
}
function parseManifest(bytes) {
  let manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw mismatch(`${MANIFEST_FILE} is not JSON: ${error.message}`);
  }
  if (manifest.format !== FORMAT || manifest.version !== VERSION) {
    throw mismatch(
      `${MANIFEST_FILE} is not a ${FORMAT} version ${VERSION} file (format ${JSON.stringify(manifest.format)}, version ${JSON.stringify(manifest.version)})`
    );
  }
  if (!Number.isSafeInteger(manifest.step) || !Array.isArray(manifest.generator))
    throw mismatch(`${MANIFEST_FILE} lacks its step or generator state`);
  return manifest;
}
function assertShape(entry, shape, file) {
  if (entry.shape.length !== shape.length || entry.shape.some((size, axis) => size !== shape[axis])) {
    throw mismatch(
      `${file}: "${entry.name}" has shape [${entry.shape.join(", ")}], the model's is [${shape.join(", ")}]`
    );
  }
}
function mismatch(what) {
  return new ReproError(`The saved training state does not fit this trainer: ${what}`, {
    hint: "Resume with the trainer, options and backend that saved the state; the resume audit does this for you."
  });
}

// src/trainer/logged-values.ts
init_define_REPRO_CHART_LIBRARY();
function readValues(metrics, prefix) {
  const tree = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (isTensor(value)) {
      if (value.size !== 1)
        throw new TypeError(
          `log(step, metrics): ${prefix}${key} is a tensor of shape [${value.shape.join(", ")}]; log scalars`
        );
      tree[key] = value.dataSync()[0];
    } else
      tree[key] = typeof value === "object" && value !== null ? readValues(value, `${prefix}${key}.`) : value;
  }
  return tree;
}
function divergedError(module, step, values) {
  const where = step === null ? "as a final value" : `at step ${step}`;
  const listed = values.map(({ name, value }) => `${name} = ${String(value)}`).join(", ");
  return new ReproError(
    `The trainer ${module} logged a non-finite value ${where}: ${listed}. The training diverged (NaN/Inf loss).`,
    {
      hint: "Lower the learning rate (trainer.options) or check the data for NaN or huge inputs and out-of-range labels. If the value may be non-finite on purpose, log it as a string (String(value): written, never compared) or leave it out of that log call."
    }
  );
}
function isTensor(value) {
  return typeof value === "object" && value !== null && typeof value.dataSync === "function" && Array.isArray(value.shape);
}

// src/trainer/weight-source.ts
init_define_REPRO_CHART_LIBRARY();
function weightHolders(weights) {
  return Array.isArray(weights) ? weights : "weights" in weights && Array.isArray(weights.weights) ? [weights] : null;
}
function namedTensors(weights) {
  const holders = weightHolders(weights);
  if (holders === null) return Object.entries(weights);
  return holders.flatMap(
    (holder) => holder.weights.map((variable) => [variable.name, variable.read()])
  );
}
function stateVariables(weights) {
  const holders = weightHolders(weights);
  if (holders !== null)
    return holders.flatMap(
      (holder) => holder.weights.map((variable) => ({
        name: variable.name,
        read: () => variable.read(),
        write: (value) => void variable.write(value)
      }))
    );
  return Object.entries(weights).map(([name, tensor]) => {
    const variable = tensor;
    if (typeof variable.assign !== "function")
      throw new TypeError(
        `ctx.resume/stopAfter: weights.${name} is a tensor, not a tf.Variable; a resumed state is written into variables`
      );
    return { name, read: () => tensor, write: (value) => variable.assign(value) };
  });
}

// src/trainer/context.ts
function createTrainerContext(tf, job, output) {
  const random = createRandom(job.seed);
  const checkpoints = [];
  let linesLogged = 0;
  let divergence = null;
  let defaultWeights = null;
  let resumeFollowed = false;
  const context = {
    tf,
    seed: job.seed,
    steps: job.steps,
    checkpointEvery: job.checkpointEvery,
    options: Object.freeze({ ...job.options }),
    random,
    log(step, metrics) {
      const { text, nonFinite } = formatMetricsLine(step, readValues(metrics, ""));
      if (nonFinite.length > 0) {
        divergence ??= divergedError(job.module, step, nonFinite);
        throw divergence;
      }
      output.appendMetricsLine(text);
      linesLogged++;
    },
    async checkpoint(step, weights) {
      const source = weights ?? defaultWeights;
      if (source === null || source === void 0) {
        throw new TypeError(
          `ctx.checkpoint(${step}): no weights to save. Call ctx.useModel(model) once after building the model, or pass them: ctx.checkpoint(step, model)`
        );
      }
      const due = job.checkpointEvery > 0 && (step % job.checkpointEvery === 0 || step === job.steps);
      if (!due) return false;
      const tensors = await Promise.all(namedTensors(source).map(([name, tensor]) => toSafetensor(name, tensor)));
      checkpoints.push({
        path: output.writeCheckpoint(step, serializeSafetensors(tensors, { step: String(step) })),
        step
      });
      return true;
    },
    useModel(weights) {
      defaultWeights = weights;
    },
    async resume(target) {
      if (job.resume?.kind !== "resume") return { firstStep: 1, extra: null };
      const variables = stateVariables(target.weights);
      const { step, extra } = await restoreState(
        tf,
        (name) => output.readStateFile(name),
        { variables, optimizer: target.optimizer ?? null },
        random
      );
      resumeFollowed = true;
      return { firstStep: step + 1, extra };
    },
    async stopAfter(step, target) {
      if (job.resume?.kind !== "stop" || step !== job.resume.step) return false;
      const parts = {
        step,
        variables: stateVariables(target.weights),
        optimizer: target.optimizer ?? null,
        extra: target.extra ?? null
      };
      for (const [name, bytes] of await captureState(parts, random)) output.writeStateFile(name, bytes);
      resumeFollowed = true;
      return true;
    },
    dropout(x, rate) {
      return rate === 0 ? x : tf.dropout(x, rate, void 0, random.nextSeed());
    }
  };
  return {
    context,
    linesLogged: () => linesLogged,
    divergence: () => divergence,
    checkpoints: () => [...checkpoints],
    resumeNotFollowed: () => job.resume === null || resumeFollowed ? null : resumeNotFollowedError(job.module, job.resume)
  };
}
function resumeNotFollowedError(module, request) {
  const what = request.kind === "stop" ? `was asked to stop after step ${request.step} and save its state, but never reached ctx.stopAfter(${request.step}, \u2026)` : "was asked to resume from a saved state, but never called ctx.resume(\u2026)";
  return new ReproError(`The trainer ${module} ${what}: it does not implement the exact-resume protocol`, {
    hint: "Call `const { firstStep } = await ctx.resume({ weights: model, optimizer })` before the loop, start the loop at firstStep, and end each step with `if (await ctx.stopAfter(step, { weights: model, optimizer })) return;` (docs/trainer.md)."
  });
}

// src/trainer/worker.ts
async function runJob(job) {
  if (job.strictDeterminism) Object.assign(process.env, STRICT_DETERMINISM_ENV);
  const backend = await loadBackend(checkBackendName(job.backend), job.backendSearchDirs, bundledBackends());
  for (const note of backend.notes) console.log(`repro-check trainer: ${note}`);
  const simd = backend.info.simd === void 0 ? "" : backend.info.simd ? ", SIMD" : ", no SIMD";
  console.log(
    `repro-check trainer: backend ${backend.info.name} ${backend.info.version} on ${backend.info.device}${simd}`
  );
  const mathRandomUse = guardMathRandom(job.seed);
  const train = await importTrainer(job.module);
  mkdirSync(path3.join(job.outDir, "checkpoints"), { recursive: true });
  const metricsFd = openSync(path3.join(job.outDir, METRICS_FILE), "w");
  const state = createTrainerContext(backend.tf, job, {
    appendMetricsLine: (text) => writeSync(metricsFd, `${text}
`),
    writeCheckpoint: (step, bytes) => {
      const relative = path3.join("checkpoints", `step-${step}.safetensors`);
      writeFileSync(path3.join(job.outDir, relative), bytes);
      return relative;
    },
    writeStateFile: (name, bytes) => writeFileSync(path3.join(stateDir(job), name), bytes),
    readStateFile: (name) => {
      const file = path3.join(stateDir(job), name);
      if (!existsSync2(file))
        throw new ReproError(`The saved training state has no ${name} (looked for ${file})`, {
          hint: "Resume from the folder a first leg (REPRO_STOP_AT_STEP) saved into, left as it wrote it."
        });
      return readFileSync(file);
    }
  });
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  try {
    await train(state.context);
  } catch (error) {
    if (error === state.divergence()) throw error;
    const missingKernel = MISSING_KERNEL.exec(error instanceof Error ? error.message : "");
    if (missingKernel) {
      const [, op, backendName] = missingKernel;
      const calls = (error.stack ?? "").split("\n").filter((line) => line.includes(job.module));
      throw new ReproError(
        `The trainer ${job.module} uses the op ${op}, which the ${backendName} backend does not support (no kernel '${op}' for '${backendName}'); repro-check never falls back to another backend for one op.${calls.length > 0 ? `
${calls.join("\n")}` : ""}`,
        {
          hint: "Use a backend that has it (the README's built-in trainer section lists the layers and ops of each; backend: cpu runs every tfjs op), or avoid the op."
        }
      );
    }
    throw new ReproError(
      `The trainer ${job.module} threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`,
      {
        hint: "Fix the error in the trainer module; its stack is above."
      }
    );
  }
  const divergence = state.divergence();
  if (divergence) throw divergence;
  const notFollowed = state.resumeNotFollowed();
  if (notFollowed) throw notFollowed;
  if (state.linesLogged() === 0) {
    throw new ReproError(`The trainer ${job.module} finished without logging any metrics`, {
      hint: "Call ctx.log(step, { train: { loss } }) at each step; repro-check compares those series."
    });
  }
  const cpuUsed = process.cpuUsage(cpuAtStart);
  const training = {
    wallSeconds: (performance.now() - startedAt) / 1e3,
    cpuSeconds: (cpuUsed.user + cpuUsed.system) / 1e6
  };
  return { ok: true, backend: backend.info, training, checkpoints: state.checkpoints(), warnings: mathRandomUse() };
}
function stateDir(job) {
  if (job.resume === null) throw new Error("no resume state folder: the job is not a leg of a resume audit");
  return job.resume.stateDir;
}
var MISSING_KERNEL = /Kernel '(\w+)' not registered for backend '(\w+)'/;
function bundledBackends() {
  return {
    importTf: () => importCommonJs(import("./chunks/tf.node-U2GEBJ35.js")),
    importWasm: () => importCommonJs(import("./chunks/tf-backend-wasm.node-MKGJ6CNS.js")),
    wasmDir: wasmBinaryDir(
      import.meta.url,
      () => createRequire2(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm")
    ),
    wasmSimd: process.env.REPRO_WASM_SIMD !== "0",
    fastCpuKernels: process.env.REPRO_CPU_KERNELS !== "stock"
  };
}
async function importCommonJs(loading) {
  const namespace = await loading;
  return namespace.default ?? namespace;
}
async function importTrainer(module) {
  let loaded;
  try {
    loaded = module === "builtin:smoke" ? await import("./chunks/smoke-I5IOME26.js") : await import(pathToFileURL(module).href);
  } catch (error) {
    if (error.code === "ERR_UNKNOWN_FILE_EXTENSION") {
      throw new ReproError(
        `Node ${process.versions.node} cannot load the trainer module ${module}: it does not know the file extension ${path3.extname(module) || "(none)"}`,
        {
          hint: "trainer.module must be a .js or .mjs ES module (or .ts on Node 22.6 or later)."
        }
      );
    }
    throw new ReproError(
      `Could not load the trainer module ${module}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`
    );
  }
  if (typeof loaded.default !== "function") {
    throw new ReproError(`The trainer module ${module} has no default export function`, {
      hint: "Export `export default async function train(ctx) { ... }`."
    });
  }
  return loaded.default;
}
function guardMathRandom(seed) {
  const standIn = createRandom((seed ^ 1540483477) >>> 0);
  let calls = 0;
  let firstCaller = "";
  Math.random = () => {
    if (calls++ === 0) firstCaller = new Error().stack?.split("\n")[2]?.trim() ?? "unknown";
    return standIn.uniform();
  };
  return () => calls === 0 ? [] : [
    `The trainer called Math.random ${calls} time(s), first ${firstCaller}; repro-check replaced it with a generator seeded from the run's seed, so runs still repeat, but use ctx.random (seeded, shared with the data and batch order) instead.`
  ];
}
async function main() {
  const job = JSON.parse(process.argv[2] ?? "null");
  let result;
  try {
    result = await runJob(job);
  } catch (error) {
    result = error instanceof ReproError ? { ok: false, message: error.message, ...error.hint ? { hint: error.hint } : {} } : {
      ok: false,
      message: `The trainer worker failed: ${error instanceof Error ? error.message : String(error)}`,
      ...error instanceof Error && error.stack ? { stack: error.stack } : {}
    };
  }
  writeFileSync(path3.join(job.outDir, TRAINER_RESULT_FILE), `${JSON.stringify(result, null, 2)}
`);
  process.exit(result.ok ? 0 : 2);
}
await main();
