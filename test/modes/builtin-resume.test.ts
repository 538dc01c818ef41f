import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProject } from './project-fixture.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/trainer/resumable.mjs', import.meta.url));

const config = (module: string, backend: string, steps: number, options = '') =>
  `trainer:\n  module: ${module}\n  backend: ${backend}\n  steps: ${steps}\n  checkpoint-every: 0\n${options}timeout-minutes: 5\n`;

async function audit(files: Record<string, string>, resumeAt: number) {
  const project = await createProject(files);
  try {
    const result = await project.cli(['audit', '--resume-at', String(resumeAt), '--format', 'json']);
    return result;
  } finally {
    await project.cleanup();
  }
}

for (const backend of ['cpu', 'wasm']) {
  test(`builtin:smoke on ${backend}: stopped after step 10 and resumed, steps 11-30 and the final accuracy are bit-identical`, async () => {
    const { code, stdout, stderr } = await audit({ 'repro.yml': config('builtin:smoke', backend, 30) }, 10);
    assert.equal(code, 0, stdout + stderr);
    const report = JSON.parse(stdout);
    assert.deepEqual([report.status, report.resumeAt, report.firstDivergentStep, report.likelyMissingState], ['pass', 10, null, null]);
  });
}
