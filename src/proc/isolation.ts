import { runProcess } from './run-process.ts';

/**
 * Running the training in its own PID namespace, where the runner allows it without
 * privileges: then the job's other processes (the action's node process, whose environment
 * holds the token, and whose stdout is the runner's pipe) are not in the training's /proc, and
 * every process the training leaves behind dies with the namespace (pid_namespaces(7): when a
 * namespace's init ends, the kernel kills the rest).
 *
 * Tried in order, each with a real `true` run, because user namespaces may be switched off
 * (sysctl, AppArmor) even where the tools are installed:
 *  1. `unshare --pid --fork --mount-proc`: needs CAP_SYS_ADMIN (root on a runner).
 *  2. `unshare --map-current-user --pid --fork --mount-proc` (util-linux >= 2.38): a user
 *     namespace with the same uid inside, so the training keeps its own uid and holds no
 *     capability after exec (it cannot unmount the fresh /proc to see the old one).
 *  3. `bwrap --dev-bind / / --unshare-pid --proc /proc` (bubblewrap).
 */
export type IsolationKind = 'pid-namespace' | 'none';

export interface Isolation {
  kind: IsolationKind;
  /** argv put before the training's own (empty for none). */
  prefix: string[];
  /** How, or why not: "unshare --pid (root)", "no unprivileged PID namespace: …". */
  detail: string;
}

/**
 * The PID namespace's init ignores signals it has no handler for (pid_namespaces(7)), so the
 * training must not be init itself, or a timeout's SIGTERM would never reach it: a bash that
 * runs it as a child (two commands, so bash does not exec the first) stands as init. That bash's
 * own stderr goes to /dev/null (its "Terminated" notice when the training is stopped is noise);
 * the training gets the real stderr back on fd 2.
 */
const INIT_SHIM = ['bash', '-c', 'exec 3>&2 2>/dev/null; "$@" 2>&3 3>&-; exit $?', 'repro-check-init'];
const UNSHARE_FLAGS = ['--pid', '--fork', '--mount-proc', '--kill-child'];

const CANDIDATES: Array<{ prefix: string[]; detail: string }> = [
  { prefix: ['unshare', ...UNSHARE_FLAGS, '--'], detail: 'unshare --pid --mount-proc' },
  {
    prefix: ['unshare', '--map-current-user', ...UNSHARE_FLAGS, '--'],
    detail: 'unshare --map-current-user --pid --mount-proc (user namespace)',
  },
  {
    prefix: ['bwrap', '--dev-bind', '/', '/', '--unshare-pid', '--proc', '/proc', '--die-with-parent', '--'],
    detail: 'bwrap --unshare-pid',
  },
];

export const NO_ISOLATION: Isolation = { kind: 'none', prefix: [], detail: 'turned off (isolation: none)' };

/** Finds the first way of starting a PID namespace that works here, by trying each (a few ms each). Never throws. */
export async function detectIsolation(env: NodeJS.ProcessEnv, cwd: string): Promise<Isolation> {
  if (process.platform !== 'linux')
    return { kind: 'none', prefix: [], detail: `no PID namespaces on ${process.platform}` };
  for (const candidate of CANDIDATES) {
    const prefix = [...candidate.prefix, ...INIT_SHIM];
    // Inside, /proc must list only the new namespace: its init (1) and the probe itself.
    const probe = await runProcess({
      argv: [...prefix, 'bash', '-c', 'ls /proc | grep -c "^[0-9]"'],
      cwd,
      env,
      timeoutMs: 10_000,
    }).catch(() => null);
    if (probe?.exitCode === 0 && Number(probe.outputTail.at(-1)) <= 4)
      return { kind: 'pid-namespace', prefix, detail: candidate.detail };
  }
  return {
    kind: 'none',
    prefix: [],
    detail:
      'no PID namespace could be made without privileges here (unshare and bwrap missing or refused: user namespaces may be off)',
  };
}
