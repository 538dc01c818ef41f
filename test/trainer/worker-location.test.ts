import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainerWorkerArgs, wasmBinaryDir } from '../../src/trainer/worker-location.ts';

const tsx = () => 'file:///repo/node_modules/tsx/dist/loader.mjs';

test('from source the worker runs under the tsx loader, named by absolute URL', () => {
  assert.deepEqual(
    trainerWorkerArgs('file:///repo/src/trainer/run-trainer.ts', () => false, tsx),
    ['--import', tsx(), '/repo/src/trainer/worker.ts'],
  );
  assert.deepEqual(
    trainerWorkerArgs('file:///repo/src/trainer/run-trainer.ts?tsx-namespace=1', () => false, tsx),
    ['--import', tsx(), '/repo/src/trainer/worker.ts'],
  );
});

test('bundled, the worker is found beside the entries, also from a chunk', () => {
  const built = new Set(['/pkg/dist/trainer-worker.js']);
  const exists = (file: string) => built.has(file);
  assert.deepEqual(trainerWorkerArgs('file:///pkg/dist/cli.js', exists, tsx), ['/pkg/dist/trainer-worker.js']);
  assert.deepEqual(trainerWorkerArgs('file:///pkg/dist/chunks/run-trainer-AB12CD.js', exists, tsx), [
    '/pkg/dist/trainer-worker.js',
  ]);
  assert.throws(
    () => trainerWorkerArgs('file:///other/dist/chunks/x.js', exists, tsx),
    /trainer worker is missing from the build: looked for \/other\/dist\/chunks\/trainer-worker\.js and \/other\/dist\/trainer-worker\.js/,
  );
});

test('the wasm binaries are found in dist/wasm/ beside the bundled worker, and in the package from source', () => {
  assert.equal(
    wasmBinaryDir('file:///pkg/dist/trainer-worker.js', () => 'unused'),
    '/pkg/dist/wasm',
  );
  assert.equal(
    wasmBinaryDir(
      'file:///repo/src/trainer/worker.ts',
      () => '/repo/node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.node.js',
    ),
    '/repo/node_modules/@tensorflow/tfjs-backend-wasm/dist',
  );
});
