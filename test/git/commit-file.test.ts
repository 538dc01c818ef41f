import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ReproError } from '../../src/errors.ts';
import { gitIn } from '../../src/git/command.ts';
import { commitFileOnto } from '../../src/git/commit-file.ts';
import { GIT_ENV, makeRemotes, sh, type Remotes } from './remote-fixture.ts';

const BOT = { name: 'repro bot', email: 'bot@example.com' };

async function withRemotes(body: (remotes: Remotes) => Promise<void>): Promise<void> {
  const remotes = await makeRemotes();
  try {
    await body(remotes);
  } finally {
    await remotes.close();
  }
}

/** HEAD, the branch, `git status` and the index file's bytes: what "the checkout is untouched" means. */
async function checkoutState(checkout: string): Promise<unknown[]> {
  return [
    sh(checkout, 'rev-parse', 'HEAD'),
    sh(checkout, 'symbolic-ref', 'HEAD'),
    // --no-optional-locks: `git status` itself must not refresh (rewrite) the index it is checking.
    sh(checkout, '--no-optional-locks', 'status', '--porcelain', '--untracked-files=all'),
    await readFile(path.join(checkout, '.git', 'index')),
    (await stat(path.join(checkout, '.git', 'index'))).mtimeMs,
  ];
}

test('a file committed in a temporary index: one commit on the parent, with the identity and message, and the checkout untouched', async () => {
  await withRemotes(async ({ checkout, git }) => {
    const before = await checkoutState(checkout);
    const head = sh(checkout, 'rev-parse', 'HEAD');
    const built = await commitFileOnto(git, {
      parent: head,
      path: 'records/nested/baseline.json',
      content: '{"loss": [1, 0.5]}\n',
      message: 'Update the baseline\n\nTrained at abc (seed 7)',
      identity: BOT,
    });
    assert.equal(built.changed, true);
    assert.match(built.sha, /^[0-9a-f]{40}$/);
    assert.equal(sh(checkout, 'rev-parse', `${built.sha}^`), head);
    assert.equal(sh(checkout, 'show', `${built.sha}:records/nested/baseline.json`), '{"loss": [1, 0.5]}');
    assert.equal(sh(checkout, 'show', `${built.sha}:seed.txt`), 'seed', "the parent's files are kept");
    assert.deepEqual(sh(checkout, 'diff', '--name-only', head, built.sha).split('\n'), [
      'records/nested/baseline.json',
    ]);
    assert.equal(
      sh(checkout, 'log', '-1', '--format=%an <%ae> / %cn <%ce>%n%B', built.sha),
      'repro bot <bot@example.com> / repro bot <bot@example.com>\nUpdate the baseline\n\nTrained at abc (seed 7)',
    );
    assert.deepEqual(await checkoutState(checkout), before);
  });
});

test('content the parent already holds makes no commit; the same file changed again goes on any parent', async () => {
  await withRemotes(async ({ checkout, git, pushFromOther }) => {
    const head = sh(checkout, 'rev-parse', 'HEAD');
    const same = await commitFileOnto(git, {
      parent: head,
      path: 'seed.txt',
      content: 'seed\n',
      message: 'no-op',
      identity: BOT,
    });
    assert.deepEqual(same, { sha: head, changed: false });

    // A parent the checkout has never had checked out: the remote's newer tip, fetched.
    const tip = pushFromOther('main', 'notes.md', 'theirs\n');
    sh(checkout, 'fetch', '--quiet', 'origin');
    const onTip = await commitFileOnto(git, {
      parent: tip,
      path: 'seed.txt',
      content: 'changed\r\nwith CRLF\r\n',
      message: 'change seed',
      identity: BOT,
    });
    assert.equal(onTip.changed, true);
    assert.equal(sh(checkout, 'rev-parse', `${onTip.sha}^`), tip);
    assert.equal(sh(checkout, 'show', `${onTip.sha}:notes.md`), 'theirs');
    const stored = await gitIn(checkout, GIT_ENV)(['cat-file', 'blob', `${onTip.sha}:seed.txt`]);
    assert.equal(stored.stdout, 'changed\r\nwith CRLF\r\n', 'the bytes are stored and read back as given');
  });
});

test('a parent that does not exist is a ReproError naming the step', async () => {
  await withRemotes(async ({ git }) => {
    await assert.rejects(
      commitFileOnto(git, { parent: 'f'.repeat(40), path: 'a.json', content: '{}', message: 'm', identity: BOT }),
      (error: unknown) => {
        assert.ok(error instanceof ReproError);
        assert.match(error.message, /^Could not read the tree of f{40}: git exited with 128: /);
        return true;
      },
    );
  });
});
