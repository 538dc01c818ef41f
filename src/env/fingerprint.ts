import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReproError } from '../errors.ts';
import { runCapturedProcess } from '../proc/run-captured.ts';
import type { EnvironmentFingerprint } from '../record/types.ts';
import { NVIDIA_SMI_QUERY, parseNvidiaSmi } from './nvidia-smi.ts';
import {
  cpuFlagsFromCpuinfo,
  numericsEnvironment,
  probePython,
  type InterpreterChoice,
  type PythonFacts,
  type PythonRunner,
} from './python-probe.ts';

/**
 * Runs a short helper command (FILE with ARGS, no shell) and returns its exit code and stdout;
 * never throws: a missing binary is exit code 127, one that could not start or was stopped a
 * non-zero code.
 */
export type ExecText = (file: string, args: string[]) => Promise<{ exitCode: number; stdout: string }>;

/** ExecText through the one spawn, in our own working directory and environment, stopped after 20 s. */
export const execText: ExecText = async (file, args) => {
  const result = await runCapturedProcess([file, ...args], { cwd: process.cwd(), env: process.env, timeoutMs: 20_000 });
  return { exitCode: result.exitCode ?? (result.startError ? 126 : 1), stdout: result.stdout };
};

/** Lock files whose change changes what trains; hashed when found in the working directory. */
const LOCK_FILE_PATTERN =
  /^(requirements.*\.txt|poetry\.lock|uv\.lock|package-lock\.json|environment\.ya?ml|Pipfile\.lock|conda-lock\.yml)$/;

export interface CollectOptions {
  cwd: string;
  fingerprintPaths: string[];
  /** The environment the training command sees (numerics variables are read from it, and the probe runs in it). */
  env: NodeJS.ProcessEnv;
  exec: ExecText;
  /** Which Python to probe (chooseInterpreter); default python3 on PATH. */
  interpreter?: InterpreterChoice;
  /** Runs the Python probe; default through runProcess. */
  runPython?: PythonRunner;
  /**
   * Python facts probed already (the audit probes once, beside its first training: installed
   * packages do not change between the runs of one job), or 'deferred': the fingerprint is made
   * without them and the caller adds them with withPythonFacts. Default: probe now.
   */
  python?: PythonFacts | 'deferred';
  /** /proc/cpuinfo's text, or null off Linux; default read from disk. */
  cpuinfo?: string | null;
}

/**
 * What this machine is, for the run record and for telling why two runs differ: OS, CPU and its
 * instruction sets, Node, the Python that trains (probed, or reused from `reusePython`), GPUs
 * (nvidia-smi through `exec`), numerics variables, and the SHA-256 of lock files and
 * `fingerprintPaths` (relative to `cwd`). A missing Python or GPU is a fact in the result, not an
 * error; throws a ReproError when a `fingerprintPaths` entry cannot be read.
 */
export async function collectEnvironment(options: CollectOptions): Promise<EnvironmentFingerprint> {
  const interpreter = options.interpreter ?? { command: 'python3', chosenBy: 'PATH' as const };
  const [python, gpu, files, cpuinfo] = await Promise.all([
    options.python ??
      probePython(interpreter, {
        cwd: options.cwd,
        env: options.env,
        ...(options.runPython ? { run: options.runPython } : {}),
      }),
    gpuInfo(options.exec, options.env),
    hashFiles(options.cwd, options.fingerprintPaths),
    options.cpuinfo !== undefined ? options.cpuinfo : readFile('/proc/cpuinfo', 'utf8').catch(() => null),
  ]);
  const cpus = os.cpus();
  const fingerprint: EnvironmentFingerprint = {
    os: { platform: process.platform, release: os.release(), arch: process.arch },
    cpu: {
      model: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      flags: cpuinfo === null ? [] : cpuFlagsFromCpuinfo(cpuinfo),
    },
    node: process.version,
    python: null,
    numericsEnv: numericsEnvironment(options.env),
    gpu,
    files,
    extra: {},
  };
  return python === 'deferred' ? fingerprint : withPythonFacts(fingerprint, interpreter, python);
}

/**
 * FINGERPRINT with what the probe of INTERPRETER found (pure): the Python version, which
 * interpreter and why, its frameworks' numerics facts and its installed distributions.
 */
export function withPythonFacts(
  fingerprint: EnvironmentFingerprint,
  interpreter: InterpreterChoice,
  python: PythonFacts,
): EnvironmentFingerprint {
  return {
    ...fingerprint,
    python: python.version,
    interpreter: {
      command: interpreter.command,
      chosenBy: interpreter.chosenBy,
      executable: python.executable,
      problem: python.problem,
    },
    frameworks: python.frameworks,
    packages: python.packages,
  };
}

async function gpuInfo(exec: ExecText, env: NodeJS.ProcessEnv): Promise<EnvironmentFingerprint['gpu']> {
  const query = await exec('nvidia-smi', NVIDIA_SMI_QUERY);
  if (query.exitCode !== 0) return null;
  const header = await exec('nvidia-smi', []);
  return parseNvidiaSmi(query.stdout, header.exitCode === 0 ? header.stdout : null, env.CUDA_VISIBLE_DEVICES);
}

async function hashFiles(cwd: string, fingerprintPaths: string[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of (await readdir(cwd)).sort()) {
    if (LOCK_FILE_PATTERN.test(entry) && (await stat(path.join(cwd, entry))).isFile())
      files[entry] = await hashPath(path.join(cwd, entry));
  }
  for (const relative of fingerprintPaths) {
    try {
      files[relative] = await hashPath(path.resolve(cwd, relative));
    } catch (error) {
      throw new ReproError(
        `fingerprint-paths: cannot read "${relative}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        {
          hint: 'List files or folders that exist, relative to working-directory.',
        },
      );
    }
  }
  return files;
}

/**
 * SHA-256 (hex) of a file, or of a folder's sorted relative file names and contents (.git
 * skipped, links followed once). Throws the file system's error when TARGET cannot be read.
 */
export async function hashPath(target: string): Promise<string> {
  if ((await stat(target)).isFile()) return (await hashFile(target)).toString('hex');
  const hash = createHash('sha256');
  // Symbolic links are followed (DVC and git-annex link data files into place); a folder
  // reached twice through links is walked once, so a link cycle ends.
  const walked = new Set<string>();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const real = await realpath(dir);
    if (walked.has(real)) return;
    walked.add(real);
    for (const name of (await readdir(dir)).sort()) {
      if (name === '.git') continue;
      const relative = prefix ? `${prefix}/${name}` : name;
      const full = path.join(dir, name);
      const info = await stat(full).catch(() => null); // a dangling link holds no data
      if (info?.isDirectory()) await walk(full, relative);
      else if (info?.isFile()) {
        hash.update(`${relative}\0`);
        hash.update(await hashFile(full));
      }
    }
  };
  await walk(target, '');
  return hash.digest('hex');
}

/** SHA-256 of a file's bytes, streamed: a dataset may be larger than memory. */
async function hashFile(file: string): Promise<Buffer> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest();
}
