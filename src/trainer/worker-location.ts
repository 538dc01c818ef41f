import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The arguments to give `process.execPath` to start the trainer worker, found from the URL of
 * the module asking. From source (a `.ts` URL, as in the tests) that is `worker.ts` beside it
 * under the tsx loader, named by absolute URL because the child runs in the checked project,
 * where `tsx` may not resolve. Bundled, the build writes `dist/trainer-worker.js` beside the
 * entries, while the caller may sit in `dist/chunks/` (code splitting): try both places.
 */
export function trainerWorkerArgs(
  callerUrl: string,
  exists: (file: string) => boolean,
  resolveTsx: () => string,
): string[] {
  // tsImport() adds a query to module URLs, so look at the path alone.
  if (new URL(callerUrl).pathname.endsWith('.ts'))
    return ['--import', resolveTsx(), fileURLToPath(new URL('./worker.ts', callerUrl))];
  const candidates = ['./trainer-worker.js', '../trainer-worker.js'].map((relative) =>
    fileURLToPath(new URL(relative, callerUrl)),
  );
  const found = candidates.find(exists);
  if (!found)
    throw new Error(
      `The trainer worker is missing from the build: looked for ${candidates.join(' and ')} (rebuild with node scripts/build.mjs)`,
    );
  return [found];
}

/**
 * The folder holding tfjs-backend-wasm's .wasm files for the worker at `workerUrl`: bundled, the
 * build copies them to dist/wasm/ beside dist/trainer-worker.js, so they are found relative to
 * the bundle wherever it is installed; from source, the package's own dist/ folder.
 */
export function wasmBinaryDir(workerUrl: string, resolveWasmPackage: () => string): string {
  if (new URL(workerUrl).pathname.endsWith('.ts')) return path.dirname(resolveWasmPackage());
  return fileURLToPath(new URL('./wasm', workerUrl));
}
