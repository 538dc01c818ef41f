import { createRequire } from 'node:module';
import path from 'node:path';
import { ReproError } from '../errors.ts';

/**
 * The TensorFlow.js backends the trainer knows (trainer.backend) and where the native ones are
 * found. A bundled CLI cannot carry a native module, so the native packages are found at run
 * time: from the project being checked, then from repro-check's own install, then from the
 * tool-cache install (see install-backend.ts). Loading one is load-backend.ts's job.
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

/**
 * `name` (trainer.backend) as a backend name.
 * @throws ReproError naming the value and the accepted names.
 */
export function checkBackendName(name: string): BackendName {
  if ((BACKEND_NAMES as readonly string[]).includes(name)) return name as BackendName;
  throw new ReproError(`Unknown trainer backend "${name}" (trainer.backend); accepted: ${BACKEND_NAMES.join(', ')}`);
}

/**
 * The entry file of a native backend package, resolved as Node's `require` would from each
 * directory in `searchDirs` in turn (each as if a package.json were there).
 * @returns the absolute entry path, or null when no directory sees the package.
 * @throws what `require.resolve` throws other than MODULE_NOT_FOUND.
 */
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
