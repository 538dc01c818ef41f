import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifactName, commonFolder, uploadRunArtifact, type ArtifactUploader } from '../../src/github/artifact.ts';

/** @actions/artifact's own name check (not exported from the package; loaded from its file). */
async function toolkitNameCheck(): Promise<(name: string) => void> {
  const file = path.resolve('node_modules/@actions/artifact/lib/internal/upload/path-and-artifact-name-validation.js');
  const module = (await import(pathToFileURL(file).href)) as { validateArtifactName: (name: string) => void };
  return module.validateArtifactName;
}

function recorder(): { log: { info(m: string): void; warning(m: string): void }; infos: string[]; warnings: string[] } {
  const infos: string[] = [];
  const warnings: string[] = [];
  return { infos, warnings, log: { info: (m) => infos.push(m), warning: (m) => warnings.push(m) } };
}

function recordingUploader(answer: () => Promise<{ id?: number; size?: number }> = async () => ({ id: 42, size: 1234 })): ArtifactUploader & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    uploadArtifact: async (...args) => {
      calls.push(args);
      return answer();
    },
  };
}

test('artifact names: a plain key is kept; refused characters, whitespace and control characters are replaced and the key hashed so that names stay distinct', async () => {
  const validate = await toolkitNameCheck();
  assert.equal(artifactName('repro'), 'repro-check-repro');
  assert.equal(artifactName('gpu_smoke.v2'), 'repro-check-gpu_smoke.v2');

  const matrixKey = '{\n  "seed": 1,\n  "gpu": "a100"\n}';
  const named = artifactName(matrixKey);
  assert.match(named, /^repro-check-\{-seed-1,-gpu-a100-\}-[0-9a-f]{8}$/);
  const awkward = ['a"b', 'a:b', 'a<b', 'a>b', 'a|b', 'a*b', 'a?b', 'a\rb', 'a\nb', 'a\\b', 'a/b', 'a\tb', 'a\u0000b'];
  const names = awkward.map(artifactName);
  for (const name of [named, ...names]) {
    assert.doesNotThrow(() => validate(name), name);
    assert.doesNotMatch(name, /[\s\p{Cc}]/u);
  }
  assert.equal(new Set(names).size, awkward.length, 'keys differing only in refused characters get different names');

  assert.match(artifactName(''), /^repro-check-[0-9a-f]{8}$/);
  assert.match(artifactName('///'), /^repro-check-[0-9a-f]{8}$/);
  const long = artifactName('x'.repeat(300));
  assert.ok(long.length < 130, long);
  assert.notEqual(artifactName(`${'x'.repeat(300)}1`), artifactName(`${'x'.repeat(300)}2`));
});

test('commonFolder is the deepest folder holding every path', () => {
  assert.equal(commonFolder(['/w/out/run/record.json', '/w/out/metrics/m.jsonl']), '/w/out');
  assert.equal(commonFolder(['/w/out', '/w/out']), '/w/out');
  assert.equal(commonFolder(['/w/outside', '/w/out/x']), '/w');
  assert.equal(commonFolder(['/a/x', '/b/y']), '/');
});

test('without the runner\'s artifact credentials nothing is uploaded and a warning says why; it never throws', async () => {
  const { log, warnings } = recorder();
  const uploader = recordingUploader();
  const outcome = await uploadRunArtifact({ commentKey: 'repro', files: ['/nonexistent/record.json'], env: {}, log, uploader });
  assert.ok('skipped' in outcome);
  assert.equal(uploader.calls.length, 0);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /ACTIONS_RUNTIME_TOKEN/);
  assert.match(warnings[0]!, /`run:` steps/);

  // The real DefaultArtifactClient is never reached either (it would throw on the missing variables).
  const real = recorder();
  const realOutcome = await uploadRunArtifact({ commentKey: 'repro', files: ['/nonexistent/record.json'], env: {}, log: real.log });
  assert.ok('skipped' in realOutcome);
  assert.equal(real.warnings.length, 1);
});

test('the uploader gets the artifact name, the existing files once each, their common folder and the retention', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-artifact-'));
  try {
    await mkdir(path.join(dir, 'out', 'run'), { recursive: true });
    await mkdir(path.join(dir, 'logs'), { recursive: true });
    const record = path.join(dir, 'out', 'run', 'record.json');
    const report = path.join(dir, 'out', 'run', 'report.md');
    const metrics = path.join(dir, 'logs', 'metrics.jsonl');
    for (const file of [record, report, metrics]) await writeFile(file, 'x');
    const missing = path.join(dir, 'out', 'never-written.csv');

    const { log, warnings, infos } = recorder();
    const uploader = recordingUploader();
    const outcome = await uploadRunArtifact({
      commentKey: '{"seed": 3}',
      files: [record, report, metrics, record, missing],
      rootDir: path.join(dir, 'out', 'run'),
      env: { ACTIONS_RUNTIME_TOKEN: 'runtime-token' },
      log,
      retentionDays: 14,
      uploader,
    });
    const name = artifactName('{"seed": 3}');
    assert.deepEqual(uploader.calls, [[name, [record, report, metrics], dir, { retentionDays: 14 }]]);
    assert.deepEqual(outcome, { uploaded: { name, id: 42, size: 1234, files: [record, report, metrics], rootDir: dir } });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /left out 1 missing file\(s\): .*never-written\.csv/);
    assert.match(infos.join('\n'), /Uploaded run artifact .* \(3 file\(s\), 1234 bytes\)/);

    // Within the given root, the root is kept (the artifact's paths are relative to it).
    const inRoot = recordingUploader();
    await uploadRunArtifact({ commentKey: 'repro', files: [record], rootDir: path.join(dir, 'out'), env: { ACTIONS_RUNTIME_TOKEN: 't' }, log, uploader: inRoot });
    assert.deepEqual(inRoot.calls, [['repro-check-repro', [record], path.join(dir, 'out'), {}]]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a failed upload or no existing file is a warning, not a failure', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-artifact-'));
  try {
    const record = path.join(dir, 'record.json');
    await writeFile(record, '{}');
    const env = { ACTIONS_RUNTIME_TOKEN: 't' };

    const failing = recorder();
    const refused = recordingUploader(async () => {
      throw new Error('Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run\nmore detail');
    });
    const outcome = await uploadRunArtifact({ commentKey: 'repro', files: [record], env, log: failing.log, uploader: refused });
    assert.ok('failed' in outcome);
    assert.equal(failing.warnings.length, 1);
    assert.match(failing.warnings[0]!, /Could not upload the run artifact repro-check-repro: .*already exists on the workflow run\. The verdict stands/);

    const empty = recorder();
    const unused = recordingUploader();
    const none = await uploadRunArtifact({ commentKey: 'repro', files: [path.join(dir, 'gone.json')], env, log: empty.log, uploader: unused });
    assert.ok('skipped' in none);
    assert.equal(unused.calls.length, 0);
    assert.match(empty.warnings.at(-1)!, /none of its files exist/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
