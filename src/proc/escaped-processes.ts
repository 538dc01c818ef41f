import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Processes a training left running after its process group was killed: a daemon that left
 * the group with `setsid`, or a double fork. Found by the environment they inherited, read
 * from `/proc/<pid>/environ` (readable for processes of the same user): the marker variable
 * repro-check puts into the training's environment, or the runner's RUNNER_TRACKING_ID (the
 * value the runner itself uses to find a job's orphans) on a process started after the training.
 * A process that cleared its environment and lives under another parent is not found: this is a
 * report of careless leftovers, not a barrier against a hostile training (docs/security.md).
 */
export const TRAINING_MARKER_VARIABLE = 'REPRO_CHECK_TRAINING';

export interface EscapedProcess {
  pid: number;
  /** The command line, arguments joined by spaces, cut at 200 characters. */
  command: string;
  /** Which variable matched: the marker or RUNNER_TRACKING_ID. */
  foundBy: typeof TRAINING_MARKER_VARIABLE | 'RUNNER_TRACKING_ID';
}

export interface EscapeSearch {
  /** The marker's value in this training's environment. */
  marker: string;
  /** RUNNER_TRACKING_ID of the job, when the runner set one. */
  trackingId: string | undefined;
  /** The training's start, in clock ticks since boot (the unit of /proc/<pid>/stat field 22). */
  startedAtTicks: number;
  /** Processes never reported: ours and our ancestors. */
  excludePids: number[];
}

/** What /proc says of one process (pure input to `isEscaped`). */
export interface ProcessFacts {
  pid: number;
  environ: string;
  cmdline: string;
  stat: string;
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat start times and /proc/uptime * 100: fixed at 100 for userspace. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Field 22 (starttime) of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses, so fields are counted after its last `)`. */
export function startTimeTicks(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const value = Number(fields[19]);
  return Number.isFinite(value) ? value : null;
}

/** Whether the process in FACTS is a leftover of the training described by SEARCH (pure). */
export function isEscaped(facts: ProcessFacts, search: EscapeSearch): EscapedProcess | null {
  if (search.excludePids.includes(facts.pid)) return null;
  // A zombie runs nothing and is only waiting for its parent to reap it.
  const state = facts.stat.slice(facts.stat.lastIndexOf(')') + 2, facts.stat.lastIndexOf(')') + 3);
  if (state === 'Z' || state === 'X') return null;
  const variables = facts.environ.split('\0');
  const command = facts.cmdline.split('\0').filter(Boolean).join(' ').slice(0, 200);
  if (variables.includes(`${TRAINING_MARKER_VARIABLE}=${search.marker}`))
    return { pid: facts.pid, command, foundBy: TRAINING_MARKER_VARIABLE };
  if (search.trackingId && variables.includes(`RUNNER_TRACKING_ID=${search.trackingId}`)) {
    const started = startTimeTicks(facts.stat);
    if (started !== null && started >= search.startedAtTicks)
      return { pid: facts.pid, command, foundBy: 'RUNNER_TRACKING_ID' };
  }
  return null;
}

/** Now, in clock ticks since boot, from /proc/uptime. */
export async function ticksSinceBoot(procRoot = '/proc'): Promise<number> {
  const uptime = Number((await readFile(`${procRoot}/uptime`, 'utf8')).split(' ')[0]);
  return Math.floor(uptime * CLOCK_TICKS_PER_SECOND);
}

/** Scans PROCROOT for leftovers of the training (those we may read: same user, or all as root). */
export async function findEscapedProcesses(search: EscapeSearch, procRoot = '/proc'): Promise<EscapedProcess[]> {
  let names: string[];
  try {
    names = await readdir(procRoot);
  } catch {
    return []; // No /proc (not Linux): nothing can be said.
  }
  const found: EscapedProcess[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const [environ, cmdline, stat] = await Promise.all(
        ['environ', 'cmdline', 'stat'].map((part) => readFile(`${procRoot}/${name}/${part}`, 'latin1')),
      );
      const escaped = isEscaped({ pid: Number(name), environ: environ!, cmdline: cmdline!, stat: stat! }, search);
      if (escaped) found.push(escaped);
    } catch {
      // Gone meanwhile, or another user's process (EACCES): not ours to report.
    }
  }
  return found;
}

/**
 * Sends SIGKILL to each process (one that is already gone is skipped) and waits, at most
 * `waitMs`, until none of them runs any more: a killed leftover must not write another workflow
 * command after stop-commands closes. Returns the pids that were signalled.
 */
export async function killProcesses(processes: EscapedProcess[], waitMs = 3000, procRoot = '/proc'): Promise<number[]> {
  const killed: number[] = [];
  for (const { pid } of processes) {
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + waitMs;
  while (killed.some((pid) => isAlive(pid, procRoot)) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return killed;
}

/** Running and not yet a zombie (a killed orphan stays a zombie until its reaper collects it). */
function isAlive(pid: number, procRoot: string): boolean {
  try {
    return !/^\d+ \(.*\) [ZX] /s.test(readFileSync(path.join(procRoot, String(pid), 'stat'), 'utf8'));
  } catch {
    return false;
  }
}

/** Our own pid and those of our ancestors, from /proc/<pid>/stat field 4 (ppid). */
export async function selfAndAncestors(procRoot = '/proc'): Promise<number[]> {
  const pids = [process.pid];
  let pid = process.ppid;
  while (pid > 1 && pids.length < 64) {
    pids.push(pid);
    try {
      const stat = await readFile(`${procRoot}/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      break;
    }
  }
  return pids;
}
