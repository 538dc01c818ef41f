import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createProject } from '../modes/project-fixture.ts';

test('the streaming fingerprints equal the committed example baseline hashes (made by the whole-file reader)', async () => {
  // examples/smoke's baseline was recorded before the chunked reader existed; its first
  // checkpoint (step 50) is retrained here — 50 steps of the same seeded built-in training —
  // and fingerprinted by the new code.
  const baseline = JSON.parse(await readFile('examples/smoke/baseline.json', 'utf8'));
  const recorded = baseline.runs[0].checkpoints.find((c: { step: number }) => c.step === 50);
  const config = (await readFile('examples/smoke/repro.yml', 'utf8'))
    .replace('steps: 200', 'steps: 50')
    .replace('baseline: examples/smoke/baseline.json', 'baseline: none.json');
  const project = await createProject({ 'repro.yml': config });
  try {
    const run = await project.cli(['run', '--out', 'record.json']);
    assert.equal(run.code, 0, run.stderr);
    const record = JSON.parse(await readFile(`${project.dir}/record.json`, 'utf8'));
    const retrained = record.checkpoints.find((c: { step: number }) => c.step === 50);
    assert.equal(retrained.tensors.length, 10);
    assert.deepEqual(retrained.tensors, recorded.tensors);
  } finally {
    await project.cleanup();
  }
});
