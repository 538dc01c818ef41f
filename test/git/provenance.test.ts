import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ReproError } from '../../src/errors.ts';
import { openRepo } from '../../src/git/repo.ts';
import { readFileAtCommit, requireBranch, resolveProvenance } from '../../src/git/provenance.ts';
import { hasCredentialHeader } from '../../src/git/credentials.ts';
import { committedRepo, git, tempDir, write } from './git-fixture.ts';

test('on a branch: commit, ref and not shallow; requireBranch names the branch', async (t) => {
  const dir = await tempDir(t);
  const head = await committedRepo(dir);
  const repo = await openRepo(dir);
  assert.deepEqual(await resolveProvenance(repo, null), {
    commit: head,
    ref: 'refs/heads/main',
    shallow: false,
    baseCommit: null,
  });
  assert.equal(await requireBranch(repo), 'main');
});

test('a detached HEAD records ref null; requireBranch refuses it and says what to do', async (t) => {
  const dir = await tempDir(t);
  const head = await committedRepo(dir);
  git(dir, 'checkout', '-q', '--detach');
  const repo = await openRepo(dir);
  assert.deepEqual(await resolveProvenance(repo, null), { commit: head, ref: null, shallow: false, baseCommit: null });
  await assert.rejects(requireBranch(repo), (error: unknown) => {
    assert.ok(error instanceof ReproError);
    assert.match(error.message, /HEAD is detached/);
    assert.match(error.hint ?? '', /git switch/);
    return true;
  });
});

test("a detached HEAD that is the commit the runner names (a tag push) records the runner's GITHUB_REF; another commit does not", async (t) => {
  const dir = await tempDir(t);
  const head = await committedRepo(dir);
  git(dir, 'checkout', '-q', '--detach');
  const repo = await openRepo(dir);
  assert.equal((await resolveProvenance(repo, null, { ref: 'refs/tags/v1.2', sha: head })).ref, 'refs/tags/v1.2');
  assert.equal(
    (await resolveProvenance(repo, null, { ref: 'refs/tags/v1.2', sha: 'e'.repeat(40) })).ref,
    null,
    'GITHUB_REF names another commit: it does not describe this checkout',
  );
  // A checked-out branch is what the run trained, whatever the runner says.
  git(dir, 'switch', '-q', 'main');
  assert.equal((await resolveProvenance(repo, null, { ref: 'refs/tags/v1.2', sha: head })).ref, 'refs/heads/main');
});

test('a repository without any commit: a ReproError saying so', async (t) => {
  const dir = await tempDir(t);
  git(dir, 'init', '-q');
  await assert.rejects(
    resolveProvenance(await openRepo(dir), null),
    (error: unknown) => error instanceof ReproError && error.message.includes(`${dir} has no commit yet`),
  );
});

/**
 * What actions/checkout leaves on `pull_request` with fetch-depth 1: a bare origin holding base,
 * head and the PR's merge commit, and a clone holding only the merge commit, detached.
 */
async function pullRequestCheckout(
  dir: string,
): Promise<{ clone: string; origin: string; base: string; head: string; merge: string }> {
  const work = path.join(dir, 'work');
  const origin = path.join(dir, 'origin.git');
  const clone = path.join(dir, 'clone');
  git(dir, 'init', '-q', work);
  await committedRepo(work);
  await write(work, '.repro/baseline.json', '{"v":"base"}\n');
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', 'baseline');
  git(work, 'switch', '-q', '-c', 'feature');
  await write(work, 'train.py', 'print("lr 0.2")\n');
  git(work, 'commit', '-q', '-am', 'change lr');
  const head = git(work, 'rev-parse', 'HEAD').trim();
  git(work, 'switch', '-q', 'main');
  await write(work, 'README.md', 'base moved on\n');
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', 'base moves');
  const base = git(work, 'rev-parse', 'HEAD').trim();
  git(work, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
  const merge = git(work, 'rev-parse', 'HEAD').trim();
  git(work, 'update-ref', 'refs/pull/1/merge', merge);
  git(work, 'reset', '-q', '--hard', base);
  git(dir, 'init', '-q', '--bare', origin);
  git(work, 'push', '-q', origin, 'main', 'feature', 'refs/pull/1/merge');
  git(dir, 'init', '-q', clone);
  git(clone, 'remote', 'add', 'origin', `file://${origin}`);
  git(clone, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', '+refs/pull/1/merge:refs/remotes/pull/1/merge');
  git(clone, 'checkout', '-q', '--detach', 'refs/remotes/pull/1/merge');
  return { clone, origin, base, head, merge };
}

test('pull request at a depth-1 merge commit: the base commit is fetched and head/base recorded', async (t) => {
  const dir = await tempDir(t);
  const { clone, base, head } = await pullRequestCheckout(dir);
  assert.throws(() => git(clone, 'cat-file', '-e', `${base}^{commit}`), 'the base commit starts missing');
  const repo = await openRepo(clone);
  const provenance = await resolveProvenance(
    repo,
    { headSha: head, baseSha: base },
    { ref: 'refs/pull/1/merge', sha: git(clone, 'rev-parse', 'HEAD').trim() },
  );
  assert.deepEqual(
    provenance,
    { commit: head, ref: null, shallow: true, baseCommit: base },
    'refs/pull/1/merge names the merge commit, not the trained head: not recorded',
  );
  // With the PR's head branch (pull_request.head.ref / GITHUB_HEAD_REF), the record names it.
  assert.equal(
    (await resolveProvenance(repo, { headSha: head, baseSha: base, headRef: 'feature' })).ref,
    'refs/heads/feature',
  );
  assert.equal(await readFileAtCommit(repo, base, '.repro/baseline.json'), '{"v":"base"}\n');
  assert.equal(git(clone, 'rev-parse', '--is-shallow-repository').trim(), 'true', 'still a shallow clone');
});

test('pull request base missing from a shallow clone with no remote: a clear ReproError', async (t) => {
  const dir = await tempDir(t);
  const { clone, base, head } = await pullRequestCheckout(dir);
  git(clone, 'remote', 'remove', 'origin');
  await assert.rejects(resolveProvenance(await openRepo(clone), { headSha: head, baseSha: base }), (error: unknown) => {
    assert.ok(error instanceof ReproError);
    assert.match(error.message, new RegExp(`base commit ${base} is not in this clone.*no remote`));
    assert.ok(error.hint);
    return true;
  });
});

test('pull request base that the remote does not have: ReproError naming the remote and the fix', async (t) => {
  const dir = await tempDir(t);
  const { clone, head } = await pullRequestCheckout(dir);
  const unknown = 'f'.repeat(40);
  await assert.rejects(
    resolveProvenance(await openRepo(clone), { headSha: head, baseSha: unknown }),
    (error: unknown) => {
      assert.ok(error instanceof ReproError);
      assert.match(error.message, new RegExp(`${unknown}.*fetching it from origin failed`));
      assert.match(error.hint ?? '', /fetch-depth: 0/);
      return true;
    },
  );
});

test('readFileAtCommit: text, null for a missing path, an error for a missing commit or a folder', async (t) => {
  const dir = await tempDir(t);
  const head = await committedRepo(dir);
  await write(dir, 'train.py', 'print("changed, uncommitted")\n');
  const repo = await openRepo(dir);
  assert.equal(await readFileAtCommit(repo, head, 'train.py'), 'print(1)\n');
  assert.equal(await readFileAtCommit(repo, head, 'nope/baseline.json'), null);
  await assert.rejects(
    readFileAtCommit(repo, 'a'.repeat(40), 'train.py'),
    (error: unknown) => error instanceof ReproError && /Commit a{40} is not in this clone/.test(error.message),
  );
  await write(dir, 'cfg/a.yml', 'x: 1\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'cfg');
  await assert.rejects(readFileAtCommit(repo, 'HEAD', 'cfg'), /cfg at HEAD is a tree, not a file/);
});

test('hasCredentialHeader: false by default, true with an extraheader in .git/config or in an included file', async (t) => {
  const dir = await tempDir(t);
  await committedRepo(dir);
  const repo = await openRepo(dir);
  assert.equal(await hasCredentialHeader(repo), false);
  git(dir, 'config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic xxx');
  assert.equal(await hasCredentialHeader(repo), true);
  git(dir, 'config', '--unset', 'http.https://github.com/.extraheader');
  assert.equal(await hasCredentialHeader(repo), false);
  // actions/checkout v6+: the header lives in a file under RUNNER_TEMP, included by gitdir.
  const credentials = path.join(dir, '..', `${path.basename(dir)}-credentials.config`);
  t.after(() => import('node:fs/promises').then((fs) => fs.rm(credentials, { force: true })));
  git(dir, 'config', '--file', credentials, 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic yyy');
  git(dir, 'config', `includeIf.gitdir:${path.join(dir, '.git')}.path`, credentials);
  assert.equal(await hasCredentialHeader(repo), true);
});
