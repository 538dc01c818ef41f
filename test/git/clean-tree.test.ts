import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access, chmod, chown, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ReproError } from '../../src/errors.ts';
import { openFailure, openRepo } from '../../src/git/repo.ts';
import { assertCleanTree } from '../../src/git/clean-tree.ts';
import { committedRepo, git, tempDir, write } from './git-fixture.ts';

async function refusal(dir: string): Promise<ReproError> {
  const repo = await openRepo(dir);
  const error = await assertCleanTree(repo).then(
    () => assert.fail('the tree was accepted as clean'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ReproError, String(error));
  return error;
}

test('a clean tree passes, and ignored files do not count', async (t) => {
  const dir = await tempDir(t);
  await committedRepo(dir);
  await write(dir, 'out/metrics.jsonl', '{"step":1}\n');
  await assertCleanTree(await openRepo(dir));
});

test('modified, staged and untracked files are refused, each path listed with a fix', async (t) => {
  const dir = await tempDir(t);
  await committedRepo(dir);
  await write(dir, 'train.py', 'print(2)\n');
  await write(dir, 'model.py', 'x = 1\n');
  git(dir, 'add', 'model.py');
  await write(dir, 'notes/todo.txt', 'later\n');
  const error = await refusal(dir);
  assert.match(error.message, /not clean \(3 paths\)/);
  assert.match(error.message, /\.M train\.py/);
  assert.match(error.message, /A\. model\.py/);
  assert.match(error.message, /\?\? notes\/todo\.txt/);
  assert.ok(error.message.includes(dir), 'the message names the repository');
  assert.match(error.hint ?? '', /commit these changes|git stash/);
});

test('25 untracked files: the first 20 are listed, then "and 5 more"', async (t) => {
  const dir = await tempDir(t);
  await committedRepo(dir);
  for (let i = 0; i < 25; i++) await write(dir, `data/f${String(i).padStart(2, '0')}.txt`, `${i}\n`);
  const error = await refusal(dir);
  assert.match(error.message, /25 paths/);
  const listed = error.message.split('\n').filter((line) => line.includes('data/f'));
  assert.equal(listed.length, 20);
  assert.ok(listed[0]!.includes('data/f00.txt') && listed[19]!.includes('data/f19.txt'));
  assert.ok(!error.message.includes('data/f20.txt'));
  assert.match(error.message, /and 5 more/);
});

test('a renamed file is listed once, by its new name', async (t) => {
  const dir = await tempDir(t);
  await committedRepo(dir);
  git(dir, 'mv', 'train.py', 'train_v2.py');
  const error = await refusal(dir);
  assert.match(error.message, /\(1 path\)/);
  assert.match(error.message, /R\. train_v2\.py/);
  assert.equal(error.message.split('\n').filter((line) => line.trim().startsWith('R')).length, 1);
});

test('paths with spaces and non-ASCII names are listed as they are', async (t) => {
  const dir = await tempDir(t);
  await committedRepo(dir);
  await write(dir, 'my data/réseau.csv', 'a\n');
  const error = await refusal(dir);
  assert.ok(error.message.includes('?? my data/réseau.csv'), error.message);
});

async function repoWithSubmodule(dir: string): Promise<{ main: string; sub: string }> {
  const sub = path.join(dir, 'sub-origin');
  const main = path.join(dir, 'main');
  git(dir, 'init', '-q', sub);
  await write(sub, 'lib.py', 'def f(): return 1\n');
  git(sub, 'add', '.');
  git(sub, 'commit', '-q', '-m', 'lib');
  git(dir, 'init', '-q', main);
  await committedRepo(main);
  git(main, 'submodule', '-q', 'add', sub, 'vendor/lib');
  git(main, 'commit', '-q', '-m', 'add submodule');
  return { main, sub };
}

test('a submodule with changes inside, or checked out at another commit, is refused', async (t) => {
  const dir = await tempDir(t);
  const { main } = await repoWithSubmodule(dir);
  const inner = path.join(main, 'vendor/lib');
  await assertCleanTree(await openRepo(main));

  await write(inner, 'lib.py', 'def f(): return 2\n');
  assert.match((await refusal(main)).message, /M vendor\/lib/);
  git(inner, 'checkout', '-q', '--', 'lib.py');

  await write(inner, 'scratch.py', 'x\n');
  assert.match((await refusal(main)).message, /vendor\/lib/);
  await rm(path.join(inner, 'scratch.py'));

  await write(inner, 'lib.py', 'def f(): return 3\n');
  git(inner, 'commit', '-q', '-am', 'moved on');
  const moved = await refusal(main);
  assert.match(moved.message, /M vendor\/lib/);
  assert.match(moved.message, /\(1 path\)/);
});

test('outside a git repository: a ReproError naming the folder', async (t) => {
  const dir = await tempDir(t);
  const error = await openRepo(dir).then(
    () => assert.fail('opened'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ReproError);
  assert.ok(error.message.includes(dir), error.message);
  assert.match(error.message, /not inside a git repository/);
});

test("the repository's fsmonitor and hooks are never run by the gate", async (t) => {
  const dir = await tempDir(t);
  await committedRepo(dir);
  const marker = path.join(dir, '..', `${path.basename(dir)}-hook-ran`);
  t.after(() => rm(marker, { force: true }));
  const script = path.join(dir, '.git', 'evil.sh');
  await write(dir, '.git/evil.sh', `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexit 1\n`);
  await chmod(script, 0o755);
  git(dir, 'config', 'core.fsmonitor', script);
  for (const hook of ['post-checkout', 'post-index-change', 'reference-transaction', 'pre-auto-gc']) {
    await write(dir, `.git/hooks/${hook}`, `#!/bin/sh\necho "${hook}" >> '${marker}'\n`);
    await chmod(path.join(dir, '.git/hooks', hook), 0o755);
  }
  // Control: plain git does run the fsmonitor script, so the marker would show it.
  git(dir, 'status', '--porcelain');
  assert.match(await readFile(marker, 'utf8'), /evil\.sh/);
  await rm(marker);

  const repo = await openRepo(dir);
  await assertCleanTree(repo);
  await repo.run(['update-ref', 'refs/heads/copy', 'HEAD']); // would fire reference-transaction
  await assert.rejects(access(marker), 'no hook or fsmonitor ran');
});

test('a repository owned by another user: the safe.directory fix is named, not "not a repository"', async (t) => {
  const dir = await tempDir(t);
  await committedRepo(dir);
  try {
    // Root can hand the folder to "nobody"; git then refuses it as it does on a self-hosted
    // runner whose workspace was left by another user.
    await chown(dir, 65534, 65534);
  } catch (error) {
    t.skip(`cannot change the folder's owner here (${(error as NodeJS.ErrnoException).code}); needs root`);
    return;
  }
  t.after(() => chown(dir, process.getuid!(), process.getgid!()).catch(() => undefined));
  const error = await openRepo(dir).then(
    () => assert.fail('opened'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ReproError);
  assert.match(error.message, /owned by another user .*\("dubious ownership"\)/);
  assert.match(
    error.hint ?? '',
    new RegExp(`git config --global --add safe\\.directory ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
});

test("git's own dubious-ownership refusal (provoked without root) is told apart from a missing repository", async (t) => {
  const dir = await tempDir(t);
  await committedRepo(dir);
  // GIT_TEST_ASSUME_DIFFERENT_OWNER (git >= 2.35.2) makes git see another owner, as the chown
  // test above does for real where it can run: the stderr is git's own, of this git version.
  const gitStderr = (cwd: string, env: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync('git', ['rev-parse', '--show-toplevel'], {
      cwd,
      env: { ...process.env, LC_ALL: 'C', ...env },
      encoding: 'utf8',
    });
    assert.notEqual(result.status, 0, 'git refused');
    return result.stderr;
  };
  const refused = gitStderr(dir, { GIT_TEST_ASSUME_DIFFERENT_OWNER: '1' });
  if (!/dubious ownership|unsafe repository/.test(refused)) {
    t.skip(`this git predates the ownership check: ${refused.trim()}`);
    return;
  }
  const owned = openFailure(dir, refused);
  assert.match(owned.message, new RegExp(`refuses the repository at ${escape(dir)}: it is owned by another user`));
  assert.doesNotMatch(owned.message, /not inside a git repository/);
  assert.match(owned.hint ?? '', new RegExp(`git config --global --add safe\\.directory ${escape(dir)}`));
  // The wording of git 2.35.2 to 2.35.x.
  const older = openFailure(
    dir,
    `fatal: unsafe repository ('${dir}' is owned by someone else)\nTo add an exception for this directory, call:`,
  );
  assert.match(older.hint ?? '', new RegExp(`safe\\.directory ${escape(dir)}`));

  const outside = await tempDir(t);
  const missing = openFailure(outside, gitStderr(outside));
  assert.match(
    missing.message,
    new RegExp(`^${escape(outside)} is not inside a git repository \\(fatal: not a git repository`),
  );
  assert.doesNotMatch(missing.hint ?? '', /safe\.directory/);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
