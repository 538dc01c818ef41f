import { createRequire } from 'node:module';
import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { BackendInfo } from './job.ts';

/**
 * Choosing and loading the TensorFlow.js backend inside the trainer worker. A bundled CLI cannot
 * carry a native module, so the native packages are found at run time: from the project being
 * checked, then from repro-check's own install, then from the tool-cache install (see
 * install-backend.ts). The pure JavaScript CPU backend is bundled and always there.
 */
export type Tf = typeof import('@tensorflow/tfjs');

export const BACKEND_NAMES = ['auto', 'tensorflow-gpu', 'tensorflow', 'cpu'] as const;
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

export async function loadBackend(requested: BackendName, searchDirs: readonly string[], importPureTf: () => Promise<Tf>): Promise<LoadedBackend> {
  if (requested === 'cpu') return { ...(await loadPureCpu(importPureTf)), notes: [] };
  if (requested !== 'auto') {
    try {
      return { ...(await loadNative(requested, searchDirs)), notes: [] };
    } catch (error) {
      if (error instanceof BackendUnavailable) throw new ReproError(error.message, { hint: error.hint });
      throw error;
    }
  }
  const notes: string[] = [];
  for (const candidate of ['tensorflow-gpu', 'tensorflow'] as const) {
    try {
      const loaded = await loadNative(candidate, searchDirs, { acceptCpuFallback: true });
      return { ...loaded, notes: [...notes, `backend auto: using ${NATIVE_PACKAGES[candidate]} on ${loaded.info.device}`] };
    } catch (error) {
      if (!(error instanceof BackendUnavailable)) throw error;
      notes.push(`backend auto: ${error.message}`);
    }
  }
  notes.push('backend auto: using the pure JavaScript CPU backend of @tensorflow/tfjs (slower; numerics differ from TensorFlow native)');
  return { ...(await loadPureCpu(importPureTf)), notes };
}

async function loadNative(backend: NativeBackend, searchDirs: readonly string[], options: { acceptCpuFallback?: boolean } = {}): Promise<{ tf: Tf; info: BackendInfo }> {
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
    throw new BackendUnavailable(`${packageName} was found at ${path.dirname(entry)} but failed to load: ${failure.problem}`, failure.hint);
  }
  const usingGpu = tf.backend() as unknown as { isUsingGpuDevice?: boolean; binding?: { TF_Version?: unknown } };
  if (backend === 'tensorflow-gpu' && usingGpu.isUsingGpuDevice !== true && !options.acceptCpuFallback) {
    throw new BackendUnavailable(
      `${packageName} loaded, but TensorFlow placed the work on the CPU (tf.backend().isUsingGpuDevice is false): it found no usable GPU, or not CUDA 11.2 / cuDNN 8.1`,
      GPU_LIBRARIES_HINT,
    );
  }
  const device = usingGpu.isUsingGpuDevice === true ? 'GPU' : backend === 'tensorflow-gpu' ? 'CPU (tfjs-node-gpu found no usable GPU)' : 'CPU';
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
      return { problem: `its native binding is missing (${firstLine}): the install script that downloads libtensorflow did not finish (offline, or npm --ignore-scripts)`, hint: rebuild };
    }
    return { problem: `a module it needs is missing: ${missing}`, hint: `Reinstall it: npm install ${packageName}@${TFJS_VERSION} (with @tensorflow/tfjs-core ${TFJS_VERSION} beside it); or use backend: cpu.` };
  }
  const library = SHARED_LIBRARY.exec(firstLine)?.[1];
  if (library) {
    if (library.startsWith('libtensorflow')) return { problem: `libtensorflow is missing (${firstLine}): the package's install script did not download it`, hint: rebuild };
    if (library.startsWith('libcudnn')) return { problem: `cuDNN 8.1 was not found (${firstLine})`, hint: GPU_LIBRARIES_HINT };
    if (CUDA_LIBRARY.test(library)) return { problem: `the CUDA 11.2 runtime was not found (${firstLine})`, hint: GPU_LIBRARIES_HINT };
    return { problem: `a shared library it needs is missing (${firstLine})`, hint: `Install the library that provides ${library} where the loader finds it (LD_LIBRARY_PATH); or use backend: cpu.` };
  }
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|wrong ELF class/.test(firstLine)) {
    return { problem: `its native binding was built for another Node or platform (${firstLine})`, hint: rebuild };
  }
  return { problem: firstLine, hint: backend === 'tensorflow-gpu' ? GPU_LIBRARIES_HINT : rebuild };
}

async function loadPureCpu(importPureTf: () => Promise<Tf>): Promise<{ tf: Tf; info: BackendInfo }> {
  const tf = await importPureTf();
  await tf.setBackend('cpu');
  // The CPU backend prints a banner ("Hi, looks like you are running TensorFlow.js in Node.js…")
  // on its first tensor. We say which backend runs and why, in the log and the report, so the
  // banner is switched off (its private once-flag; harmless if a later version renames it).
  const cpuBackend = tf.backend() as unknown as { firstUse?: boolean };
  if (cpuBackend.firstUse === true) cpuBackend.firstUse = false;
  return { tf, info: { name: 'cpu', version: tf.version.tfjs, device: 'CPU (pure JavaScript)' } };
}

function packageVersion(entry: string, packageName: string): string {
  try {
    return (createRequire(entry)(`${packageName}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
