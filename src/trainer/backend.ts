import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { BackendInfo } from './job.ts';
import { registerReproKernels } from './kernels/register.ts';

/**
 * Choosing and loading the TensorFlow.js backend inside the trainer worker. A bundled CLI cannot
 * carry a native module, so the native packages are found at run time: from the project being
 * checked, then from repro-check's own install, then from the tool-cache install (see
 * install-backend.ts). The WebAssembly backend (its .wasm files shipped in dist/wasm/) and the
 * pure JavaScript CPU backend are bundled.
 */
export type Tf = typeof import('@tensorflow/tfjs');
export type WasmBackendModule = typeof import('@tensorflow/tfjs-backend-wasm');

export const BACKEND_NAMES = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export type NativeBackend = 'tensorflow-gpu' | 'tensorflow';

export const NATIVE_PACKAGES: Readonly<Record<NativeBackend, string>> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
};
/** The version tfjs-node-gpu pins, and the bundled @tensorflow/tfjs. */
export const TFJS_VERSION = '4.22.0';

/** What tfjs-node-gpu's libtensorflow was built against, recorded with GPU runs. */
const GPU_BUILD = 'CUDA 11.2, cuDNN 8.1';

const GPU_LIBRARIES_HINT =
  `tfjs-node-gpu ${TFJS_VERSION} runs libtensorflow 2.9.1, built for CUDA 11.2 and cuDNN 8.1: install those libraries where the loader finds them (LD_LIBRARY_PATH) and check that nvidia-smi sees a GPU; ` +
  'or use backend: tensorflow (CPU) or cpu, or run a PyTorch training through command: (examples/pytorch-smoke) for a GPU canary.';

/**
 * The two binaries of tfjs-backend-wasm that Node can use: it never enables the threaded one
 * (tfjs's WASM_HAS_MULTITHREAD_SUPPORT is false under Node), and it picks the SIMD one when
 * WebAssembly.validate accepts a SIMD instruction (WASM_HAS_SIMD_SUPPORT).
 */
export const WASM_FILES = { simd: 'tfjs-backend-wasm-simd.wasm', plain: 'tfjs-backend-wasm.wasm' } as const;

/** The backends bundled with repro-check, and the worker's switches for them. */
export interface BundledBackends {
  importTf(): Promise<Tf>;
  /** Importing it registers the `wasm` backend with tfjs-core. */
  importWasm(): Promise<WasmBackendModule>;
  /** The folder holding WASM_FILES. */
  wasmDir: string;
  /** false forces the binary without SIMD (REPRO_WASM_SIMD=0), to show that SIMD changes no result. */
  wasmSimd: boolean;
  /** false keeps tfjs's stock CPU kernels (REPRO_CPU_KERNELS=stock), to compare them with ours. */
  fastCpuKernels: boolean;
}

export interface LoadedBackend {
  tf: Tf;
  info: BackendInfo;
  /** Why `auto` passed over the backends it did not use, for the log. */
  notes: string[];
}

export function checkBackendName(name: string): BackendName {
  if ((BACKEND_NAMES as readonly string[]).includes(name)) return name as BackendName;
  throw new ReproError(`Unknown trainer backend "${name}" (trainer.backend); accepted: ${BACKEND_NAMES.join(', ')}`);
}

/** The entry file of a native backend package, looked up from each directory in turn, or null. */
export function resolveNativePackage(backend: NativeBackend, searchDirs: readonly string[]): string | null {
  for (const dir of searchDirs) {
    try {
      return createRequire(path.join(dir, 'package.json')).resolve(NATIVE_PACKAGES[backend]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  return null;
}

class BackendUnavailable extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export async function loadBackend(
  requested: BackendName,
  searchDirs: readonly string[],
  bundled: BundledBackends,
): Promise<LoadedBackend> {
  if (requested === 'cpu') return { ...(await loadPureCpu(bundled)), notes: [] };
  if (requested !== 'auto') {
    try {
      return {
        ...(requested === 'wasm' ? await loadWasm(bundled) : await loadNative(requested, searchDirs)),
        notes: [],
      };
    } catch (error) {
      if (error instanceof BackendUnavailable) throw new ReproError(error.message, { hint: error.hint });
      throw error;
    }
  }
  const notes: string[] = [];
  for (const candidate of ['tensorflow-gpu', 'tensorflow'] as const) {
    try {
      const loaded = await loadNative(candidate, searchDirs, { acceptCpuFallback: true });
      return {
        ...loaded,
        notes: [...notes, `backend auto: using ${NATIVE_PACKAGES[candidate]} on ${loaded.info.device}`],
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
        `backend auto: using the WebAssembly backend of @tensorflow/tfjs-backend-wasm (${wasm.info.simd ? 'SIMD' : 'no SIMD'}; numerics differ from TensorFlow native and from the cpu backend)`,
      ],
    };
  } catch (error) {
    if (!(error instanceof BackendUnavailable)) throw error;
    notes.push(`backend auto: ${error.message}`);
  }
  notes.push(
    'backend auto: using the pure JavaScript CPU backend of @tensorflow/tfjs (slower; numerics differ from TensorFlow native and from wasm)',
  );
  return { ...(await loadPureCpu(bundled)), notes };
}

/**
 * The WebAssembly backend. tf.setBackend('wasm') answers false and leaves the previous backend
 * active when the binary cannot be loaded, so the binary is looked for first (to name it) and
 * the active backend checked after.
 */
async function loadWasm(bundled: BundledBackends): Promise<{ tf: Tf; info: BackendInfo }> {
  const tf = await bundled.importTf();
  const wasm = await bundled.importWasm();
  if (!bundled.wasmSimd) tf.env().set('WASM_HAS_SIMD_SUPPORT', false);
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const binary = path.join(bundled.wasmDir, simd ? WASM_FILES.simd : WASM_FILES.plain);
  const hint = `repro-check ships ${WASM_FILES.simd} and ${WASM_FILES.plain} in dist/wasm/ beside dist/trainer-worker.js: reinstall or rebuild it (npm run build) with that folder complete; or use backend: cpu.`;
  if (!existsSync(binary)) throw new BackendUnavailable(`the WebAssembly backend's binary ${binary} is missing`, hint);
  // A folder prefix, not a URL: under Node the Emscripten loader reads the file with fs.
  wasm.setWasmPaths(bundled.wasmDir + path.sep);
  const taken = await tf.setBackend('wasm');
  if (!taken || tf.getBackend() !== 'wasm') {
    throw new BackendUnavailable(
      `the WebAssembly backend did not start from ${binary} (tf.setBackend('wasm') returned ${taken}, active backend ${tf.getBackend()}; tfjs printed its reason above): the file may be damaged or not a tfjs-backend-wasm ${TFJS_VERSION} binary`,
      hint,
    );
  }
  registerReproKernels(tf, 'wasm');
  return { tf, info: { name: 'wasm', version: wasm.version_wasm, device: 'CPU (WebAssembly)', simd } };
}

async function loadNative(
  backend: NativeBackend,
  searchDirs: readonly string[],
  options: { acceptCpuFallback?: boolean } = {},
): Promise<{ tf: Tf; info: BackendInfo }> {
  const packageName = NATIVE_PACKAGES[backend];
  const entry = resolveNativePackage(backend, searchDirs);
  if (entry === null) {
    throw new BackendUnavailable(
      `${packageName} is not installed (looked from ${searchDirs.join(', ')})`,
      `Add it to the project (npm install --save-dev ${packageName}@${TFJS_VERSION}), or set trainer.install-backend: true to install it into the runner's tool cache, or use backend: cpu.`,
    );
  }
  let tf: Tf;
  try {
    tf = createRequire(entry)(entry) as Tf;
    await tf.ready();
  } catch (error) {
    const failure = describeLoadFailure(backend, error);
    throw new BackendUnavailable(
      `${packageName} was found at ${path.dirname(entry)} but failed to load: ${failure.problem}`,
      failure.hint,
    );
  }
  const usingGpu = tf.backend() as unknown as { isUsingGpuDevice?: boolean; binding?: { TF_Version?: unknown } };
  if (backend === 'tensorflow-gpu' && usingGpu.isUsingGpuDevice !== true && !options.acceptCpuFallback) {
    throw new BackendUnavailable(
      `${packageName} loaded, but TensorFlow placed the work on the CPU (tf.backend().isUsingGpuDevice is false): it found no usable GPU, or not CUDA 11.2 / cuDNN 8.1`,
      GPU_LIBRARIES_HINT,
    );
  }
  const device =
    usingGpu.isUsingGpuDevice === true
      ? 'GPU'
      : backend === 'tensorflow-gpu'
        ? 'CPU (tfjs-node-gpu found no usable GPU)'
        : 'CPU';
  // The TensorFlow C library's own version (the native binding exports TF_Version()): two
  // installs of one tfjs-node version can carry different libtensorflow builds.
  const libtensorflow = typeof usingGpu.binding?.TF_Version === 'string' ? usingGpu.binding.TF_Version : undefined;
  return {
    tf,
    info: {
      name: usingGpu.isUsingGpuDevice === true ? 'tensorflow-gpu' : 'tensorflow',
      version: packageVersion(entry, packageName),
      device,
      ...(libtensorflow ? { libtensorflow } : {}),
      ...(backend === 'tensorflow-gpu' ? { builtFor: GPU_BUILD } : {}),
    },
  };
}

export interface LoadFailure {
  /** What is missing or broken, with the loader's own words in brackets. */
  problem: string;
  hint: string;
}

const CUDA_LIBRARY = /^lib(cudart|cublas|cublasLt|cufft|curand|cusolver|cusparse|nvrtc|cupti)\b/;
const SHARED_LIBRARY = /(lib[\w+.-]*?\.so(?:\.[\d.]*\d)?)\s*:\s*cannot open shared object file/;

/**
 * Why requiring a native backend package failed, told apart from the error alone (pure): a
 * package half installed (its native binding never downloaded), libtensorflow missing, the
 * CUDA runtime or cuDNN missing (GPU package), a build for another Node, or something else.
 */
export function describeLoadFailure(backend: NativeBackend, error: unknown): LoadFailure {
  const packageName = NATIVE_PACKAGES[backend];
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const firstLine = String((error as Error | null)?.message ?? error).split('\n')[0]!;
  const rebuild = `Reinstall it for this Node (ABI ${process.versions.modules}, ${process.platform}-${process.arch}) with network access to the libtensorflow download: npm rebuild ${packageName} (air-gapped: TFJS_NODE_BASE_URI pointing at a mirror); or use backend: cpu.`;
  if (code === 'MODULE_NOT_FOUND') {
    const missing = /Cannot find module '([^']+)'/.exec(firstLine)?.[1] ?? 'a module';
    if (/tfjs_binding\.node$/.test(missing)) {
      return {
        problem: `its native binding is missing (${firstLine}): the install script that downloads libtensorflow did not finish (offline, or npm --ignore-scripts)`,
        hint: rebuild,
      };
    }
    return {
      problem: `a module it needs is missing: ${missing}`,
      hint: `Reinstall it: npm install ${packageName}@${TFJS_VERSION} (with @tensorflow/tfjs-core ${TFJS_VERSION} beside it); or use backend: cpu.`,
    };
  }
  const library = SHARED_LIBRARY.exec(firstLine)?.[1];
  if (library) {
    if (library.startsWith('libtensorflow'))
      return {
        problem: `libtensorflow is missing (${firstLine}): the package's install script did not download it`,
        hint: rebuild,
      };
    if (library.startsWith('libcudnn'))
      return { problem: `cuDNN 8.1 was not found (${firstLine})`, hint: GPU_LIBRARIES_HINT };
    if (CUDA_LIBRARY.test(library))
      return { problem: `the CUDA 11.2 runtime was not found (${firstLine})`, hint: GPU_LIBRARIES_HINT };
    return {
      problem: `a shared library it needs is missing (${firstLine})`,
      hint: `Install the library that provides ${library} where the loader finds it (LD_LIBRARY_PATH); or use backend: cpu.`,
    };
  }
  if (
    /NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|wrong ELF class/.test(
      firstLine,
    )
  ) {
    return { problem: `its native binding was built for another Node or platform (${firstLine})`, hint: rebuild };
  }
  return { problem: firstLine, hint: backend === 'tensorflow-gpu' ? GPU_LIBRARIES_HINT : rebuild };
}

async function loadPureCpu(bundled: BundledBackends): Promise<{ tf: Tf; info: BackendInfo }> {
  const tf = await bundled.importTf();
  await tf.setBackend('cpu');
  if (bundled.fastCpuKernels) registerReproKernels(tf, 'cpu');
  // The CPU backend prints a banner ("Hi, looks like you are running TensorFlow.js in Node.js…")
  // on its first tensor. We say which backend runs and why, in the log and the report, so the
  // banner is switched off (its private once-flag; harmless if a later version renames it).
  const cpuBackend = tf.backend() as unknown as { firstUse?: boolean };
  if (cpuBackend.firstUse === true) cpuBackend.firstUse = false;
  return {
    tf,
    info: {
      name: 'cpu',
      version: tf.version.tfjs,
      device: bundled.fastCpuKernels ? 'CPU (pure JavaScript)' : 'CPU (pure JavaScript, stock kernels)',
    },
  };
}

function packageVersion(entry: string, packageName: string): string {
  try {
    return (createRequire(entry)(`${packageName}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
