import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import {
  CANCEL_KILL_GRACE_MS,
  TIMEOUT_KILL_GRACE_MS,
  runProcess,
  type ProcessOptions,
} from '../../src/proc/run-process.ts';

function run(
  options:
    | (Partial<ProcessOptions> & Pick<ProcessOptions, 'shell'>)
    | (Partial<ProcessOptions> & Pick<ProcessOptions, 'argv'>),
) {
  const lines: string[] = [];
  const result = runProcess({
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs: 30_000,
    onOutputLine: (line) => lines.push(line),
    ...options,
  });
  return result.then((r) => ({ ...r, lines }));
}

/**
 * `kill(pid, 0)` succeeds on a zombie too: an orphan killed with its group is reparented to
 * PID 1, which may reap it late (here PID 1 is a VM init). A zombie runs nothing: it counts as gone.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = (() => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return null;
    }
  })();
  return stat === null || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** The group is signalled as the command ends: give the kernel a moment to deliver it. */
async function waitGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return !isAlive(pid);
}

test('exit codes come back, and bash -c runs pipes and &&', async () => {
  assert.equal((await run({ shell: 'exit 0' })).exitCode, 0);
  assert.equal((await run({ shell: 'exit 3' })).exitCode, 3);
  const piped = await run({ shell: 'printf "b\\na\\n" | sort && echo done; false || echo recovered' });
  assert.equal(piped.exitCode, 0);
  assert.deepEqual(piped.lines, ['a', 'b', 'done', 'recovered']);
  assert.deepEqual(piped.outputTail, ['a', 'b', 'done', 'recovered']);
  const argv = await run({ argv: ['node', '-e', 'console.log(process.argv[1]); process.exit(4)', 'x y'] });
  assert.deepEqual([argv.exitCode, argv.lines], [4, ['x y']]);
});

test('stderr lines are delivered with their stream; a last line without newline is not lost', async () => {
  const seen: Array<[string, string]> = [];
  const result = await runProcess({
    shell: 'echo out; echo err >&2; printf "no newline"',
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs: 30_000,
    onOutputLine: (line, stream) => seen.push([stream, line]),
  });
  assert.equal(result.exitCode, 0);
  assert.deepEqual(seen.sort(), [
    ['stderr', 'err'],
    ['stdout', 'no newline'],
    ['stdout', 'out'],
  ]);
  assert.ok(result.outputTail.includes('no newline'));
});

test('a command that is not found: exit 127 and the tail says so (shell and argv)', async () => {
  const shell = await run({ shell: 'surely-not-a-command-xyz --train' });
  assert.equal(shell.exitCode, 127);
  assert.match(shell.outputTail.join('\n'), /surely-not-a-command-xyz: command not found/);
  const argv = await run({ argv: ['surely-not-a-command-xyz'] });
  assert.equal(argv.exitCode, 127);
  assert.match(argv.outputTail.join('\n'), /surely-not-a-command-xyz: command not found/);
});

test('a timeout stops the whole process group, grandchildren included', async () => {
  const result = await run({ shell: 'sleep 100 & echo $!; sleep 100', timeoutMs: 300 });
  assert.equal(result.timedOut, true);
  assert.equal(result.cancelled, false);
  assert.equal(result.signal, 'SIGTERM');
  const grandchild = Number(result.lines[0]);
  assert.ok(grandchild > 0, `grandchild pid printed: ${result.lines[0]}`);
  assert.ok(await waitGone(grandchild), `grandchild ${grandchild} still running`);
});

test('an AbortSignal cancels the whole group', async () => {
  const controller = new AbortController();
  const pending = runProcess({
    shell: 'sleep 100 & echo $!; sleep 100',
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs: 30_000,
    signal: controller.signal,
    onOutputLine: (line) => {
      grandchild = Number(line);
      controller.abort();
    },
  });
  let grandchild = 0;
  const result = await pending;
  assert.equal(result.cancelled, true);
  assert.equal(result.timedOut, false);
  assert.ok(grandchild > 0);
  assert.ok(await waitGone(grandchild), `grandchild ${grandchild} still running`);
});

test('an already aborted signal stops the command at once', async () => {
  const result = await runProcess({
    shell: 'sleep 100',
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs: 30_000,
    signal: AbortSignal.abort(),
  });
  assert.equal(result.cancelled, true);
  assert.notEqual(result.exitCode, 0);
});

test('a child that ignores SIGTERM is killed with SIGKILL after the grace period', async () => {
  const result = await run({
    shell: 'trap "" TERM; echo ready; while :; do sleep 0.05; done',
    timeoutMs: 300,
    killGraceMs: 300,
  });
  assert.equal(result.timedOut, true);
  assert.equal(result.signal, 'SIGKILL');
  assert.deepEqual(result.lines, ['ready']);
});

test("on cancellation the SIGKILL comes after the shorter grace, inside the runner's cancel window", async () => {
  // The runner sends SIGINT, SIGTERM ~7.5 s later and SIGKILL ~2.5 s after that: ~10 s in all.
  assert.ok(CANCEL_KILL_GRACE_MS <= 5_000 && CANCEL_KILL_GRACE_MS < TIMEOUT_KILL_GRACE_MS);
  const controller = new AbortController();
  const result = await runProcess({
    shell: 'trap "" TERM; echo ready; while :; do sleep 0.05; done',
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs: 60_000,
    signal: controller.signal,
    onOutputLine: () => controller.abort(),
  });
  // Default graces: killed about 5 s after the abort, not 10 (loose bounds: a busy machine).
  assert.equal(result.cancelled, true);
  assert.equal(result.signal, 'SIGKILL');
  assert.ok(
    result.durationMs >= CANCEL_KILL_GRACE_MS - 500 && result.durationMs < TIMEOUT_KILL_GRACE_MS - 1_000,
    `killed after ${result.durationMs} ms`,
  );
});

test("a cancel during a timeout's grace brings the SIGKILL forward", async () => {
  const controller = new AbortController();
  const result = await runProcess({
    shell: 'trap "" TERM; echo ready; while :; do sleep 0.05; done',
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs: 200,
    killGraceMs: 120_000,
    cancelGraceMs: 300,
    signal: controller.signal,
    onOutputLine: () => setTimeout(() => controller.abort(), 1_000),
  });
  assert.equal(result.timedOut, true);
  assert.equal(result.cancelled, true);
  assert.equal(result.signal, 'SIGKILL');
  assert.ok(result.durationMs < 30_000, `killed after ${result.durationMs} ms`);
});

test('a background grandchild holding stdout open does not keep runProcess waiting, and is cleaned up', async () => {
  const result = await run({ shell: 'sleep 60 & echo $!; echo finished' });
  assert.equal(result.exitCode, 0);
  assert.equal(result.timedOut, false);
  assert.deepEqual(result.lines, [result.lines[0], 'finished']);
  assert.ok(await waitGone(Number(result.lines[0])));
});

test('a grandchild that left the process group (setsid) holding stdout open does not keep runProcess waiting', async (t) => {
  const result = await run({ shell: 'setsid sleep 60 & echo $!; echo finished' });
  const escaped = Number(result.lines[0]);
  t.after(() => {
    if (isAlive(escaped)) process.kill(escaped, 'SIGKILL');
  });
  assert.equal(result.exitCode, 0);
  assert.ok(result.lines.includes('finished'));
  assert.ok(result.durationMs < 30_000);
});

test('output is bounded: ~50 MB printed keeps a small tail and does not grow our memory', async () => {
  const before = process.memoryUsage().rss;
  let streamedBytes = 0;
  const result = await runProcess({
    // 500,000 lines of 100 characters, plus one 2 MB line with no newline at the end.
    shell: `node -e 'const l = "x".repeat(99) + "\\n"; const b = l.repeat(10000); for (let i = 0; i < 50; i++) process.stdout.write(b); process.stdout.write("y".repeat(2 * 1024 * 1024))'`,
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs: 60_000,
    onOutputLine: (line) => {
      streamedBytes += line.length + 1;
    },
  });
  const grown = process.memoryUsage().rss - before;
  assert.equal(result.exitCode, 0);
  assert.ok(streamedBytes >= 52_000_000, `streamed ${streamedBytes}`);
  assert.ok(result.outputTail.length <= 50);
  const tailChars = result.outputTail.reduce((sum, line) => sum + line.length, 0);
  assert.ok(tailChars <= 64 * 1024 + 4097, `tail holds ${tailChars} characters`);
  assert.ok(result.outputTail.at(-1)!.startsWith('yyyy'), 'the last (unterminated) line is in the tail, cut');
  assert.ok(grown < 100 * 1024 * 1024, `RSS grew by ${(grown / 1048576).toFixed(1)} MiB`);
});

test('maxCapturedBytes bounds the tail in bytes, multi-byte characters counted as bytes', async () => {
  const result = await run({
    shell: 'for i in $(seq 1 40); do echo "ééééééééééééééééééééééééééééééééééééééééééééééééé $i"; done',
    maxCapturedBytes: 1000,
  });
  const bytes = result.outputTail.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
  assert.ok(bytes <= 1000, `tail holds ${bytes} bytes`);
  assert.equal(result.outputTail.at(-1), `${'é'.repeat(49)} 40`);
});

test('a timeout beyond what setTimeout can hold does not fire at once', async () => {
  const result = await run({ shell: 'sleep 0.3; echo slept', timeoutMs: 40 * 24 * 3600 * 1000 });
  assert.equal(result.timedOut, false);
  assert.deepEqual(result.lines, ['slept']);
});

test('the cwd and env given are the ones the command runs with', async () => {
  const result = await run({
    shell: 'pwd; echo "$ONLY_HERE"',
    cwd: '/',
    env: { PATH: process.env.PATH, ONLY_HERE: 'yes' },
  });
  assert.deepEqual(result.lines, ['/', 'yes']);
});

test('our own SIGTERM (the job was cancelled) is passed on to the group as a cancel', async () => {
  let grandchild = 0;
  const result = await runProcess({
    shell: 'sleep 100 & echo $!; sleep 100',
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs: 30_000,
    onOutputLine: (line) => {
      grandchild = Number(line);
      process.kill(process.pid, 'SIGTERM');
    },
  });
  assert.equal(result.cancelled, true);
  assert.ok(await waitGone(grandchild));
  assert.equal(process.listenerCount('SIGTERM'), 0, 'our handler is removed afterwards');
});
