import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { artifactName, commonFolder, uploadRunArtifact, type ArtifactUploader } from '../../src/github/artifact.ts';
import { startFakeResultsService } from '../support/fake-results-service.ts';
import { readZipEntries } from '../support/zip-reader.ts';

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

function recordingUploader(
  answer: () => Promise<{ id?: number; size?: number }> = async () => ({ id: 42, size: 1234 }),
): ArtifactUploader & { calls: unknown[][] } {
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

test("without the runner's artifact credentials nothing is uploaded and a warning says why; it never throws", async () => {
  const { log, warnings } = recorder();
  const uploader = recordingUploader();
  const outcome = await uploadRunArtifact({
    commentKey: 'repro',
    files: ['/nonexistent/record.json'],
    env: {},
    log,
    uploader,
  });
  assert.ok('skipped' in outcome);
  assert.equal(uploader.calls.length, 0);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /ACTIONS_RUNTIME_TOKEN/);
  assert.match(warnings[0]!, /`run:` steps/);

  // The real DefaultArtifactClient is never reached either (it would throw on the missing variables).
  const real = recorder();
  const realOutcome = await uploadRunArtifact({
    commentKey: 'repro',
    files: ['/nonexistent/record.json'],
    env: {},
    log: real.log,
  });
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
    assert.deepEqual(outcome, {
      uploaded: { name, id: 42, size: 1234, files: [record, report, metrics], rootDir: dir },
    });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /left out 1 missing file\(s\): .*never-written\.csv/);
    assert.match(infos.join('\n'), /Uploaded run artifact .* \(3 file\(s\), 1234 bytes\)/);

    // Within the given root, the root is kept (the artifact's paths are relative to it).
    const inRoot = recordingUploader();
    await uploadRunArtifact({
      commentKey: 'repro',
      files: [record],
      rootDir: path.join(dir, 'out'),
      env: { ACTIONS_RUNTIME_TOKEN: 't' },
      log,
      uploader: inRoot,
    });
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
      throw new Error(
        'Failed to CreateArtifact: Failed to make request after 5 attempts: Failed request: (503) Service Unavailable\nmore detail',
      );
    });
    const outcome = await uploadRunArtifact({
      commentKey: 'repro',
      files: [record],
      env,
      log: failing.log,
      uploader: refused,
    });
    assert.ok('failed' in outcome);
    assert.equal(refused.calls.length, 1, 'the client already retried; we do not');
    assert.equal(failing.warnings.length, 1);
    assert.match(
      failing.warnings[0]!,
      /Could not upload the run artifact repro-check-repro: .*\(503\) Service Unavailable\. The verdict stands/,
    );

    // A name the run already has (409) is retried under the next free name, a few times only.
    const taken = recorder();
    const alwaysTaken = recordingUploader(async () => {
      throw new Error(
        'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
      );
    });
    const conflict = await uploadRunArtifact({
      commentKey: 'repro',
      files: [record],
      env,
      log: taken.log,
      uploader: alwaysTaken,
    });
    assert.ok('failed' in conflict);
    assert.deepEqual(
      alwaysTaken.calls.map((call) => call[0]),
      ['repro-check-repro', 'repro-check-repro-2', 'repro-check-repro-3', 'repro-check-repro-4', 'repro-check-repro-5'],
    );
    assert.match(taken.warnings.join('\n'), /Could not upload the run artifact repro-check-repro-5: .*already exists/);

    const empty = recorder();
    const unused = recordingUploader();
    const none = await uploadRunArtifact({
      commentKey: 'repro',
      files: [path.join(dir, 'gone.json')],
      env,
      log: empty.log,
      uploader: unused,
    });
    assert.ok('skipped' in none);
    assert.equal(unused.calls.length, 0);
    assert.match(empty.warnings.at(-1)!, /none of its files exist/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('with the real @actions/artifact client against a loopback results service, the files arrive zipped under their paths; a refused token is a warning', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-artifact-'));
  const results = await startFakeResultsService();
  // DefaultArtifactClient reads its endpoint and token from the process environment.
  const saved = { token: process.env['ACTIONS_RUNTIME_TOKEN'], url: process.env['ACTIONS_RESULTS_URL'] };
  try {
    await mkdir(path.join(dir, 'run'), { recursive: true });
    const record = path.join(dir, 'run', 'record.json');
    const metrics = path.join(dir, 'metrics.jsonl');
    await writeFile(record, '{"version":1}\n');
    await writeFile(metrics, '{"step":1,"loss":0.5}\n'.repeat(500));
    process.env['ACTIONS_RUNTIME_TOKEN'] = results.runtimeToken;
    process.env['ACTIONS_RESULTS_URL'] = results.url;

    const { log, warnings } = recorder();
    const outcome = await uploadRunArtifact({
      commentKey: 'repro',
      files: [record, metrics],
      rootDir: path.join(dir, 'run'),
      env: process.env,
      log,
    });
    assert.deepEqual(warnings, []);
    assert.ok('uploaded' in outcome, JSON.stringify(outcome));
    assert.equal(results.artifacts.length, 1, results.requests.join('\n'));
    const artifact = results.artifacts[0]!;
    assert.equal(artifact.name, 'repro-check-repro');
    assert.equal(artifact.finalized, true);
    assert.equal(outcome.uploaded.id, artifact.id);
    assert.equal(artifact.size, String(artifact.bytes.length));
    assert.equal(artifact.hash, `sha256:${createHash('sha256').update(artifact.bytes).digest('hex')}`);
    const entries = readZipEntries(artifact.bytes);
    assert.deepEqual([...entries.keys()].sort(), ['metrics.jsonl', 'run/record.json']);
    assert.equal(entries.get('run/record.json')!.toString('utf8'), '{"version":1}\n');
    assert.equal(entries.get('metrics.jsonl')!.toString('utf8'), '{"step":1,"loss":0.5}\n'.repeat(500));

    // The same key again in this run (two steps sharing a comment-key): the next free name, and a warning saying why.
    const again = recorder();
    const second = await uploadRunArtifact({ commentKey: 'repro', files: [record], env: process.env, log: again.log });
    assert.ok('uploaded' in second, JSON.stringify(second));
    assert.equal(second.uploaded.name, 'repro-check-repro-2');
    assert.deepEqual(
      results.artifacts.filter((a) => a.finalized).map((a) => a.name),
      ['repro-check-repro', 'repro-check-repro-2'],
    );
    assert.match(
      again.warnings.join('\n'),
      /already existed in this workflow run .* Give each step its own comment-key/,
    );

    // A token the service refuses (401 is not retried): a warning, and the caller goes on.
    process.env['ACTIONS_RUNTIME_TOKEN'] = results.runtimeToken.replace(/\.$/, '.forged');
    const refused = recorder();
    const outcome2 = await uploadRunArtifact({
      commentKey: 'other',
      files: [record],
      env: process.env,
      log: refused.log,
    });
    assert.ok('failed' in outcome2);
    assert.match(refused.warnings.join('\n'), /Could not upload the run artifact repro-check-other: .*401/);
    assert.equal(results.artifacts.length, 2);
  } finally {
    for (const [name, value] of [
      ['ACTIONS_RUNTIME_TOKEN', saved.token],
      ['ACTIONS_RESULTS_URL', saved.url],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await results.close();
    await rm(dir, { recursive: true, force: true });
  }
});
