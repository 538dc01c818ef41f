import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  ReproError
} from "./chunk-BKTBR2MQ.js";

// src/trainer/backend.ts
import { createRequire } from "node:module";
import path from "node:path";
var BACKEND_NAMES = ["auto", "tensorflow-gpu", "tensorflow", "cpu"];
var NATIVE_PACKAGES = {
  "tensorflow-gpu": "@tensorflow/tfjs-node-gpu",
  tensorflow: "@tensorflow/tfjs-node"
};
var TFJS_VERSION = "4.22.0";
var GPU_BUILD = "CUDA 11.2, cuDNN 8.1";
var GPU_LIBRARIES_HINT = `tfjs-node-gpu ${TFJS_VERSION} runs libtensorflow 2.9.1, built for CUDA 11.2 and cuDNN 8.1: install those libraries where the loader finds them (LD_LIBRARY_PATH) and check that nvidia-smi sees a GPU; or use backend: tensorflow (CPU) or cpu, or run a PyTorch training through command: (examples/pytorch-smoke) for a GPU canary.`;
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
async function loadBackend(requested, searchDirs, importPureTf) {
  if (requested === "cpu") return { ...await loadPureCpu(importPureTf), notes: [] };
  if (requested !== "auto") {
    try {
      return { ...await loadNative(requested, searchDirs), notes: [] };
    } catch (error) {
      if (error instanceof BackendUnavailable) throw new ReproError(error.message, { hint: error.hint });
      throw error;
    }
  }
  const notes = [];
  for (const candidate of ["tensorflow-gpu", "tensorflow"]) {
    try {
      const loaded = await loadNative(candidate, searchDirs, { acceptCpuFallback: true });
      return { ...loaded, notes: [...notes, `backend auto: using ${NATIVE_PACKAGES[candidate]} on ${loaded.info.device}`] };
    } catch (error) {
      if (!(error instanceof BackendUnavailable)) throw error;
      notes.push(`backend auto: ${error.message}`);
    }
  }
  notes.push("backend auto: using the pure JavaScript CPU backend of @tensorflow/tfjs (slower; numerics differ from TensorFlow native)");
  return { ...await loadPureCpu(importPureTf), notes };
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
    throw new BackendUnavailable(`${packageName} was found at ${path.dirname(entry)} but failed to load: ${failure.problem}`, failure.hint);
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
      return { problem: `its native binding is missing (${firstLine}): the install script that downloads libtensorflow did not finish (offline, or npm --ignore-scripts)`, hint: rebuild };
    }
    return { problem: `a module it needs is missing: ${missing}`, hint: `Reinstall it: npm install ${packageName}@${TFJS_VERSION} (with @tensorflow/tfjs-core ${TFJS_VERSION} beside it); or use backend: cpu.` };
  }
  const library = SHARED_LIBRARY.exec(firstLine)?.[1];
  if (library) {
    if (library.startsWith("libtensorflow")) return { problem: `libtensorflow is missing (${firstLine}): the package's install script did not download it`, hint: rebuild };
    if (library.startsWith("libcudnn")) return { problem: `cuDNN 8.1 was not found (${firstLine})`, hint: GPU_LIBRARIES_HINT };
    if (CUDA_LIBRARY.test(library)) return { problem: `the CUDA 11.2 runtime was not found (${firstLine})`, hint: GPU_LIBRARIES_HINT };
    return { problem: `a shared library it needs is missing (${firstLine})`, hint: `Install the library that provides ${library} where the loader finds it (LD_LIBRARY_PATH); or use backend: cpu.` };
  }
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|wrong ELF class/.test(firstLine)) {
    return { problem: `its native binding was built for another Node or platform (${firstLine})`, hint: rebuild };
  }
  return { problem: firstLine, hint: backend === "tensorflow-gpu" ? GPU_LIBRARIES_HINT : rebuild };
}
async function loadPureCpu(importPureTf) {
  const tf = await importPureTf();
  await tf.setBackend("cpu");
  const cpuBackend = tf.backend();
  if (cpuBackend.firstUse === true) cpuBackend.firstUse = false;
  return { tf, info: { name: "cpu", version: tf.version.tfjs, device: "CPU (pure JavaScript)" } };
}
function packageVersion(entry, packageName) {
  try {
    return createRequire(entry)(`${packageName}/package.json`).version;
  } catch {
    return "unknown";
  }
}

// src/trainer/job.ts
var BUILTIN_TRAINERS = ["builtin:smoke"];
var TRAINER_RESULT_FILE = "trainer-result.json";
var METRICS_FILE = "metrics.jsonl";
var STRICT_DETERMINISM_ENV = {
  // cuBLAS needs a fixed workspace for deterministic GEMMs (CUDA >= 10.2).
  CUBLAS_WORKSPACE_CONFIG: ":4096:8",
  TF_DETERMINISTIC_OPS: "1",
  TF_CUDNN_DETERMINISTIC: "1",
  // oneDNN's CPU kernels reorder float sums with the thread count.
  TF_ENABLE_ONEDNN_OPTS: "0",
  TF_NUM_INTRAOP_THREADS: "1",
  TF_NUM_INTEROP_THREADS: "1",
  OMP_NUM_THREADS: "1"
};

export {
  NATIVE_PACKAGES,
  TFJS_VERSION,
  checkBackendName,
  resolveNativePackage,
  loadBackend,
  BUILTIN_TRAINERS,
  TRAINER_RESULT_FILE,
  METRICS_FILE,
  STRICT_DETERMINISM_ENV
};
