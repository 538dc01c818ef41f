import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createProject } from './project-fixture.ts';

const SGD = readFileSync(path.resolve(import.meta.dirname, '../fixtures/training/sgd.mjs'), 'utf8');
const CONFIG =
  'command: node train.mjs\nmetrics: "{out}/metrics.jsonl"\nseed: 3\ntimeout-minutes: 1\ntolerance: { sigma: 4 }\n';

test('baseline update --seeds 8 stores the seed and same-seed bands and the level; check judges other seeds by the σ gate', async () => {
  const project = await createProject({ 'train.mjs': SGD, 'repro.yml': CONFIG });
  try {
    const update = await project.cli(['baseline', 'update', '--seeds', '7']);
    assert.equal(update.code, 0, update.stderr);
    project.commit('statistical baseline');
    const baseline = JSON.parse(await readFile(path.join(project.dir, '.repro/baseline.json'), 'utf8'));
    assert.equal(baseline.runs.length, 1);
    assert.equal(baseline.level, 'numerical');
    assert.equal(baseline.band.seed.members.length, 8);
    assert.deepEqual(
      baseline.band.seed.members.map((m: { seed: number }) => m.seed),
      [3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.equal(baseline.band.sameSeed.members.length, 2);
    const loss = baseline.band.seed.metrics['train.loss'];
    assert.equal(loss.steps.length, 100);
    assert.deepEqual(Object.keys(loss).sort(), ['count', 'max', 'mean', 'min', 'std', 'steps']);
    assert.equal(loss.count[0], 8);
    assert.ok(loss.std[50] > 0);
    assert.equal(baseline.band.sameSeed.metrics['train.loss'].std[50], 0);

    // The baseline's own seed: the same-seed band, which has no spread: the rtol/atol floor decides.
    const same = await project.cli(['check', '--format', 'json']);
    assert.equal(same.code, 0, same.stdout + same.stderr);
    const sameLoss = JSON.parse(same.stdout).metrics.find((m: { name: string }) => m.name === 'train.loss');
    assert.equal(sameLoss.sigma.band, 'same-seed');
    assert.equal(sameLoss.sigmas, 0);

    // Held-out seeds: judged against the seed band; a plain rtol/atol compare would call them drift.
    for (const seed of ['101', '102', '103']) {
      const other = await project.cli(['check', '--seed', seed, '--format', 'json']);
      assert.equal(other.code, 0, `seed ${seed}: ${other.stdout}`);
      const json = JSON.parse(other.stdout);
      const metric = json.metrics.find((m: { name: string }) => m.name === 'train.loss');
      assert.equal(metric.sigma.band, 'seed');
      assert.equal(metric.sigma.scale, 'log');
      assert.ok(metric.sigmas > 0 && metric.sigmas < 4, String(metric.sigmas));
      assert.ok(metric.maxAbsDiff > 1e-3, 'far outside rtol/atol of the base run');
    }
    const markdown = await project.cli(['check', '--seed', '101']);
    assert.match(markdown.stdout, /Seed band: σ gate over 8 reference runs: prediction interval/);
    assert.match(markdown.stdout, /leave-one-out over the band: \d of 8 runs flagged/);

    // A doubled learning rate is caught.
    const doubled = await project.cli(['check', '--seed', '101', '--format', 'json'], { TRAIN_LR: '1' });
    assert.equal(doubled.code, 1, doubled.stdout);
    const drifted = JSON.parse(doubled.stdout).metrics.find((m: { name: string }) => m.name === 'train.loss');
    assert.equal(drifted.status, 'drift');
    assert.ok(drifted.sigmas > 4);

    // compare --sigma against the same baseline file, with a run record of another seed.
    const run = await project.cli(['run', '--seed', '104', '-o', 'run.json']);
    assert.equal(run.code, 0, run.stderr);
    const strict = await project.cli([
      'compare',
      '.repro/baseline.json',
      'run.json',
      '--sigma',
      '0.01',
      '--format',
      'json',
    ]);
    assert.equal(strict.code, 1);
    const loose = await project.cli([
      'compare',
      '.repro/baseline.json',
      'run.json',
      '--sigma',
      '6',
      '--format',
      'json',
    ]);
    assert.equal(loose.code, 0, loose.stdout);
    assert.ok(JSON.parse(loose.stdout).metrics.every((m: { sigmas?: unknown }) => typeof m.sigmas === 'number'));
    const bad = await project.cli(['compare', '.repro/baseline.json', 'run.json', '--sigma', 'x']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--sigma x: expected a number > 0/);
  } finally {
    await project.cleanup();
  }
});
