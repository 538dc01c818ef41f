import { existsSync } from 'node:fs';
import path from 'node:path';
import { ReproError } from '../errors.ts';
import { type BackendName, NATIVE_PACKAGES, TFJS_VERSION, type Tf, type WasmBackendModule } from './backend.ts';
import type { BackendInfo } from './job.ts';
import { registerReproKernels } from './kernels/register.ts';
import { BackendUnavailable } from './load-failure.ts';
import { loadNative } from './native-backend.ts';

/**
 * Choosing and loading the TensorFlow.js backend inside the trainer worker: a backend asked for
 * by name, or `auto`'s order (native GPU, native CPU, WebAssembly, pure JavaScript). The
 * WebAssembly backend (its .wasm files shipped in dist/wasm/) and the pure JavaScript CPU
 * backend are bundled; the native ones are found at run time (native-backend.ts).
 */

/**
 * The two binaries of tfjs-backend-wasm that Node can use: it never enables the threaded one
 * (tfjs's WASM_HAS_MULTITHREAD_SUPPORT is false under Node), and it picks the SIMD one when
 * WebAssembly.validate accepts a SIMD instruction (WASM_HAS_SIMD_SUPPORT).
 */
const WASM_FILES = { simd: 'tfjs-backend-wasm-simd.wasm', plain: 'tfjs-backend-wasm.wasm' } as const;

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

/**
 * Loads `requested` (auto: the first that works, in the order above) and registers
 * repro-check's kernels on wasm and, unless switched off, on cpu.
 * @param searchDirs where native packages are looked for, in order
 * @returns the initialised tfjs, what to record about the backend, and auto's notes.
 * @throws ReproError with a hint when a backend asked for by name cannot be used.
 */
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
