/**
 * The environment the training command sees (pure). It gets the seed and, unless turned off,
 * the determinism switches; it loses what would let untrusted training code act as the
 * workflow: tokens, action inputs (which may hold tokens), and the runner's command files.
 */
export interface ChildEnvironmentOptions {
  seed: number;
  determinism: boolean;
  outDir: string;
}

/** Runner files through which a step sets env vars, outputs, state, PATH and the summary. */
const RUNNER_COMMAND_FILES = ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'];

/** Whether the variable NAME is withheld from the training: the job's tokens, the action's inputs, the runner's service credentials and its command files (docs/security.md). */
export function isDroppedFromChild(name: string): boolean {
  if (name === 'GITHUB_TOKEN' || name.startsWith('INPUT_')) return true;
  // ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN/URL (OIDC), ACTIONS_RESULTS_URL,
  // ACTIONS_CACHE_URL: credentials and endpoints of the runner's own services.
  if (name.startsWith('ACTIONS_') && (name.includes('TOKEN') || name.endsWith('_URL'))) return true;
  return RUNNER_COMMAND_FILES.includes(name);
}

/**
 * The environment a training runs with: PARENT without what isDroppedFromChild withholds, plus
 * REPRO_SEED and PYTHONHASHSEED (OPTIONS.seed), REPRO_OUT_DIR, and when OPTIONS.determinism the
 * variables of DETERMINISM_ENV (these replace the job's own values). Pure.
 */
export function childEnvironment(parent: NodeJS.ProcessEnv, options: ChildEnvironmentOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // RUNNER_TRACKING_ID is kept on purpose: the runner finds and kills orphaned processes by it.
  for (const [name, value] of Object.entries(parent))
    if (value !== undefined && !isDroppedFromChild(name)) env[name] = value;
  env.REPRO_SEED = String(options.seed);
  env.PYTHONHASHSEED = String(options.seed);
  env.REPRO_OUT_DIR = options.outDir;
  if (options.determinism) Object.assign(env, DETERMINISM_ENV);
  return env;
}

/**
 * The determinism variables (DESIGN.md), the one table of them: what `determinism-env` gives a
 * `command:` run, and the first part of what the built-in trainer's strict determinism sets
 * (src/trainer/job.ts adds its thread and oneDNN switches).
 */
export const DETERMINISM_ENV: Readonly<Record<string, string>> = {
  // cuBLAS needs a fixed workspace for deterministic GEMMs (CUDA >= 10.2).
  CUBLAS_WORKSPACE_CONFIG: ':4096:8',
  TF_DETERMINISTIC_OPS: '1',
  TF_CUDNN_DETERMINISTIC: '1',
};
