/**
 * `mode: audit` on `schedule` and `mode: aggregate`, end to end: the bundled action trains the
 * fixture SGD run in a real repository, reports the level, and files, comments on and closes
 * the nightly issue on the loopback fake GitHub.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startFakeGithub } from '../support/fake-github.ts';
import { startFakeResultsService } from '../support/fake-results-service.ts';
import { uploadRunArtifact } from '../../src/github/artifact.ts';
import {
  cli,
  createSandbox,
  describeRun,
  git,
  OWNER,
  REPO,
  runAction,
  workspaceAt,
  type Sandbox,
  type Workspace,
} from './action-harness.ts';
import { SGD_SCRIPT } from '../stats/seed-sweep.ts';

describe('nightly audit and aggregate through the bundled action', () => {
  let sandbox: Sandbox;
  let workspace: Workspace;
  let sha: string;
  before(async () => {
    sandbox = await createSandbox();
    workspace = workspaceAt(await sandbox.folder('workspace'));
    await git(workspace.dir, 'init', '-q', '-b', 'main');
    await workspace.write('train.mjs', await readFile(SGD_SCRIPT, 'utf8'));
    await workspace.write(
      'repro.yml',
      'command: node train.mjs\nmetrics: "{out}/metrics.jsonl"\nseed: 3\ntimeout-minutes: 1\n',
    );
    sha = await workspace.commit('Add the training');
  });
  after(() => sandbox.close());

  const schedule = (apiUrl: string, inputs: Record<string, string>) =>
    runAction(sandbox, {
      workspace: workspace.dir,
      apiUrl,
      eventName: 'schedule',
      payload: { schedule: '17 3 * * *' },
      sha,
      ref: 'refs/heads/main',
      inputs: { mode: 'audit', ...inputs },
    });

  test('a broken night opens the reproducibility issue and fails; a good night closes it', async () => {
    const fake = await startFakeGithub();
    try {
      const broken = await schedule(fake.url, { command: 'TRAIN_SHUFFLE=unseeded node train.mjs' });
      assert.equal(broken.code, 1, describeRun(broken));
      assert.equal(broken.outputs['level'], 'not reproducible');
      assert.equal(broken.outputs['status'], 'drift');
      assert.match(broken.summary, /repro-check audit: not reproducible — expected numerical/);
      const issues = fake.state.repo(OWNER, REPO).issues;
      assert.equal(issues.length, 1);
      assert.deepEqual(issues[0]!.labels, ['reproducibility']);

      const fixed = await schedule(fake.url, { audit: '{ runs: 2, seeds: 2 }' });
      assert.equal(fixed.code, 0, describeRun(fixed));
      assert.equal(fixed.outputs['level'], 'numerical');
      assert.equal(issues[0]!.state, 'closed');
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });

  test('mode aggregate: run records of a matrix become the band baseline and the verdict', async () => {
    const fake = await startFakeGithub();
    try {
      const runnerTemp = await sandbox.folder('matrix-temp');
      const records = await sandbox.folder('records');
      for (const [i, seed] of ['3', '3', '4', '5'].entries()) {
        // One folder per artifact, as actions/download-artifact lays them out.
        await mkdir(path.join(records, `job-${i}`));
        await cli(
          workspace.dir,
          ['run', '--seed', seed, '-o', path.join(records, `job-${i}`, 'run-record.json')],
          runnerTemp,
        );
      }
      const run = await runAction(sandbox, {
        workspace: workspace.dir,
        apiUrl: fake.url,
        eventName: 'workflow_dispatch',
        payload: { inputs: {} },
        sha,
        ref: 'refs/heads/main',
        inputs: {
          mode: 'aggregate',
          records: `${path.relative(workspace.dir, records)}/*/run-record.json`,
          baseline: path.join(runnerTemp, 'band.json'),
        },
      });
      assert.equal(run.code, 0, describeRun(run));
      assert.equal(run.outputs['level'], 'numerical');
      const baseline = JSON.parse(await readFile(run.outputs['baseline-path']!, 'utf8'));
      assert.equal(baseline.band.seed.members.length, 3);
      assert.equal(baseline.band.sameSeed.members.length, 2);
      const none = await runAction(sandbox, {
        workspace: workspace.dir,
        apiUrl: fake.url,
        eventName: 'workflow_dispatch',
        payload: { inputs: {} },
        sha,
        ref: 'refs/heads/main',
        inputs: { mode: 'aggregate', records: 'nothing/*.json' },
      });
      assert.equal(none.code, 1);
      assert.match(none.stdout, /input "records": "nothing\/\*\.json" matches 0 files/);
    } finally {
      await fake.close();
    }
  });

  test('mode aggregate: run records the matrix jobs uploaded as artifacts are downloaded through the artifact client', async () => {
    const [fake, results] = await Promise.all([startFakeGithub(), startFakeResultsService()]);
    const saved = { token: process.env['ACTIONS_RUNTIME_TOKEN'], url: process.env['ACTIONS_RESULTS_URL'] };
    try {
      const runnerTemp = await sandbox.folder('artifact-matrix-temp');
      // Each matrix job trains one seed and uploads its run record with its own job's credentials.
      process.env['ACTIONS_RESULTS_URL'] = results.url;
      for (const [i, seed] of ['3', '3', '4', '5'].entries()) {
        const jobDir = await sandbox.folder(`matrix-job-${i}`);
        const record = path.join(jobDir, 'run-record.json');
        await cli(workspace.dir, ['run', '--seed', seed, '-o', record], runnerTemp);
        process.env['ACTIONS_RUNTIME_TOKEN'] = results.jobToken(`train-${i}`);
        const outcome = await uploadRunArtifact({
          commentKey: `seed-${seed}-${i}`,
          files: [record],
          rootDir: jobDir,
          env: process.env,
          log: { info: () => {}, warning: (m) => assert.fail(m) },
        });
        assert.ok('uploaded' in outcome);
      }
      // Another job's artifact in the same workflow run is left alone by the pattern.
      const other = path.join(await sandbox.folder('other-job'), 'report.md');
      await writeFile(other, 'not a run record');
      process.env['ACTIONS_RUNTIME_TOKEN'] = results.jobToken('lint');
      await uploadRunArtifact({
        commentKey: 'lint',
        files: [other],
        env: process.env,
        log: { info() {}, warning() {} },
      });

      const aggregate = (inputs: Record<string, string>) =>
        runAction(sandbox, {
          workspace: workspace.dir,
          apiUrl: fake.url,
          eventName: 'workflow_dispatch',
          payload: { inputs: {} },
          sha,
          ref: 'refs/heads/main',
          job: 'aggregate',
          results,
          inputs: { mode: 'aggregate', ...inputs },
        });
      const run = await aggregate({
        'record-artifacts': 'repro-check-seed-*',
        baseline: path.join(runnerTemp, 'band-{gpu}.json'),
      });
      assert.equal(run.code, 0, describeRun(run));
      assert.match(run.stdout, /Downloaded 4 run record\(s\) from the artifacts matching "repro-check-seed-\*"/);
      assert.equal(run.outputs['level'], 'numerical');
      assert.equal(run.outputs['status'], 'pass');
      // {gpu}: the records' GPU, none on this machine.
      assert.equal(run.outputs['baseline-path'], path.join(runnerTemp, 'band-cpu.json'));
      const baseline = JSON.parse(await readFile(run.outputs['baseline-path']!, 'utf8'));
      assert.equal(baseline.level, 'numerical');
      assert.deepEqual(
        baseline.band.seed.members.map((m: { seed: number }) => m.seed),
        [3, 4, 5],
      );
      assert.equal(baseline.band.sameSeed.members.length, 2);
      assert.match(run.summary, /repro-check audit: numerical/);
      assert.ok(
        results.requests.some((r) => r.includes('/ListArtifacts')) &&
          results.requests.filter((r) => r.startsWith('GET ')).length === 4,
        'listed once, four zips fetched',
      );

      const none = await aggregate({ 'record-artifacts': 'repro-record-*' });
      assert.equal(none.code, 1);
      assert.match(
        none.stdout,
        /input "record-artifacts": "repro-record-\*" matches none of this workflow run's 5 artifacts \(repro-check-lint, repro-check-seed-3-0/,
      );
      const notRecords = await aggregate({ 'record-artifacts': 'repro-check-*' });
      assert.equal(notRecords.code, 1);
      assert.match(notRecords.stdout, /the artifact repro-check-lint holds no run-record\.json/);
    } finally {
      for (const [name, value] of [
        ['ACTIONS_RUNTIME_TOKEN', saved.token],
        ['ACTIONS_RESULTS_URL', saved.url],
      ] as const)
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      await Promise.all([fake.close(), results.close()]);
    }
  });
});
