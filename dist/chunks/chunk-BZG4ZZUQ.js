import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  DETERMINISM_ENV
} from "./chunk-XU3WJNQF.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/trainer/backend.ts
init_define_REPRO_CHART_LIBRARY();
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// src/trainer/kernels/register.ts
init_define_REPRO_CHART_LIBRARY();

// src/trainer/kernels/conv-gradients.ts
init_define_REPRO_CHART_LIBRARY();
function convFilterGradient(x, dy, geometry, depthwise) {
  const {
    batchSize,
    inHeight,
    inWidth,
    inChannels,
    outHeight,
    outWidth,
    outChannels,
    strideHeight,
    strideWidth,
    filterHeight,
    filterWidth
  } = geometry;
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
  const {
    batchSize,
    inHeight,
    inWidth,
    inChannels,
    outHeight,
    outWidth,
    outChannels,
    strideHeight,
    strideWidth,
    filterHeight,
    filterWidth
  } = geometry;
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

// src/trainer/backend.ts
var BACKEND_NAMES = ["auto", "tensorflow-gpu", "tensorflow", "wasm", "cpu"];
var NATIVE_PACKAGES = {
  "tensorflow-gpu": "@tensorflow/tfjs-node-gpu",
  tensorflow: "@tensorflow/tfjs-node"
};
var TFJS_VERSION = "4.22.0";
var GPU_BUILD = "CUDA 11.2, cuDNN 8.1";
var GPU_LIBRARIES_HINT = `tfjs-node-gpu ${TFJS_VERSION} runs libtensorflow 2.9.1, built for CUDA 11.2 and cuDNN 8.1: install those libraries where the loader finds them (LD_LIBRARY_PATH) and check that nvidia-smi sees a GPU; or use backend: tensorflow (CPU) or cpu, or run a PyTorch training through command: (examples/pytorch-smoke) for a GPU canary.`;
var WASM_FILES = { simd: "tfjs-backend-wasm-simd.wasm", plain: "tfjs-backend-wasm.wasm" };
function checkBackendName(name) {
  if (BACKEND_NAMES.includes(name)) return name;
  throw new ReproError(`Unknown trainer backend "${name}" (trainer.backend); accepted: ${BACKEND_NAMES.join(", ")}`);
}
function resolveNativePackage(backend, searchDirs) {
  for (const dir of searchDirs) {
    try {
      return createRequire(path.join(dir, "package.json")).resolve(NATIVE_PACKAGES[backend]);
    } catch (error) {
      if (error.code !== "MODULE_NOT_FOUND") throw error;
    }
  }
  return null;
}
var BackendUnavailable = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
  }
  hint;
};
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
  const binary = path.join(bundled.wasmDir, simd ? WASM_FILES.simd : WASM_FILES.plain);
  const hint = `repro-check ships ${WASM_FILES.simd} and ${WASM_FILES.plain} in dist/wasm/ beside dist/trainer-worker.js: reinstall or rebuild it (npm run build) with that folder complete; or use backend: cpu.`;
  if (!existsSync(binary)) throw new BackendUnavailable(`the WebAssembly backend's binary ${binary} is missing`, hint);
  wasm.setWasmPaths(bundled.wasmDir + path.sep);
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
function packageVersion(entry, packageName) {
  try {
    return createRequire(entry)(`${packageName}/package.json`).version;
  } catch {
    return "unknown";
  }
}

// src/trainer/job.ts
init_define_REPRO_CHART_LIBRARY();
var BUILTIN_TRAINERS = ["builtin:smoke"];
var TRAINER_RESULT_FILE = "trainer-result.json";
var METRICS_FILE = "metrics.jsonl";
var STRICT_DETERMINISM_ENV = {
  ...DETERMINISM_ENV,
  // oneDNN's CPU kernels reorder float sums with the thread count.
  TF_ENABLE_ONEDNN_OPTS: "0",
  TF_NUM_INTRAOP_THREADS: "1",
  TF_NUM_INTEROP_THREADS: "1",
  OMP_NUM_THREADS: "1"
};

// src/trainer/worker-location.ts
init_define_REPRO_CHART_LIBRARY();
import path2 from "node:path";
import { fileURLToPath } from "node:url";
function trainerWorkerArgs(callerUrl, exists, resolveTsx) {
  if (new URL(callerUrl).pathname.endsWith(".ts"))
    return ["--import", resolveTsx(), fileURLToPath(new URL("./worker.ts", callerUrl))];
  const candidates = ["./trainer-worker.js", "../trainer-worker.js"].map(
    (relative) => fileURLToPath(new URL(relative, callerUrl))
  );
  const found = candidates.find(exists);
  if (!found)
    throw new Error(
      `The trainer worker is missing from the build: looked for ${candidates.join(" and ")} (rebuild with node scripts/build.mjs)`
    );
  return [found];
}
function wasmBinaryDir(workerUrl, resolveWasmPackage) {
  if (new URL(workerUrl).pathname.endsWith(".ts")) return path2.dirname(resolveWasmPackage());
  return fileURLToPath(new URL("./wasm", workerUrl));
}

export {
  NATIVE_PACKAGES,
  TFJS_VERSION,
  checkBackendName,
  resolveNativePackage,
  loadBackend,
  BUILTIN_TRAINERS,
  TRAINER_RESULT_FILE,
  METRICS_FILE,
  STRICT_DETERMINISM_ENV,
  trainerWorkerArgs,
  wasmBinaryDir
};
