/**
 * The example workflows users copy (.github/workflows/example-*.yml): properties that, broken,
 * would cost a user a cancelled training, a leaked token or a forged verdict. Read as YAML, as
 * GitHub reads them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from './action-harness.ts';

const EXAMPLES = [
  'example-pr-gate.yml',
  'example-pr-gate-one-job.yml',
  'example-accept-drift.yml',
  'example-baseline-update.yml',
  'example-fork-pr.yml',
  'example-fork-workflow-run.yml',
  'example-nightly-audit.yml',
  'example-matrix-aggregate.yml',
] as const;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string;
  'runs-on'?: string | string[];
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: string | boolean };
  steps: Step[];
}
interface Workflow {
  on: Record<string, { types?: string[] } | null>;
  permissions?: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

async function workflow(name: string): Promise<Workflow> {
  return parse(await readFile(path.join(PACKAGE_ROOT, '.github/workflows', name), 'utf8')) as Workflow;
}

const steps = (wf: Workflow): Step[] => Object.values(wf.jobs).flatMap((job) => job.steps);

test('no example pastes an expression into a script (event data reaches scripts as environment variables), and every checkout leaves no token behind', async () => {
  for (const name of EXAMPLES) {
    const wf = await workflow(name);
    for (const step of steps(wf)) {
      if (step.run !== undefined) assert.doesNotMatch(step.run, /\$\{\{/, `${name}: a run: script with \${{ }} in it`);
      if (step.uses?.startsWith('actions/checkout@'))
        assert.equal(
          step.with?.['persist-credentials'],
          false,
          `${name}: actions/checkout without persist-credentials: false`,
        );
    }
  }
});

test('PR gate (two jobs): the job that trains holds no write token and gives repro-check none; a hosted publish job with the write permissions posts from its artifact', async () => {
  const wf = await workflow('example-pr-gate.yml');
  assert.deepEqual(wf.on['pull_request']?.types, ['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']);
  assert.deepEqual(wf.permissions, {}, 'nothing unless a job asks');
  assert.equal(wf.concurrency, undefined, 'a workflow-level group would let a skipped label event cancel the training');
  const check = wf.jobs['check']!;
  const publish = wf.jobs['publish']!;
  assert.deepEqual(check.permissions, { contents: 'read' });
  const checkStep = check.steps.find((s) => s.uses?.startsWith('repro-check/repro-check@'))!;
  assert.equal(checkStep.with?.['mode'], 'check');
  assert.equal(checkStep.with?.['github-token'], '', "the training's job passes repro-check no token");
  assert.ok(
    check.if?.includes('github.event.pull_request.head.repo.full_name == github.repository'),
    'fork PRs stopped at the job level',
  );
  assert.equal(check.concurrency?.['cancel-in-progress'], "${{ github.event.action == 'synchronize' }}");

  assert.equal(publish.needs, 'check');
  assert.equal(publish['runs-on'], 'ubuntu-latest', 'the write token stays off the self-hosted runner');
  assert.deepEqual(publish.permissions, { 'pull-requests': 'write', checks: 'write', statuses: 'write' });
  assert.ok(
    publish.if?.includes('always()') && publish.if.includes("needs.check.result != 'skipped'"),
    'publishes drift and errors too',
  );
  assert.ok(
    !publish.steps.some((s) => s.uses?.startsWith('actions/checkout@')),
    'no checkout of the PR in the job with the write token',
  );
  const publishStep = publish.steps.find((s) => s.uses?.startsWith('repro-check/repro-check@'))!;
  assert.equal(publishStep.with?.['mode'], 'publish');
  assert.equal(publishStep.with?.['comment-key'], checkStep.with?.['comment-key'], 'one artifact name for both jobs');
  const label = publishStep.with?.['accept-label'];
  assert.equal(typeof label, 'string');
  assert.ok(
    check.if?.includes(`github.event.label.name == '${label}'`),
    `the check job filters label events by the accept label:\n${check.if}`,
  );
});

test('PR gate (one job): only the accept label re-runs it, only a push cancels a training, and its header says the training can read the token', async () => {
  const text = await readFile(path.join(PACKAGE_ROOT, '.github/workflows/example-pr-gate-one-job.yml'), 'utf8');
  assert.match(text, /only where PR authors already have write\n# access/);
  const wf = await workflow('example-pr-gate-one-job.yml');
  assert.deepEqual(wf.on['pull_request']?.types, ['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']);
  assert.equal(wf.concurrency, undefined, 'a workflow-level group would let a skipped label event cancel the training');
  const job = wf.jobs['repro-check']!;
  const action = job.steps.find((s) => s.uses?.startsWith('repro-check/repro-check@'))!;
  const label = action.with?.['accept-label'];
  assert.equal(typeof label, 'string');
  assert.ok(
    job.if?.includes(`github.event.label.name == '${label}'`),
    `the job filters label events by the accept label:\n${job.if}`,
  );
  assert.ok(
    job.if?.includes('github.event.pull_request.head.repo.full_name == github.repository'),
    'fork PRs stopped at the job level',
  );
  assert.equal(job.concurrency?.['cancel-in-progress'], "${{ github.event.action == 'synchronize' }}");
  assert.deepEqual(wf.permissions, { contents: 'read', 'pull-requests': 'write', checks: 'write', statuses: 'write' });
});

test('accept drift: proposes the new baseline as a PR (the workflow token cannot push to a protected branch), with no more than actions: write', async () => {
  const wf = await workflow('example-accept-drift.yml');
  const job = Object.values(wf.jobs)[0]!;
  assert.deepEqual(job.permissions, { actions: 'write' });
  const dispatch = job.steps.map((s) => s.run ?? '').join('\n');
  assert.match(dispatch, /gh workflow run example-baseline-update\.yml .*-f strategy=pull-request/);
  const update = await workflow('example-baseline-update.yml');
  assert.deepEqual(update.permissions, { contents: 'write', 'pull-requests': 'write', statuses: 'write' });
  assert.equal(
    (update.concurrency as { 'cancel-in-progress': boolean })['cancel-in-progress'],
    false,
    'two updates of one branch queue, never cancel',
  );
});

test("fork PRs: the untrusted job holds a read-only token; the trusted job checks the PR number against GitHub and holds the fork to the default branch's tolerance", async () => {
  const untrusted = await workflow('example-fork-pr.yml');
  assert.deepEqual(untrusted.permissions, { contents: 'read' });
  const trusted = await workflow('example-fork-workflow-run.yml');
  const scripts = steps(trusted)
    .map((s) => s.run ?? '')
    .join('\n');
  assert.match(
    scripts,
    /select\(type == "number" and \. > 0 and \. == floor\)/,
    'the PR number from the artifact must be a positive integer',
  );
  assert.match(scripts, /gh api "repos\/\$GH_REPO\/pulls\/\$number" --jq '\.head\.sha'/);
  assert.match(scripts, /\[ "\$pr_head" = "\$RUN_HEAD_SHA" \]/, "the PR's head is the head the fork run trained");
  assert.match(scripts, /--config base\/repro\.yml/);
  assert.match(
    scripts,
    /-X PATCH "repos\/\$GH_REPO\/issues\/comments\/\$comment_id"/,
    'one sticky comment, edited in place',
  );
  // The trusted job never checks out the fork's code: only the default branch and repro-check itself.
  for (const step of steps(trusted).filter((s) => s.uses?.startsWith('actions/checkout@'))) {
    assert.ok(
      step.with?.['ref'] === undefined || step.with?.['repository'] === 'repro-check/repro-check',
      JSON.stringify(step),
    );
  }
});

test('the README quick-start workflow is example-pr-gate.yml: the accept label re-runs it, the same concurrency and action', async () => {
  const readme = await readFile(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start: GitHub Action'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
  const example = parse(await readFile(path.join(PACKAGE_ROOT, '.github/workflows/example-pr-gate.yml'), 'utf8'));
  assert.deepEqual(parse(block), example);
  assert.deepEqual(example.on.pull_request.types, ['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']);
  // One action slug everywhere a user reads one.
  const texts = await Promise.all(
    ['README.md', 'docs/github.md', ...EXAMPLES.map((f) => `.github/workflows/${f}`)].map((f) =>
      readFile(path.join(PACKAGE_ROOT, f), 'utf8'),
    ),
  );
  for (const text of texts)
    assert.deepEqual(
      [...new Set(text.match(/[\w-]+\/repro-check@v1/g) ?? [])].filter((s) => s !== 'repro-check/repro-check@v1'),
      [],
    );
});

test('nightly audit: scheduled, with the permissions for the issue and the age check only, never cancelled midway', async () => {
  const wf = await workflow('example-nightly-audit.yml');
  assert.ok(wf.on['schedule'] !== undefined && 'workflow_dispatch' in wf.on);
  assert.deepEqual(wf.permissions, { contents: 'read', issues: 'write', actions: 'read' });
  assert.equal((wf.concurrency as { 'cancel-in-progress': boolean })['cancel-in-progress'], false);
  const action = steps(wf).find((s) => s.uses?.startsWith('repro-check/repro-check@'))!;
  assert.equal(action.with?.['mode'], 'audit');
  assert.match(String(action.with?.['audit']), /max-age-days/);
});

test('matrix aggregate: every matrix job uploads a run record and the aggregate job reads them all', async () => {
  const wf = await workflow('example-matrix-aggregate.yml');
  const train = wf.jobs['train']!;
  const upload = train.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
  assert.equal(upload.with?.['path'], 'run-record.json');
  assert.match(String(upload.with?.['name']), /^repro-record-/);
  const aggregate = wf.jobs['aggregate']!;
  const action = aggregate.steps.find((s) => s.uses?.startsWith('repro-check/repro-check@'))!;
  assert.equal(action.with?.['mode'], 'aggregate');
  // The artifact names the matrix jobs upload under are the ones the aggregate job downloads.
  const pattern = String(action.with?.['record-artifacts']);
  assert.equal(pattern, 'repro-record-*');
  assert.ok(String(upload.with?.['name']).startsWith(pattern.slice(0, -1)));
});
