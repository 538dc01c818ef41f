// Bundles the action, the CLI and the trainer worker into dist/ (committed; CI checks it is fresh),
// and writes schema/repro.schema.json from the zod settings schema.
// One esbuild call with code splitting, so heavy modules (tfjs, octokit) sit in chunks that load
// only when a command needs them and `repro-check --version` starts fast.
import { build } from 'esbuild';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const schemaOnly = process.argv.includes('--schema-only');

async function writeSchema() {
  const { tsImport } = await import('tsx/esm/api');
  const { settingsJsonSchema } = await tsImport('../src/settings/schema.ts', import.meta.url);
  await mkdir(path.join(root, 'schema'), { recursive: true });
  await writeFile(path.join(root, 'schema/repro.schema.json'), JSON.stringify(settingsJsonSchema(), null, 2) + '\n');
}

/** uPlot, inlined into the HTML report so it opens offline (src/report/chart-library.ts). */
async function chartLibraryDefine() {
  const { readFile } = await import('node:fs/promises');
  const { createRequire } = await import('node:module');
  const { tsImport } = await import('tsx/esm/api');
  const { CHART_LIBRARY_FILES } = await tsImport('../src/report/chart-library.ts', import.meta.url);
  const require = createRequire(import.meta.url);
  const read = (file) => readFile(require.resolve(file), 'utf8');
  const library = { js: await read(CHART_LIBRARY_FILES.js), css: await read(CHART_LIBRARY_FILES.css) };
  return { __REPRO_CHART_LIBRARY__: JSON.stringify(library) };
}

if (!schemaOnly) {
  await rm(path.join(root, 'dist'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { action: 'src/action.ts', cli: 'src/cli.ts', 'trainer-worker': 'src/trainer/worker.ts' },
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    // Native tfjs backends are resolved at run time from the checked project (see src/trainer/backend.ts).
    external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'],
    // Some bundled CommonJS dependencies call require(), and tfjs-backend-wasm's Emscripten loader
    // reads __dirname under Node (the binary's folder is set with setWasmPaths, but the variable
    // must exist); give ESM output a real require and a __dirname (the output file's folder).
    banner: {
      js: "import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));",
    },
    define: { __dirname: '__reproDirname', ...(await chartLibraryDefine()) },
    legalComments: 'none',
    logLevel: 'warning',
    // Deterministic output so the freshness check in CI compares like with like.
    metafile: false,
  });
  // The CLI is run directly (`bin`), so it needs a shebang; esbuild's banner is shared by all entries.
  const { readFile } = await import('node:fs/promises');
  const cliPath = path.join(root, 'dist/cli.js');
  await writeFile(cliPath, '#!/usr/bin/env node\n' + (await readFile(cliPath, 'utf8')), { mode: 0o755 });
  await writeFile(path.join(root, 'dist/package.json'), JSON.stringify({ type: 'module' }) + '\n');
  // tfjs-backend-wasm loads its binary at run time; the trainer worker finds it in dist/wasm/
  // (src/trainer/worker-location.ts). Node never uses the threaded binary, so it is left out.
  const wasmPackageDir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
  await mkdir(path.join(root, 'dist/wasm'), { recursive: true });
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'])
    await copyFile(path.join(wasmPackageDir, file), path.join(root, 'dist/wasm', file));
}
await writeSchema();
