import type { TrainingPlan } from '../settings/plans.ts';
import type { EnvironmentFingerprint } from '../record/types.ts';
import type { ModeContext } from './context.ts';
import type { RepoState } from './repo-state.ts';
import { childEnvironment } from '../proc/child-env.ts';
import { collectEnvironment, execText } from '../env/fingerprint.ts';
import { chooseInterpreter, probePython, type InterpreterChoice, type PythonFacts } from '../env/python-probe.ts';

/** The environment the training gets, as the fingerprint reads it (numerics variables, the probe's environment). */
function fingerprintEnvironment(plan: TrainingPlan, context: ModeContext): NodeJS.ProcessEnv {
  return childEnvironment(context.env, { seed: plan.seed, determinism: plan.determinismVariables, outDir: '' });
}

/** The Python the plan's training runs: the first word of its command when that is a Python, else `python`, else python3 on PATH. */
function interpreterOf(plan: TrainingPlan): InterpreterChoice {
  return chooseInterpreter(plan.job.kind === 'command' ? plan.job.command : undefined, plan.python);
}

/**
 * The environment fingerprint of this run. Taken before the training, so that a missing
 * fingerprint path, or a baseline chosen by `{gpu}`, fails in seconds rather than after it.
 * The Python probed is the one the command runs (chooseInterpreter), in the environment the
 * command gets. PYTHON: facts probed already, or 'deferred' to leave them for withPythonFacts
 * (the audit's runs, whose probe runs beside the first training); by default it is probed now.
 * @throws ReproError for a fingerprint path that does not exist.
 */
export function collectRunEnvironment(
  plan: TrainingPlan,
  repo: RepoState,
  context: ModeContext,
  python?: PythonFacts | 'deferred',
): Promise<EnvironmentFingerprint> {
  return collectEnvironment({
    cwd: repo.workDir,
    fingerprintPaths: plan.fingerprintPaths,
    env: fingerprintEnvironment(plan, context),
    exec: execText,
    interpreter: interpreterOf(plan),
    ...(python ? { python } : {}),
  });
}

/** A Python probe started, not awaited: which interpreter, and what it will have found. */
export interface StartedProbe {
  interpreter: InterpreterChoice;
  facts: Promise<PythonFacts>;
}

/**
 * Starts probing the Python the plan's training runs (one child process, bounded in time) and
 * returns at once, so that the caller can train meanwhile. Never rejects (a missing interpreter
 * is a fact): `facts` always resolves.
 */
export function startPythonProbe(plan: TrainingPlan, repo: RepoState, context: ModeContext): StartedProbe {
  const interpreter = interpreterOf(plan);
  // The probe is repro-check's own process, running beside a training: without the job's
  // RUNNER_TRACKING_ID, the training guard never takes it for a process the training left behind
  // (escaped-processes.ts); it is awaited before the audit ends, so the runner has no orphan to find.
  const { RUNNER_TRACKING_ID: _ownedByTheJob, ...env } = fingerprintEnvironment(plan, context);
  return { interpreter, facts: probePython(interpreter, { cwd: repo.workDir, env }) };
}
