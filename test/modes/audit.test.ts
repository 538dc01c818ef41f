import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createProject, type Project } from './project-fixture.ts';

const SGD = readFileSync(path.resolve(import.meta.dirname, '../fixtures/training/sgd.mjs'), 'utf8');

/** A repo whose training is the fixture SGD run (test/fixtures/training/sgd.mjs), switched by env. */
async function withSgdProject(config: string, body: (project: Project) => Promise<void>): Promise<void> {
  const project = await createProject({
    'train.mjs': SGD,
    'repro.yml': `command: node train.mjs\nmetrics: "{out}/metrics.jsonl"\nseed: 3\ntimeout-minutes: 1\n${config}`,
  });
  try {
    await body(project);
  } finally {
    await project.cleanup();
  }
}

test('audit: a seeded training is numerical; every run is told its kind and index beside its seed', async () => {
  const logDir = await mkdtemp(path.join(os.tmpdir(), 'repro-identity-'));
  const identityLog = path.join(logDir, 'identity.txt');
  try {
    await withSgdProject('', async (project) => {
      const result = await project.cli(['audit', '--runs', '3', '--seeds', '2', '--format', 'json'], {
        TRAIN_IDENTITY_LOG: identityLog,
      });
      assert.equal(result.code, 0, result.stderr);
      const json = JSON.parse(result.stdout);
      assert.equal(json.level, 'numerical');
      assert.equal(json.bitIdentical, true);
      assert.equal(json.sameSeedRuns, 3);
      assert.equal(json.seedRuns, 2);
      assert.equal(json.seedIgnored, false);
      assert.deepEqual(json.causes, []);
      assert.deepEqual(readFileSync(identityLog, 'utf8').trim().split('\n'), [
        'same-seed 0 3',
        'same-seed 1 3',
        'same-seed 2 3',
        'seed 0 4',
        'seed 1 5',
      ]);
    });
  } finally {
    await rm(logDir, { recursive: true, force: true });
  }
});

test('audit: an unseeded shuffle is not reproducible, parts at the first step, and exits 1 with the causes', async () => {
  await withSgdProject('', async (project) => {
    const result = await project.cli(['audit'], { TRAIN_SHUFFLE: 'unseeded' });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /## ❌ repro-check audit: not reproducible — expected numerical/);
    assert.match(result.stdout, /\| train\.loss \| \*\*differ\*\* \| 1 \|/);
    assert.match(result.stdout, /differ from the first logged step \(1\).*unseeded shuffle/);
    assert.match(result.stdout, /No seed band \(seeds: 0\)/);
  });
});

test('audit: tiny float noise (race-like) reaches the statistical level with a seed band; expect decides the exit code', async () => {
  await withSgdProject('audit: { seeds: 5, expect: statistical }\n', async (project) => {
    const result = await project.cli(['audit', '--format', 'json'], { TRAIN_JITTER: '1e-9' });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.level, 'statistical');
    assert.equal(json.bitIdentical, false);
    const loss = json.metrics.find((m: { name: string }) => m.name === 'train.loss');
    assert.equal(loss.identical, false);
    assert.ok(loss.firstDivergentStep >= 2, String(loss.firstDivergentStep));
    assert.ok(loss.sigmas < 4, String(loss.sigmas));
    assert.match(json.gate, /prediction interval mean ± k·s·√\(1\+1\/n\)/);
    assert.equal(json.calibration.runs, 6);
    const strict = await project.cli(['audit', '--set', 'audit.expect=numerical'], { TRAIN_JITTER: '1e-9' });
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /statistical \(within seed noise\) — expected numerical/);
  });
});

test('audit: a command that ignores the seed is caught (all seeds bit-identical), and expect: statistical without seeds is refused', async () => {
  await withSgdProject('', async (project) => {
    const ignored = await project.cli(['audit', '--seeds', '2', '--format', 'json'], { TRAIN_IGNORE_SEED: '1' });
    assert.equal(ignored.code, 0);
    const json = JSON.parse(ignored.stdout);
    assert.equal(json.seedIgnored, true);
    assert.match(json.warnings[0], /the seed does not reach the training/);
    assert.match(ignored.stderr, /warning: All 3 seeds gave bit-identical metrics/);
    const refused = await project.cli(['audit', '--set', 'audit.expect=statistical']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /audit: `expect: statistical` needs a seed band/);
    const badRuns = await project.cli(['audit', '--runs', '1']);
    assert.equal(badRuns.code, 2);
    assert.match(badRuns.stderr, /audit\.runs|--set audit\.runs/);
  });
});

test('audit: the environment section names the interpreter probed and the pinning risks; pinning-risks: error refuses before training', async () => {
  await withSgdProject('', async (project) => {
    await project.write('requirements.txt', 'numpy>=1.26\n');
    project.commit('requirements');
    const warned = await project.cli(['audit']);
    assert.equal(warned.code, 0, warned.stderr);
    assert.match(warned.stdout, /### Environment\n\n- Python .*\(chosen by python3 on PATH\)/);
    assert.match(warned.stdout, /- pinning: requirements\.txt:1: `numpy>=1\.26` is not pinned/);
    const refused = await project.cli(['audit', '--set', 'pinning-risks=error']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /1 unpinned dependency \(pinning-risks: error\):\n\s+requirements\.txt:1/);
    assert.doesNotMatch(refused.stderr, /Audit run 1/);
  });
});

test('audit: with checkpoints recorded, the report names the final tensors that differ between same-seed runs', async () => {
  await withSgdProject('checkpoints: "{out}/model.safetensors"\n', async (project) => {
    const same = await project.cli(['audit', '--format', 'json'], { TRAIN_CHECKPOINT: '1' });
    assert.equal(same.code, 0, same.stderr);
    assert.deepEqual(JSON.parse(same.stdout).tensors, { compared: true, differing: [], total: 2 });
    const differ = await project.cli(['audit'], { TRAIN_CHECKPOINT: '1', TRAIN_SHUFFLE: 'unseeded' });
    assert.equal(differ.code, 1);
    assert.match(differ.stdout, /Final checkpoints: 2 of 2 tensors differ: b, w\./);
  });
});

test('audit: the Python probe runs once, beside the first training, and its facts reach every run record', async () => {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'repro-probe-overlap-'));
  const events = path.join(scratch, 'events.log');
  // A stand-in interpreter that answers like the probe, slowly (importing torch takes seconds).
  const fakePython = path.join(scratch, 'python3');
  writeFileSync(
    fakePython,
    [
      '#!/bin/sh',
      `echo "probe-start $(date +%s%N)" >> ${JSON.stringify(events)}`,
      `echo "probe-tracking-id [$RUNNER_TRACKING_ID]" >> ${JSON.stringify(events)}`,
      // Still running when the first training has ended and its guard looks for leftovers.
      `i=0; while [ ! -e ${JSON.stringify(events + '.trained')} ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; sleep 1`,
      `echo "probe-end $(date +%s%N)" >> ${JSON.stringify(events)}`,
      `echo '{"python": "3.99.0", "executable": "/opt/fake/python3", "frameworks": {"torch.version": "9.9.9"}, "packages": {"torch": "9.9.9"}}'`,
    ].join('\n') + '\n',
  );
  chmodSync(fakePython, 0o755);
  try {
    const project = await createProject({
      'train.mjs': SGD,
      'repro.yml': `command: echo "training-start $(date +%s%N)" >> "$EVENTS"; node train.mjs; touch "$EVENTS.trained"\nmetrics: "{out}/metrics.jsonl"\nseed: 3\ntimeout-minutes: 1\npython: ${fakePython}\n`,
    });
    try {
      // On a runner every process of the job carries RUNNER_TRACKING_ID; the training guard reports
      // such a process started after a training as its leftover. The probe is repro-check's own.
      const result = await project.cli(['audit', '--runs', '2', '--seeds', '1'], {
        EVENTS: events,
        RUNNER_TRACKING_ID: 'github_probe-overlap-test',
      });
      assert.equal(result.code, 0, result.stderr);
      assert.doesNotMatch(result.stderr + result.stdout, /still running after it ended/);
      const lines = readFileSync(events, 'utf8').trim().split('\n');
      const times = (what: string) => lines.filter((l) => l.startsWith(what)).map((l) => BigInt(l.split(' ')[1]!));
      assert.equal(times('probe-start').length, 1, 'one probe per audit');
      // Never taken for a training's leftover: it does not carry the job's tracking id.
      assert.ok(lines.includes('probe-tracking-id []'), lines.join('\n'));
      assert.equal(times('training-start').length, 3);
      assert.ok(times('training-start')[0]! < times('probe-end')[0]!, 'the first training does not wait for the probe');
      const outDir = /Audit report and run records: (.+)/.exec(result.stderr)![1]!.trim();
      const records = readdirSync(outDir).filter((f) => f.startsWith('run-'));
      assert.equal(records.length, 3);
      for (const file of records) {
        const environment = JSON.parse(readFileSync(path.join(outDir, file), 'utf8')).environment;
        assert.equal(environment.python, '3.99.0', file);
        assert.deepEqual(environment.interpreter, {
          command: fakePython,
          chosenBy: 'python setting',
          executable: '/opt/fake/python3',
          problem: null,
        });
        assert.deepEqual(environment.frameworks, { 'torch.version': '9.9.9' });
      }
      assert.match(result.stdout, /- Python 3\.99\.0: \/opt\/fake\/python3 \(chosen by python setting\)/);
    } finally {
      await project.cleanup();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
