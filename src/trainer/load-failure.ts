import { NATIVE_PACKAGES, type NativeBackend, TFJS_VERSION } from './backend.ts';

/**
 * Why a backend could not be used: the error a loader throws (auto then tries the next one), and
 * the diagnosis of a native package that failed to load, told from its error alone.
 */

/** A backend that cannot be used here: `auto` notes it and moves on; a backend asked for by name makes it a ReproError. */
export class BackendUnavailable extends Error {
  /** `message`: what is missing or broken; `hint`: what to do about it. */
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** What tfjs-node-gpu needs from the machine, and the ways around it. */
export const GPU_LIBRARIES_HINT =
  `tfjs-node-gpu ${TFJS_VERSION} runs libtensorflow 2.9.1, built for CUDA 11.2 and cuDNN 8.1: install those libraries where the loader finds them (LD_LIBRARY_PATH) and check that nvidia-smi sees a GPU; ` +
  'or use backend: tensorflow (CPU) or cpu, or run a PyTorch training through command: (examples/pytorch-smoke) for a GPU canary.';

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
