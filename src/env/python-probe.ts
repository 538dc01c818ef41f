import path from 'node:path';
import { runProcess } from '../proc/run-process.ts';
import { PYTHON_PROBE } from './python-probe-script.ts';

/** Which Python the fingerprint probes, and why (the report says which rule chose it). */
export interface InterpreterChoice {
  command: string;
  chosenBy: 'command' | 'python setting' | 'PATH';
}

const PYTHON_NAME = /^python(\d+(\.\d+)*)?$/;

/**
 * The interpreter the training runs (pure): the first word of `command` when it is a Python
 * (`python`, `python3.11`, `.venv/bin/python`; leading `VAR=value` assignments and `env`/`exec`
 * skipped), else the `python` setting, else `python3` on PATH.
 */
export function chooseInterpreter(command: string | undefined, pythonSetting: string | undefined): InterpreterChoice {
  const words = (command ?? '').trim().split(/\s+/);
  let i = 0;
  while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!) || words[i] === 'env' || words[i] === 'exec'))
    i++;
  const first = words[i];
  if (first && PYTHON_NAME.test(path.posix.basename(first))) return { command: first, chosenBy: 'command' };
  if (pythonSetting) return { command: pythonSetting, chosenBy: 'python setting' };
  return { command: 'python3', chosenBy: 'PATH' };
}

/** What the probe found; `found: false` when the interpreter could not be run at all. */
export interface PythonFacts {
  found: boolean;
  version: string | null;
  executable: string | null;
  /** Flat facts: `torch.version`, `torch.backends.cudnn.benchmark`, `numpy.blas`, `threadpool.blas` … */
  frameworks: Record<string, string>;
  /** Installed distributions (importlib.metadata), lower-case name -> version. */
  packages: Record<string, string>;
  /** Why the probe gave nothing, for the report (not found, timed out, unreadable output). */
  problem: string | null;
}

/** Runs the probe's source with an interpreter; tests hand in their own. */
export type PythonRunner = (
  interpreter: string,
  source: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
) => Promise<{ exitCode: number | null; timedOut: boolean; stdout: string }>;

/** The probe through the one spawn wrapper: its own process group, killed whole on timeout. */
export const runPython: PythonRunner = async (interpreter, source, options) => {
  const stdout: string[] = [];
  const result = await runProcess({
    argv: [interpreter, '-c', source],
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs,
    killGraceMs: 1000,
    onOutputLine: (line, stream) => stream === 'stdout' && stdout.push(line),
  }).catch(() => null);
  return result
    ? { exitCode: result.exitCode, timedOut: result.timedOut, stdout: stdout.join('\n') }
    : { exitCode: 127, timedOut: false, stdout: '' };
};

/** Importing torch alone takes seconds on a cold cache: generous, but bounded. */
export const PROBE_TIMEOUT_MS = 60_000;

/** Probes the interpreter; never throws (a missing interpreter or framework is a fact, not an error). */
export async function probePython(
  choice: InterpreterChoice,
  options: { cwd: string; env: NodeJS.ProcessEnv; run?: PythonRunner; timeoutMs?: number },
): Promise<PythonFacts> {
  const empty = (problem: string): PythonFacts => ({
    found: false,
    version: null,
    executable: null,
    frameworks: {},
    packages: {},
    problem,
  });
  const result = await (options.run ?? runPython)(choice.command, PYTHON_PROBE, {
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs ?? PROBE_TIMEOUT_MS,
  });
  if (result.timedOut)
    return empty(
      `${choice.command} did not answer within ${Math.round((options.timeoutMs ?? PROBE_TIMEOUT_MS) / 1000)} s`,
    );
  if (result.exitCode === 127) return empty(`${choice.command} not found`);
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const parsed = JSON.parse(last) as {
      python: string;
      executable: string;
      frameworks: Record<string, string>;
      packages: Record<string, string>;
    };
    return {
      found: true,
      version: parsed.python,
      executable: parsed.executable,
      frameworks: parsed.frameworks,
      packages: parsed.packages,
      problem: null,
    };
  } catch {
    return empty(`${choice.command} exited with ${result.exitCode} without the probe's answer (not a Python 3?)`);
  }
}

/** Environment variables that change numerics (threads, BLAS kernels, TF32, cuBLAS, XLA, visible devices). */
const NUMERICS_ENV =
  /^(OMP_.*|MKL_.*|OPENBLAS_.*|KMP_.*|VECLIB_MAXIMUM_THREADS|NUMEXPR_.*|BLIS_NUM_THREADS|CUBLAS_WORKSPACE_CONFIG|CUBLAS_.*|NVIDIA_TF32_OVERRIDE|TORCH_ALLOW_TF32.*|TORCH_CUDNN_.*|XLA_FLAGS|XLA_PYTHON_.*|TF_DETERMINISTIC_OPS|TF_CUDNN_DETERMINISTIC|TF_ENABLE_ONEDNN_OPTS|TF_XLA_FLAGS|CUDA_VISIBLE_DEVICES|CUDA_LAUNCH_BLOCKING|NCCL_ALGO|NCCL_PROTO)$/;

/** The numerics variables set in ENV (pure), sorted by name. */
export function numericsEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter((entry): entry is [string, string] => entry[1] !== undefined && NUMERICS_ENV.test(entry[0]))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Instruction-set flags that select different kernels (from /proc/cpuinfo's `flags` or `Features` line). */
const ISA_FLAG = /^(sse4_1|sse4_2|avx|avx2|fma|f16c|avx512.*|amx.*|avx_vnni|neon|asimd|asimddp|sve|sve2|bf16|i8mm)$/;

/** The ISA_FLAG flags of /proc/cpuinfo's TEXT (its first `flags` or `Features` line), deduplicated, in the file's order; [] without such a line. Pure. */
export function cpuFlagsFromCpuinfo(text: string): string[] {
  const line = text.split('\n').find((l) => /^(flags|Features)\s*:/.test(l));
  if (!line) return [];
  return [
    ...new Set(
      line
        .slice(line.indexOf(':') + 1)
        .trim()
        .split(/\s+/)
        .filter((f) => ISA_FLAG.test(f)),
    ),
  ].sort();
}
