import { createRequire } from 'node:module';
import path from 'node:path';
import { NATIVE_PACKAGES, type NativeBackend, type Tf, TFJS_VERSION, resolveNativePackage } from './backend.ts';
import type { BackendInfo } from './job.ts';
import { BackendUnavailable, GPU_LIBRARIES_HINT, describeLoadFailure } from './load-failure.ts';

/** Loading a native TensorFlow backend (@tensorflow/tfjs-node or -node-gpu) found at run time. */

/** What tfjs-node-gpu's libtensorflow was built against, recorded with GPU runs. */
const GPU_BUILD = 'CUDA 11.2, cuDNN 8.1';

/**
 * Loads `backend`'s package from the first of `searchDirs` that has it and waits for tf.ready().
 * tensorflow-gpu must place work on a GPU unless `acceptCpuFallback` (auto's probe, which then
 * records the CPU device).
 * @returns its tfjs and what to record: package version, device, libtensorflow version.
 * @throws BackendUnavailable when the package is missing, fails to load (with describeLoadFailure's
 * diagnosis), or finds no GPU.
 */
export async function loadNative(
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

function packageVersion(entry: string, packageName: string): string {
  try {
    return (createRequire(entry)(`${packageName}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
