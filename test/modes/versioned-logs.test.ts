import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import { createProject, type Project } from './project-fixture.ts';

/**
 * PyTorch Lightning's default loggers write to lightning_logs/version_N, N one more than the highest
 * version already there (lightning_fabric/loggers: _get_next_version). On a reused self-hosted checkout
 * the folders of earlier jobs stay (they are git-ignored, so the clean-tree gate lets them be).
 */
const LIGHTNING_LIKE_TRAINING = (
  logsDir: string,
  eventFixture: string,
) => `// Writes what Lightning's CSVLogger and TensorBoardLogger write, into the next version folder.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
const root = ${JSON.stringify(logsDir)};
const versions = existsSync(root) ? readdirSync(root).filter((n) => /^version_\\d+$/.test(n)).map((n) => Number(n.slice(8))) : [];
const dir = root + '/version_' + (versions.length ? Math.max(...versions) + 1 : 0);
mkdirSync(dir, { recursive: true });
const rows = ['epoch,step,train_loss', ...[1, 2, 3].map((step) => '0,' + step + ',' + (2 / step).toFixed(4))];
writeFileSync(dir + '/metrics.csv', rows.join('\\n') + '\\n');
copyFileSync(${JSON.stringify(eventFixture)}, dir + '/events.out.tfevents.1700000000.fixture-host.4242.0');
console.log('logged to', dir);
`;

const EVENT_FIXTURE = path.resolve(
  'test/fixtures/metrics/tensorboard/pytorch/events.out.tfevents.1700000000.fixture-host.4242.0',
);

async function ageFolder(dir: string): Promise<void> {
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const name of await readdir(dir)) await utimes(path.join(dir, name), hourAgo, hourAgo);
}

async function withLightningProject(metrics: string, body: (project: Project) => Promise<void>): Promise<void> {
  const project = await createProject({
    'train.mjs': LIGHTNING_LIKE_TRAINING('lightning_logs', EVENT_FIXTURE),
    'repro.yml': `command: node train.mjs\nmetrics: ${JSON.stringify(metrics)}\nseed: 7\ntimeout-minutes: 1\n`,
    '.gitignore': 'lightning_logs/\nlogs/\n',
  });
  try {
    const update = await project.cli(['baseline', 'update']);
    assert.equal(update.code, 0, update.stderr);
    project.commit('baseline');
    await ageFolder(path.join(project.dir, 'lightning_logs/version_0')); // as if an earlier job had written it
    await body(project);
  } finally {
    await project.cleanup();
  }
}

for (const [layout, metrics, metric] of [
  // A glob names each file's metrics by its path below the glob's prefix, version folders left out.
  ['CSVLogger files through a glob', 'lightning_logs/*/metrics.csv', 'metrics.train_loss'],
  ['TensorBoardLogger event files through the log folder', 'lightning_logs', 'train/loss'],
  ['TensorBoardLogger event files through a glob', 'lightning_logs/*/events.out.tfevents.*', 'train/loss'],
] as const) {
  test(`check on a reused checkout reads only this run's version folder (${layout})`, async () => {
    await withLightningProject(metrics, async (project) => {
      const check = await project.cli(['check', '--format', 'json']);
      assert.equal(check.code, 0, check.stderr);
      const verdict = JSON.parse(check.stdout) as { metrics: Array<{ name: string; status: string }>; notes: string[] };
      assert.deepEqual(
        verdict.metrics.filter((m) => m.name === metric).map((m) => m.status),
        ['pass'],
        'the same names as in the baseline: no version_N in them',
      );
      assert.ok(!verdict.metrics.some((m) => m.name.includes('version_')));
      assert.match(check.stderr + verdict.notes.join('\n'), /from earlier runs left out: .*version_0\//);

      // The training now logs somewhere else: only the old folders match, and the message names what this run wrote.
      await project.write('train.mjs', LIGHTNING_LIKE_TRAINING('logs', EVENT_FIXTURE));
      project.commit('log to logs/');
      for (const name of await readdir(path.join(project.dir, 'lightning_logs')))
        await ageFolder(path.join(project.dir, 'lightning_logs', name));
      const moved = await project.cli(['check']);
      assert.equal(moved.code, 2, moved.stderr);
      assert.match(moved.stderr, /version_0\/.*\(written .*\)/);
      assert.match(
        moved.stderr,
        /logs\/version_0\/(metrics\.csv|events\.out\.tfevents)/,
        'names what the training did write',
      );
    });
  });
}
