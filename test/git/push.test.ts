import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gitIn } from '../../src/git/command.ts';
import { commitFileOnto } from '../../src/git/commit-file.ts';
import { pushWithRetry, type PushWithRetryOptions } from '../../src/git/push.ts';
import { fetchBranchTip, openRemote, remoteBranchSha, type Remote } from '../../src/git/remote.ts';
import { GIT_ENV, makeRemotes, sh, type Remotes } from './remote-fixture.ts';

const BOT = { name: 'repro bot', email: 'bot@example.com' };

async function withRemotes(body: (remotes: Remotes, remote: Remote) => Promise<void>): Promise<void> {
  const remotes = await makeRemotes();
  try {
    await body(remotes, await openRemote(remotes.git, 'origin', ''));
  } finally {
    await remotes.close();
  }
}

/** Options with a recorded log and recorded (not waited) sleeps. */
function recorded(options: Pick<PushWithRetryOptions, 'branch' | 'prepare'> & Partial<PushWithRetryOptions>) {
  const lines: string[] = [];
  const sleeps: number[] = [];
  const full: PushWithRetryOptions = {
    maxTries: 4,
    backoffMs: 100,
    retryReason: 'the branch moved',
    label: 'test commit',
    log: { info: (line) => lines.push(line) },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  };
  return { options: full, lines, sleeps };
}

/** Origin's BRANCH as `subject` lines, newest first. */
function subjects(origin: string, branch = 'main'): string[] {
  return sh(origin, 'log', '--format=%s', branch).split('\n');
}

test('a push that meets a concurrent push is rebuilt on the fetched tip and lands on top of it, after one wait', async () => {
  await withRemotes(async (remotes, remote) => {
    const head = sh(remotes.checkout, 'rev-parse', 'HEAD');
    let theirs = '';
    const parents: string[] = [];
    const { options, lines, sleeps } = recorded({
      branch: 'main',
      prepare: async (attempt) => {
        const parent = attempt === 1 ? head : await fetchBranchTip(remote, 'main');
        parents.push(parent);
        const built = await commitFileOnto(remote.git, {
          parent,
          path: 'ours.txt',
          content: 'ours\n',
          message: 'our change',
          identity: BOT,
        });
        return { sha: built.sha };
      },
      beforePush: async (attempt) => {
        if (attempt === 1) theirs = remotes.pushFromOther('main', 'theirs.txt', 'theirs\n');
      },
    });
    const result = await pushWithRetry(remote, options);
    assert.equal(result.status, 'pushed');
    assert.equal(result.tries, 2);
    assert.deepEqual(sleeps, [100]);
    assert.deepEqual(parents, [head, theirs]);
    assert.deepEqual(subjects(remotes.origin), ['our change', 'other change 1', 'seed']);
    assert.ok(result.status === 'pushed');
    assert.equal(sh(remotes.origin, 'rev-parse', 'main'), result.sha);
    assert.equal(sh(remotes.origin, 'rev-parse', 'main^'), theirs, 'their commit is kept, under ours');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^Pushing test commit [0-9a-f]{12} to main \(try 1 of 4\)\.$/);
    assert.equal(lines[1], 'the branch moved (try 2 of 4, after 100 ms).');
    assert.equal(lines[2], `Pushing test commit ${result.sha.slice(0, 12)} to main (try 2 of 4).`);
  });
});

test('two publishers pushing to the same branch at once: both commits land, one on top of the other', async () => {
  const remotes = await makeRemotes();
  try {
    // A second checkout of the same origin, publishing at the same time as the first.
    const second = `${remotes.root}/second`;
    sh(remotes.root, 'clone', '--quiet', remotes.origin, second);
    const publish = async (dir: string, file: string) => {
      const remote = await openRemote(gitIn(dir, GIT_ENV), 'origin', '');
      const head = sh(dir, 'rev-parse', 'HEAD');
      const { options } = recorded({
        branch: 'main',
        maxTries: 10,
        backoffMs: 1,
        prepare: async (attempt) => {
          const parent = attempt === 1 ? head : await fetchBranchTip(remote, 'main');
          const built = await commitFileOnto(remote.git, {
            parent,
            path: file,
            content: file,
            message: file,
            identity: BOT,
          });
          return { sha: built.sha };
        },
      });
      return pushWithRetry(remote, options);
    };
    const results = await Promise.all([publish(remotes.checkout, 'first.txt'), publish(second, 'second.txt')]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['pushed', 'pushed'],
    );
    const log = subjects(remotes.origin);
    assert.deepEqual([...log].sort(), ['first.txt', 'second.txt', 'seed']);
    assert.equal(log[2], 'seed', 'a linear history: neither overwrote the other');
    assert.deepEqual(sh(remotes.origin, 'ls-tree', '--name-only', 'main').split('\n'), [
      'first.txt',
      'second.txt',
      'seed.txt',
    ]);
  } finally {
    await remotes.close();
  }
});

test('with a lease, a branch moved between our look and our push is not overwritten; the retry reads the lease again and forces it', async () => {
  await withRemotes(async (remotes, remote) => {
    const head = sh(remotes.checkout, 'rev-parse', 'HEAD');
    const built = await commitFileOnto(remote.git, {
      parent: head,
      path: 'p.txt',
      content: 'p',
      message: 'proposal',
      identity: BOT,
    });
    assert.equal(await remoteBranchSha(remote, 'proposal'), '', 'an absent branch reads as the empty lease');
    const leases: string[] = [];
    let moved = '';
    const { options, sleeps } = recorded({
      branch: 'proposal',
      prepare: async () => {
        const lease = await remoteBranchSha(remote, 'proposal');
        leases.push(lease);
        return { sha: built.sha, lease };
      },
      beforePush: async (attempt) => {
        if (attempt === 1) moved = remotes.pushFromOther('proposal', 'stray.txt', 'pushed meanwhile');
        if (attempt === 2)
          assert.equal(sh(remotes.origin, 'rev-parse', 'proposal'), moved, 'the lease held the branch');
      },
    });
    const result = await pushWithRetry(remote, options);
    assert.deepEqual(result, { status: 'pushed', sha: built.sha, tries: 2 });
    assert.deepEqual(leases, ['', moved]);
    assert.deepEqual(sleeps, [100]);
    assert.equal(
      sh(remotes.origin, 'rev-parse', 'proposal'),
      built.sha,
      'forced to our commit, seen at the second look',
    );
  });
});

test('a branch that moves before every push: the loop gives up after maxTries with the last commit built, waits doubling', async () => {
  await withRemotes(async (remotes, remote) => {
    const head = sh(remotes.checkout, 'rev-parse', 'HEAD');
    const built: string[] = [];
    const { options, sleeps } = recorded({
      branch: 'main',
      maxTries: 3,
      prepare: async (attempt) => {
        const parent = attempt === 1 ? head : await fetchBranchTip(remote, 'main');
        const commit = await commitFileOnto(remote.git, {
          parent,
          path: 'o.txt',
          content: 'o',
          message: 'ours',
          identity: BOT,
        });
        built.push(commit.sha);
        return { sha: commit.sha };
      },
      beforePush: async (attempt) => {
        remotes.pushFromOther('main', `busy-${attempt}.txt`, String(attempt));
      },
    });
    const result = await pushWithRetry(remote, options);
    assert.deepEqual(result, { status: 'gave-up', sha: built[2], tries: 3 });
    assert.deepEqual(sleeps, [100, 200]);
    assert.deepEqual(subjects(remotes.origin), ['other change 3', 'other change 2', 'other change 1', 'seed']);
  });
});

test('a refused push is returned, not retried: branch protection as `protected`, another hook as `failed`; nothing to push makes no push', async () => {
  await withRemotes(async (remotes, remote) => {
    const head = sh(remotes.checkout, 'rev-parse', 'HEAD');
    const commit = await commitFileOnto(remote.git, {
      parent: head,
      path: 'x',
      content: 'x',
      message: 'x',
      identity: BOT,
    });
    await remotes.refusePushesTo('main', 'error: GH006: Protected branch update failed for refs/heads/main.');
    const protectedRun = recorded({ branch: 'main', prepare: async () => ({ sha: commit.sha }) });
    const refused = await pushWithRetry(remote, protectedRun.options);
    assert.ok(refused.status === 'refused');
    assert.equal(refused.outcome, 'protected');
    assert.equal(refused.tries, 1);
    assert.match(refused.output.stderr, /GH006/);
    assert.deepEqual(protectedRun.sleeps, []);

    await remotes.refusePushesTo('main', 'error: the hook says no');
    const failed = await pushWithRetry(
      remote,
      recorded({ branch: 'main', prepare: async () => ({ sha: commit.sha }) }).options,
    );
    assert.ok(failed.status === 'refused');
    assert.equal(failed.outcome, 'failed');

    let pushes = 0;
    const nothing = await pushWithRetry(
      remote,
      recorded({ branch: 'main', prepare: async () => null, beforePush: async () => void (pushes += 1) }).options,
    );
    assert.deepEqual(nothing, { status: 'nothing', tries: 1 });
    assert.equal(pushes, 0);
    assert.deepEqual(subjects(remotes.origin), ['seed']);
  });
});

test('a shallow checkout fetches the tip shallow; an unknown remote is a ReproError naming it', async () => {
  const remotes = await makeRemotes({ shallowCheckout: true });
  try {
    const remote = await openRemote(remotes.git, 'origin', '');
    remotes.pushFromOther('main', 'a.txt', 'a');
    const tip = remotes.pushFromOther('main', 'b.txt', 'b');
    assert.equal(await fetchBranchTip(remote, 'main'), tip);
    assert.equal(sh(remotes.checkout, 'rev-parse', '--is-shallow-repository'), 'true');
    assert.equal(sh(remotes.checkout, 'rev-list', '--count', tip), '1', 'only the tip was fetched');
    await assert.rejects(openRemote(remotes.git, 'upstream', ''), /Could not read the URL of the remote "upstream"/);
  } finally {
    await remotes.close();
  }
});
