import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lineSplitter, OutputTail } from './output-lines.ts';

/**
 * The one spawn of repro-check: the training, the built-in trainer's worker, npm, the Python
 * probe, git and nvidia-smi all run through runProcess (short commands through
 * runCapturedProcess, run-captured.ts). @actions/exec has no process groups, and a training
 * that forks data-loader workers must be stopped whole. The child runs in its own process group
 * (`detached`); on timeout, abort or our own SIGINT/SIGTERM (the job was cancelled) the whole
 * group gets SIGTERM, then SIGKILL after a grace period (shorter on cancellation, see
 * CANCEL_KILL_GRACE_MS). Output is streamed line by line and only a bounded tail is kept, so a
 * training that prints a gigabyte cannot exhaust our memory.
 */
export interface ProcessOptions {
  /** Run with `bash -c` (pipes, &&, redirections work). */
  shell?: string;
  /** Run without a shell. */
  argv?: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Milliseconds before the group is stopped as timed out (clamped to about 24.8 days). */
  timeoutMs: number;
  /** SIGTERM to SIGKILL after a timeout, in ms (default TIMEOUT_KILL_GRACE_MS). */
  killGraceMs?: number;
  /** SIGTERM to SIGKILL on cancellation, in ms: abort or our own SIGINT/SIGTERM (default CANCEL_KILL_GRACE_MS). */
  cancelGraceMs?: number;
  /** Each line of output as it comes (without its newline). */
  onOutputLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Each chunk of output as it comes, decoded as UTF-8 but not split: for callers that keep the output whole. */
  onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
  /** Written to the child's stdin, which is then closed; without it stdin is /dev/null. */
  input?: string;
  /** Bytes of output tail kept for the error report (default 64 KiB). */
  maxCapturedBytes?: number;
  signal?: AbortSignal;
  /** argv put before the command (a PID-namespace launcher, src/proc/isolation.ts). */
  wrapper?: string[];
}

export interface ProcessResult {
  /** The exit code; null when a signal ended it or it never started. 127 when the program was not found. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  /** The last lines of stdout and stderr together (at most TAIL_LINES and maxCapturedBytes). */
  outputTail: string[];
  durationMs: number;
  /**
   * Why the command could not be started at all, in words ("argument list too long"), for
   * errors other than a missing program (which is exit code 127, as from a shell); else null.
   */
  startError: string | null;
}

/** After a timeout nobody is waiting on us: a training gets time to flush its logs and checkpoints. */
export const TIMEOUT_KILL_GRACE_MS = 10_000;
/**
 * A cancelled GitHub job gets SIGINT, then SIGTERM about 7.5 s later, then SIGKILL about 2.5 s
 * after that: we have ~10 s in all, and a SIGKILL to us would leave the training's process
 * group running on a self-hosted runner. 5 s after our SIGTERM the group is killed, well
 * before the runner kills us.
 */
export const CANCEL_KILL_GRACE_MS = 5_000;
const TAIL_LINES = 50;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How long output still written by escaped grandchildren is read after the command exited. */
const PIPE_DRAIN_MS = 2_000;

/**
 * Runs one command in its own process group and resolves when it and its output are done.
 * Never rejects for what the command does: a missing program is exit code 127 (with
 * "<file>: command not found" in the tail), any other start failure is `startError`.
 * Throws (a TypeError) only when given neither `shell` nor a non-empty `argv`.
 */
export async function runProcess(options: ProcessOptions): Promise<ProcessResult> {
  const command = options.shell !== undefined ? ['bash', '-c', options.shell] : (options.argv ?? []);
  if (command.length === 0) throw new TypeError('runProcess needs `shell` or a non-empty `argv`');
  const [file, ...args] = [...(options.wrapper ?? []), ...command] as [string, ...string[]];
  const started = Date.now();
  const tail = new OutputTail(options.maxCapturedBytes ?? 64 * 1024, TAIL_LINES);
  const killGraceMs = options.killGraceMs ?? TIMEOUT_KILL_GRACE_MS;
  const cancelGraceMs = options.cancelGraceMs ?? CANCEL_KILL_GRACE_MS;

  return new Promise<ProcessResult>((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let killTimer: NodeJS.Timeout | undefined;
    let killAt = Infinity;
    const finish = (ended: Pick<ProcessResult, 'exitCode' | 'signal' | 'startError'>) =>
      resolve({ ...ended, timedOut, cancelled, outputTail: tail.lines(), durationMs: Date.now() - started });
    // spawn throws synchronously for arguments it refuses (a NUL byte); E2BIG and ENOENT come as 'error' events.
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, args, {
        cwd: options.cwd,
        env: options.env,
        detached: true,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      finish({ exitCode: null, signal: null, startError: startErrorText(error as NodeJS.ErrnoException) });
      return;
    }
    if (child.stdin) {
      // A command that exits without reading its stdin makes the write fail with EPIPE; its exit code tells the story.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }

    // SIGTERM once; SIGKILL when the grace runs out. A cancel during a timeout's longer grace
    // brings the SIGKILL forward.
    const stopGroup = (graceMs: number) => {
      if (killTimer === undefined) signalGroup(child.pid, 'SIGTERM');
      if (Date.now() + graceMs >= killAt) return;
      killAt = Date.now() + graceMs;
      clearTimeout(killTimer);
      killTimer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
    };
    // setTimeout fires at once for delays above 2^31-1 ms (~24.8 days): clamp instead.
    const timeout = setTimeout(
      () => {
        timedOut = true;
        stopGroup(killGraceMs);
      },
      Math.min(options.timeoutMs, MAX_TIMER_MS),
    );
    const cancel = () => {
      cancelled = true;
      stopGroup(cancelGraceMs);
    };
    options.signal?.addEventListener('abort', cancel, { once: true });
    if (options.signal?.aborted) cancel();
    const stopListening = onOurTermination(cancel);

    const splitters = (['stdout', 'stderr'] as const).map((stream) => {
      const splitter = lineSplitter((line) => {
        tail.push(line);
        options.onOutputLine?.(line, stream);
      });
      child[stream]!.setEncoding('utf8');
      child[stream]!.on('data', (chunk: string) => {
        options.onOutput?.(chunk, stream);
        splitter.push(chunk);
      });
      return splitter;
    });

    let spawnError: NodeJS.ErrnoException | null = null;
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    // A background grandchild (`sleep 100 &`) keeps the output pipes open after the command
    // exits, so 'close' would wait for it: on exit, the group's leftovers are killed first.
    // One that left the group (setsid, a daemon) survives that: after a short drain, our ends
    // of the pipes are closed so that 'close' still comes.
    let drainTimer: NodeJS.Timeout | undefined;
    child.on('exit', () => {
      signalGroup(child.pid, 'SIGKILL');
      drainTimer = setTimeout(() => {
        child.stdout!.destroy();
        child.stderr!.destroy();
      }, PIPE_DRAIN_MS);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timeout);
      options.signal?.removeEventListener('abort', cancel);
      stopListening();
      splitters.forEach((splitter) => splitter.flush());
      if (killTimer) clearTimeout(killTimer);
      if (drainTimer) clearTimeout(drainTimer);
      const failed = spawnError as NodeJS.ErrnoException | null;
      // spawn says ENOENT for a missing working directory as for a missing program.
      if (failed?.code === 'ENOENT' && !existsSync(options.cwd))
        finish({ exitCode: null, signal: null, startError: `its working directory ${options.cwd} does not exist` });
      else if (failed?.code === 'ENOENT') {
        tail.push(`${file}: command not found`);
        finish({ exitCode: 127, signal: null, startError: null });
      } else if (failed) finish({ exitCode: null, signal: null, startError: startErrorText(failed) });
      else finish({ exitCode: code, signal, startError: null });
    });
  });
}

/**
 * The commands running now, each told when we get SIGINT or SIGTERM (the job was cancelled),
 * through one listener per signal however many run at once (no MaxListeners warning).
 */
const onTermination = new Set<() => void>();
const passOnTermination = () => onTermination.forEach((cancel) => cancel());

function onOurTermination(cancel: () => void): () => void {
  if (onTermination.size === 0) {
    process.on('SIGINT', passOnTermination);
    process.on('SIGTERM', passOnTermination);
  }
  onTermination.add(cancel);
  return () => {
    onTermination.delete(cancel);
    if (onTermination.size > 0) return;
    process.off('SIGINT', passOnTermination);
    process.off('SIGTERM', passOnTermination);
  };
}

/** A spawn failure in words: the errno's meaning where Node gives only the code (E2BIG, EACCES …). */
function startErrorText(error: NodeJS.ErrnoException): string {
  if (error.code === 'ERR_INVALID_ARG_VALUE') return 'it contains a NUL character, which no program argument can hold';
  const known: Record<string, string> = {
    E2BIG:
      'argument list too long (Linux allows at most 128 KiB in one argument and about 2 MiB for all arguments and the environment together)',
    EACCES: 'permission denied',
    ENOMEM: 'out of memory',
    EAGAIN: 'too many processes (resource temporarily unavailable)',
    ENOEXEC: 'not an executable format',
  };
  return (error.code && known[error.code]) ?? error.message;
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
