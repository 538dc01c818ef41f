import { spawn } from 'node:child_process';

/**
 * Our own small spawn wrapper for the training (and other long commands): @actions/exec has
 * no process groups, and a training that forks data-loader workers must be stopped whole.
 * The child runs in its own process group (`detached`); on timeout, abort or our own
 * SIGINT/SIGTERM (the job was cancelled) the whole group gets SIGTERM, then SIGKILL after a
 * grace period (shorter on cancellation, see CANCEL_KILL_GRACE_MS). Output is streamed line by line and only a bounded tail is kept, so a training
 * that prints a gigabyte cannot exhaust our memory.
 */
export interface ProcessOptions {
  /** Run with `bash -c` (pipes, &&, redirections work). */
  shell?: string;
  /** Run without a shell. */
  argv?: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** SIGTERM to SIGKILL after a timeout (default TIMEOUT_KILL_GRACE_MS). */
  killGraceMs?: number;
  /** SIGTERM to SIGKILL on cancellation: abort or our own SIGINT/SIGTERM (default CANCEL_KILL_GRACE_MS). */
  cancelGraceMs?: number;
  onOutputLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Bytes of output tail kept for the error report (default 64 KiB). */
  maxCapturedBytes?: number;
  signal?: AbortSignal;
  /** argv put before the command (a PID-namespace launcher, src/proc/isolation.ts). */
  wrapper?: string[];
}

export interface ProcessResult {
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
/** A line longer than this is cut when kept in the tail (it is still streamed whole). */
const MAX_LINE_CHARS = 4096;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How long output still written by escaped grandchildren is read after the command exited. */
const PIPE_DRAIN_MS = 2_000;

export async function runProcess(options: ProcessOptions): Promise<ProcessResult> {
  const command = options.shell !== undefined ? ['bash', '-c', options.shell] : (options.argv ?? []);
  if (command.length === 0) throw new TypeError('runProcess needs `shell` or a non-empty `argv`');
  const [file, ...args] = [...(options.wrapper ?? []), ...command] as [string, ...string[]];
  const started = Date.now();
  const tail = new OutputTail(options.maxCapturedBytes ?? 64 * 1024);
  const killGraceMs = options.killGraceMs ?? TIMEOUT_KILL_GRACE_MS;
  const cancelGraceMs = options.cancelGraceMs ?? CANCEL_KILL_GRACE_MS;

  return new Promise<ProcessResult>((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let killTimer: NodeJS.Timeout | undefined;
    let killAt = Infinity;
    // spawn throws synchronously for arguments it refuses (a NUL byte); E2BIG and ENOENT come as 'error' events.
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, args, {
        cwd: options.cwd,
        env: options.env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      resolve({
        exitCode: null,
        signal: null,
        timedOut: false,
        cancelled: false,
        outputTail: [],
        durationMs: 0,
        startError: startErrorText(error as NodeJS.ErrnoException),
      });
      return;
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
    // The job was cancelled: the runner signals us; pass it on to the training's group.
    process.on('SIGINT', cancel);
    process.on('SIGTERM', cancel);

    const readers = (['stdout', 'stderr'] as const).map((stream) =>
      lineReader(child[stream]!, (line) => {
        tail.push(line);
        options.onOutputLine?.(line, stream);
      }),
    );

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
      process.off('SIGINT', cancel);
      process.off('SIGTERM', cancel);
      readers.forEach((flush) => flush());
      if (killTimer) clearTimeout(killTimer);
      if (drainTimer) clearTimeout(drainTimer);
      const failed = spawnError as NodeJS.ErrnoException | null;
      if (failed?.code === 'ENOENT') {
        tail.push(`${file}: command not found`);
        resolve({
          exitCode: 127,
          signal: null,
          timedOut,
          cancelled,
          outputTail: tail.lines(),
          durationMs: Date.now() - started,
          startError: null,
        });
        return;
      }
      if (failed) {
        resolve({
          exitCode: null,
          signal: null,
          timedOut,
          cancelled,
          outputTail: tail.lines(),
          durationMs: Date.now() - started,
          startError: startErrorText(failed),
        });
        return;
      }
      resolve({
        exitCode: code,
        signal,
        timedOut,
        cancelled,
        outputTail: tail.lines(),
        durationMs: Date.now() - started,
        startError: null,
      });
    });
  });
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

/** Splits a stream into lines without keeping more than one partial line in memory. */
function lineReader(stream: NodeJS.ReadableStream, onLine: (line: string) => void): () => void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const text = partial + chunk;
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    // A child that never prints a newline must not grow `partial` without bound.
    if (partial.length > 1024 * 1024) {
      onLine(partial);
      partial = '';
    }
    for (const line of lines) onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  });
  return () => {
    if (partial) onLine(partial);
    partial = '';
  };
}

/** The last lines of output within a byte budget. */
class OutputTail {
  private readonly kept: string[] = [];
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}
  push(line: string): void {
    const cut = line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line;
    this.kept.push(cut);
    this.bytes += Buffer.byteLength(cut);
    while (this.kept.length > TAIL_LINES || (this.bytes > this.maxBytes && this.kept.length > 1))
      this.bytes -= Buffer.byteLength(this.kept.shift()!);
  }
  lines(): string[] {
    return [...this.kept];
  }
}
