import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { runCli } from '../../src/cli/main.ts';
import { createProject } from '../modes/project-fixture.ts';
import { trainSeeds } from '../stats/seed-sweep.ts';
import { compareMetrics } from '../../src/compare/compare.ts';
import { TolerancePicker } from '../../src/compare/tolerance.ts';
import { readComparable } from '../../src/record/baseline-store.ts';

async function cli(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    env: { PATH: process.env.PATH },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

function toJsonl(data: ReturnType<typeof trainSeeds>[number]): string {
  const lines = Array.from(data.series.get('train.loss')!.steps, (step, i) =>
    JSON.stringify({ step, train: { loss: data.series.get('train.loss')!.values[i] } }),
  );
  return [...lines, JSON.stringify({ eval: { loss: data.finals.get('eval.loss') } })].join('\n') + '\n';
}

test('band from metric files: a seed band baseline that compare accepts; --recommend prints tolerances that pass every run', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-band-'));
  try {
    const runs = trainSeeds([1, 2, 3, 4, 5]);
    const files = await Promise.all(
      runs.map(async (run, i) => {
        const file = `seed${i + 1}.jsonl`;
        await writeFile(path.join(dir, file), toJsonl(run));
        return file;
      }),
    );
    const band = await cli(dir, ['band', ...files, '-o', 'band.json', '--recommend']);
    assert.equal(band.code, 0, band.stderr);
    assert.match(band.stderr, /seed band of 5 runs/);
    const baseline = JSON.parse(await readFile(path.join(dir, 'band.json'), 'utf8'));
    assert.deepEqual(baseline.runs, []);
    assert.equal(baseline.band.seed.members.length, 5);
    assert.equal(baseline.band.seed.metrics['eval.loss'].steps, null);
    assert.match(
      band.stdout,
      /^# Passes every one of 4 runs \(cross-seed: no same-seed repeats were given\) with a margin of 2x/,
    );
    // The recommended block, used as metric-tolerances, passes every run against the first.
    const tolerances = YAML.parse(band.stdout)['metric-tolerances'];
    const picker = new TolerancePicker({ rtol: 0, atol: 0, exact: false }, 'none', tolerances);
    const first = readComparable(path.join(dir, files[0]!));
    for (const file of files.slice(1))
      assert.equal(
        compareMetrics(first, readComparable(path.join(dir, file)), { tolerances: picker, include: [], ignore: [] })
          .status,
        'pass',
        file,
      );

    const compare = await cli(dir, ['compare', 'band.json', files[2]!, '--format', 'json']);
    assert.equal(compare.code, 0, compare.stdout + compare.stderr);
    assert.equal(JSON.parse(compare.stdout).metrics[0].sigma.band, 'seed');

    const one = await cli(dir, ['band', files[0]!, '-o', 'x.json', '--margin', '0.5']);
    assert.equal(one.code, 2);
    assert.match(one.stderr, /band takes two or more runs/);
    assert.match(one.stderr, /--margin 0\.5: expected a number >= 1/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('aggregate: run records of a matrix (same seed twice, other seeds once) give the band and the audit verdict', async () => {
  const project = await createProject({
    'train.mjs': readFileSync(path.resolve(import.meta.dirname, '../fixtures/training/sgd.mjs'), 'utf8'),
    'repro.yml': 'command: node train.mjs\nmetrics: "{out}/metrics.jsonl"\nseed: 3\ntimeout-minutes: 1\n',
  });
  try {
    const records: string[] = [];
    for (const [i, seed] of ['3', '3', '4', '5', '6'].entries()) {
      const run = await project.cli([
        'run',
        '--seed',
        seed,
        '-o',
        path.join(os.tmpdir(), `${path.basename(project.dir)}-r${i}.json`),
      ]);
      assert.equal(run.code, 0, run.stderr);
      records.push(path.join(os.tmpdir(), `${path.basename(project.dir)}-r${i}.json`));
    }
    const aggregate = await project.cli([
      'aggregate',
      ...records,
      '-o',
      // {gpu} is filled from the records (no GPU here: cpu), as the action's baseline path is.
      path.join(os.tmpdir(), `${path.basename(project.dir)}-band-{gpu}.json`),
      '--format',
      'json',
    ]);
    assert.equal(aggregate.code, 0, aggregate.stderr);
    assert.match(aggregate.stderr, /Wrote .*-band-cpu\.json\./);
    const json = JSON.parse(aggregate.stdout);
    assert.equal(json.level, 'numerical');
    assert.equal(json.sameSeedRuns, 2);
    assert.equal(json.seedRuns, 3);
    const baseline = JSON.parse(
      await readFile(path.join(os.tmpdir(), `${path.basename(project.dir)}-band-cpu.json`), 'utf8'),
    );
    assert.equal(baseline.level, 'numerical');
    assert.equal(baseline.runs[0].provenance.seed, 3);
    assert.equal(baseline.band.sameSeed.members.length, 2);
    assert.equal(baseline.band.seed.members.length, 4);

    const unseeded = await project.cli(
      ['run', '--seed', '3', '-o', path.join(os.tmpdir(), `${path.basename(project.dir)}-u.json`)],
      { TRAIN_SHUFFLE: 'unseeded' },
    );
    assert.equal(unseeded.code, 0);
    const broken = await project.cli([
      'aggregate',
      records[0]!,
      path.join(os.tmpdir(), `${path.basename(project.dir)}-u.json`),
      '-o',
      path.join(os.tmpdir(), `${path.basename(project.dir)}-b.json`),
    ]);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /not reproducible/);
    for (const f of [
      ...records,
      `${path.basename(project.dir)}-band-cpu.json`,
      `${path.basename(project.dir)}-u.json`,
      `${path.basename(project.dir)}-b.json`,
    ])
      await rm(path.resolve(os.tmpdir(), f), { force: true });
  } finally {
    await project.cleanup();
  }
});
