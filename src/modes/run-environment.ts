import type { ReproConfig } from '../settings/schema.ts';
import type { EnvironmentFingerprint } from '../record/types.ts';
import type { ModeContext } from './context.ts';
import type { RepoState } from './repo-state.ts';
import { childEnvironment } from '../proc/child-env.ts';
import { collectEnvironment, execText } from '../env/fingerprint.ts';
import { chooseInterpreter, probePython, type InterpreterChoice, type PythonFacts } from '../env/python-probe.ts';

/** The environment the training command gets, as the fingerprint reads it (numerics variables, the probe's environment). */
function fingerprintEnvironment(config: ReproConfig, context: ModeContext): NodeJS.ProcessEnv {
  return childEnvironment(context.env, {
    seed: config.seed,
    determinism: config.trainer ? config.trainer['strict-determinism'] : config['determinism-env'],
    outDir: '',
  });
}

/**
 * The environment fingerprint of this run. Taken before the training, so that a missing
 * fingerprint path, or a baseline chosen by `{gpu}`, fails in seconds rather than after it.
 * The Python probed is the one the command runs (chooseInterpreter), in the environment the
 * command gets. PYTHON: facts probed already, or 'deferred' to leave them for withPythonFacts
 * (the audit's runs, whose probe runs beside the first training); default probe now.
 * Throws a ReproError for a fingerprint path that cannot be read.
 */
export function collectRunEnvironment(
  config: ReproConfig,
  repo: RepoState,
  context: ModeContext,
  python?: PythonFacts | 'deferred',
): Promise<EnvironmentFingerprint> {
  return collectEnvironment({
    cwd: repo.workDir,
    fingerprintPaths: config['fingerprint-paths'],
    env: fingerprintEnvironment(config, context),
    exec: execText,
    interpreter: chooseInterpreter(config.command, config.python),
    ...(python ? { python } : {}),
  });
}

/** A Python probe started, not awaited: which interpreter, and what it will have found. */
export interface StartedProbe {
  interpreter: InterpreterChoice;
  facts: Promise<PythonFacts>;
}

/**
 * Starts probing the Python the command runs (one child process, bounded in time) and returns at
 * once, so that the caller can train meanwhile. The probe never rejects (a missing interpreter is
 * a fact): `facts` always resolves.
 */
export function startPythonProbe(config: ReproConfig, repo: RepoState, context: ModeContext): StartedProbe {
  const interpreter = chooseInterpreter(config.command, config.python);
  return {
    interpreter,
    facts: probePython(interpreter, { cwd: repo.workDir, env: fingerprintEnvironment(config, context) }),
  };
}
