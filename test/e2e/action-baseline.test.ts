/**
 * `mode: baseline` on workflow_dispatch, end to end: the bundled action trains in a clone of a
 * bare `origin` (reached through `https://github.com/...`, rewritten by `url.insteadOf`, so the
 * token path of the push runs) and commits the new baseline to main exactly once, even when
 * someone pushed to main after the runner cloned.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.ts';
import { startFakeResultsService } from '../support/fake-results-service.ts';
import { readZipEntries } from '../support/zip-reader.ts';
import { REPRO_YML } from '../modes/project-fixture.ts';
import { BASELINE_PATH, makeRepos, originFile, originLog, sh, type Repos } from '../github/baseline-update-fixture.ts';
import { decodeRecordDocument } from '../../src/record/codec.ts';
import {
  ACTION_MANIFEST,
  BASE_LEARNING_RATE,
  createSandbox,
  eventPayload,
  runAction,
  trainScript,
  WORKFLOW_TOKEN,
  type Sandbox,
  describeRun,
} from './action-harness.ts';

let repos: Repos;
let sandbox: Sandbox;
let fake: FakeGithub;
before(async () => {
  [repos, sandbox, fake] = await Promise.all([makeRepos(), createSandbox(), startFakeGithub()]);
});
after(() => Promise.all([repos.close(), sandbox.close(), fake.close()]));

test('workflow_dispatch with mode baseline commits the new baseline once, on top of a commit pushed meanwhile', async () => {
  // The project lands on origin's main; the runner's checkout is up to date with it.
  repos.pushFromOther('main', 'train.mjs', trainScript(BASE_LEARNING_RATE));
  repos.pushFromOther('main', 'repro.yml', REPRO_YML);
  sh(repos.checkout, 'pull', '--quiet', '--ff-only', 'origin', 'main');
  const trainedCommit = sh(repos.checkout, 'rev-parse', 'HEAD');
  // Then someone pushes to main: the action's first push is not a fast-forward.
  const meanwhile = repos.pushFromOther('main', 'NOTES.md', 'pushed while the baseline trained\n');

  const payload = eventPayload('workflow_dispatch');
  payload['ref'] = 'refs/heads/main';
  const results = await startFakeResultsService();
  const run = await runAction(sandbox, {
    workspace: repos.checkout,
    apiUrl: fake.url,
    eventName: 'workflow_dispatch',
    payload,
    sha: trainedCommit,
    ref: 'refs/heads/main',
    inputs: { mode: 'baseline' },
    results,
  }).finally(() => results.close());
  assert.equal(run.code, 0, describeRun(run));
  // The evidence: the baseline written and the metric file it was made from.
  assert.deepEqual(
    results.artifacts.map((a) => [a.name, a.finalized]),
    [['repro-check-repro', true]],
    results.requests.join('\n'),
  );
  assert.deepEqual([...readZipEntries(results.artifacts[0]!.bytes).keys()].sort(), ['baseline.json', 'metrics.jsonl']);
  assert.equal(run.outputs['status'], 'pass');
  assert.equal(run.outputs['baseline-path'], BASELINE_PATH);
  const undeclared = Object.keys(run.outputs).filter((name) => !(name in ACTION_MANIFEST.outputs));
  assert.deepEqual(undeclared, [], 'every output written is declared in action.yml');
  assert.match(run.stdout, /main moved on "origin" meanwhile/, 'the first push was rejected');
  assert.deepEqual(fake.requests, [], 'a commit to the branch needs no REST call');

  const [newest, ...older] = originLog(repos.origin, 'main');
  assert.ok(newest);
  assert.match(newest.subject, /^Update repro-check baseline/);
  assert.deepEqual(newest.parents, [meanwhile], 'the baseline was re-applied on top of the commit pushed meanwhile');
  assert.equal(older[0]?.sha, meanwhile);
  assert.equal(older.filter((c) => /baseline/i.test(c.subject)).length, 0, 'the baseline landed exactly once');
  assert.equal(originFile(repos.origin, 'main', 'NOTES.md'), 'pushed while the baseline trained\n');

  const document = decodeRecordDocument(
    JSON.parse(originFile(repos.origin, 'main', BASELINE_PATH)) as { kind: string },
    BASELINE_PATH,
  );
  assert.equal(document.kind, 'baseline');
  assert.equal(document.kind === 'baseline' ? document.baseline.runs[0]?.provenance.commit : null, trainedCommit);

  // docs/github.md: the checkout is left as it was found; the baseline copy lies in the run's output folder.
  assert.equal(
    sh(repos.checkout, 'status', '--porcelain', '--untracked-files=all'),
    '',
    'git status is clean after the run',
  );
  assert.equal(sh(repos.checkout, 'rev-parse', 'HEAD'), trainedCommit, 'HEAD did not move');
  const recordPath = run.outputs['record-path']!;
  assert.ok(
    path.relative(repos.checkout, recordPath).startsWith('..'),
    `record-path ${recordPath} lies outside the checkout`,
  );
  assert.equal(await readFile(recordPath, 'utf8'), originFile(repos.origin, 'main', BASELINE_PATH));

  const gitConfig = await readFile(path.join(repos.checkout, '.git/config'), 'utf8');
  assert.doesNotMatch(gitConfig, /extraheader/i, 'no credentials left in .git/config');
  const leaks = run.stdout
    .split('\n')
    .filter((line) => line.includes(WORKFLOW_TOKEN) && !line.startsWith('::add-mask::'));
  assert.deepEqual(leaks, [], "the token shows only in the runner's mask commands");
});

test('mode baseline on a branch other than the default is refused before the training runs', async () => {
  sh(repos.checkout, 'checkout', '--quiet', '-b', 'experiment');
  try {
    const commit = sh(repos.checkout, 'rev-parse', 'HEAD');
    const payload = eventPayload('workflow_dispatch');
    payload['ref'] = 'refs/heads/experiment';
    payload['repository'].default_branch = 'main';
    const before = originLog(repos.origin, 'main').length;
    // The command leaves a mark outside the checkout if it runs at all.
    const marker = path.join(sandbox.root, 'baseline-training-ran');
    const run = await runAction(sandbox, {
      workspace: repos.checkout,
      apiUrl: fake.url,
      eventName: 'workflow_dispatch',
      payload,
      sha: commit,
      ref: 'refs/heads/experiment',
      inputs: { mode: 'baseline', command: `touch ${marker} && node train.mjs` },
    });
    assert.equal(run.code, 1, describeRun(run));
    assert.equal(run.outputs['status'], 'error');
    assert.match(run.stdout, /::error::.*ran on branch "experiment", not on the default branch "main"/);
    await assert.rejects(access(marker), 'refused before the training: the command never ran');
    assert.equal(originLog(repos.origin, 'main').length, before, 'nothing was pushed');
  } finally {
    sh(repos.checkout, 'checkout', '--quiet', 'main');
  }
});
