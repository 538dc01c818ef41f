import { randomBytes } from 'node:crypto';
import { ReproError } from '../errors.ts';
import type { ModeContext } from './context.ts';
import { detectIsolation, NO_ISOLATION, type Isolation } from '../proc/isolation.ts';
import { snapshotRunnerFiles, type RunnerFileChange } from '../proc/runner-files.ts';
import {
  findEscapedProcesses,
  killProcesses,
  selfAndAncestors,
  ticksSinceBoot,
  TRAINING_MARKER_VARIABLE,
  type EscapedProcess,
  type EscapeSearch,
} from '../proc/escaped-processes.ts';

/** What the training launcher must add: the namespace launcher before its argv, the marker into its environment. */
export interface TrainingLaunch {
  wrapper: string[];
  markerEnv: Record<string, string>;
}

export interface GuardedResult<T> {
  result: T;
  isolation: Isolation;
  /** Processes the training left running, and whether they were killed. */
  escaped: EscapedProcess[];
  killed: boolean;
}

/**
 * Runs one training (BODY spawns it with the launch it is given) so that it cannot act as the
 * job (docs/security.md): in its own PID namespace where possible; inside one stop-commands
 * stretch opened before the spawn; with the runner's command files recorded before and
 * restored after; with its leftovers found, reported and (KILLESCAPED) killed before the
 * stretch is closed, so none of them can write a workflow command afterwards.
 * Throws a ReproError naming each runner file the training changed (after restoring them),
 * ahead of any error the training itself ended with; otherwise what BODY throws.
 */
export async function guardTraining<T>(
  context: ModeContext,
  options: { name: string; isolation: 'auto' | 'none'; killEscaped: boolean; cwd: string },
  body: (launch: TrainingLaunch) => Promise<T>,
): Promise<GuardedResult<T>> {
  // Everything before the log group: once its heading is out, the training is spawned at once.
  const isolation = options.isolation === 'none' ? NO_ISOLATION : await detectIsolation(context.env, options.cwd);
  context.log.debug(`training isolation: ${isolation.kind} (${isolation.detail})`);
  const runnerFiles = await snapshotRunnerFiles(context.env);
  const marker = randomBytes(12).toString('hex');
  const search: EscapeSearch = {
    marker,
    trackingId: context.env.RUNNER_TRACKING_ID || undefined,
    startedAtTicks: await ticksSinceBoot().catch(() => 0),
    excludePids: await selfAndAncestors().catch(() => [process.pid]),
  };
  let outcome = { ok: false, error: null } as { ok: true; value: T } | { ok: false; error: unknown };
  let escaped: EscapedProcess[] = [];
  let killed = false;
  let changes: RunnerFileChange[] = [];
  await context.log.group(options.name, async () => {
    context.trainingOutput.begin();
    try {
      outcome = {
        ok: true,
        value: await body({ wrapper: isolation.prefix, markerEnv: { [TRAINING_MARKER_VARIABLE]: marker } }),
      };
    } catch (error) {
      outcome = { ok: false, error };
    }
    try {
      escaped = await findLeftovers(search);
      if (escaped.length > 0 && options.killEscaped) {
        await killProcesses(escaped);
        killed = true;
      }
      changes = await runnerFiles.restoreChanged();
    } finally {
      context.trainingOutput.end();
    }
    if (escaped.length > 0) context.log.warning(escapedMessage(escaped, killed));
  });
  if (changes.length > 0) {
    throw new ReproError(
      `security: the training changed the runner's command files, through which a step sets outputs and environment variables for later steps:\n${changes.map((c) => `  ${c.file}${c.variable ? ` (${c.variable})` : ''}: ${c.what}`).join('\n')}`,
      {
        hint: 'The files were put back as they were before the training. A training must not write to them; see docs/security.md.',
      },
    );
  }
  if (!outcome.ok) throw outcome.error;
  return { result: outcome.value, isolation, escaped, killed };
}

/**
 * Leftovers seen in two scans 100 ms apart: a member of the training's process group that got
 * its SIGKILL a moment ago may not have died yet, and is not an escape.
 */
async function findLeftovers(search: EscapeSearch): Promise<EscapedProcess[]> {
  const first = await findEscapedProcesses(search);
  if (first.length === 0) return [];
  await new Promise((resolve) => setTimeout(resolve, 100));
  const again = new Set((await findEscapedProcesses(search)).map((p) => p.pid));
  return first.filter((p) => again.has(p.pid));
}

/** The report's warning about leftovers: each pid and command, and what was done. */
export function escapedMessage(escaped: EscapedProcess[], killed: boolean): string {
  const list = escaped.slice(0, 10).map((p) => `pid ${p.pid}: ${p.command || '(no command line)'}`);
  if (escaped.length > 10) list.push(`… and ${escaped.length - 10} more`);
  const one = escaped.length === 1;
  const state = killed
    ? `${one ? 'was' : 'were'} still running after it ended and ${one ? 'was' : 'were'} killed (kill-escaped)`
    : `${one ? 'is' : 'are'} still running after it ended (set kill-escaped: true to stop ${one ? 'it' : 'them'})`;
  return `${escaped.length} process${one ? '' : 'es'} started by the training ${state}: ${list.join('; ')}`;
}
