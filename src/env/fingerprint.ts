import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReproError } from '../errors.ts';
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

/** Runs a short helper command and returns its stdout; never throws (a missing binary is exit 127). */
export type ExecText = (file: string, args: string[]) => Promise<{ exitCode: number; stdout: string }>;

export const execText: ExecText = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: 20_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
      const code = error
        ? typeof (error as { code?: unknown }).code === 'number'
          ? (error as { code: number }).code
          : 127
        : 0;
      resolve({ exitCode: code, stdout: String(stdout) });
    });
  });

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

/** What this machine is, for the run record and for telling why two runs differ. */
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

/** SHA-256 of a file, or of a folder's sorted relative file names and contents (.git skipped). */
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

/** One difference between two fingerprints; `numerics` when it can change the numbers a training computes. */
export interface EnvironmentDifference {
  key: string;
  baseline: string;
  current: string;
  numerics: boolean;
}

/** Distributions whose version changes kernels or numerics (compared first in the report). */
const NUMERICS_PACKAGE =
  /^(torch|torchvision|numpy|scipy|jax|jaxlib|tensorflow.*|tf-keras|keras|triton|mkl.*|intel-openmp|openblas.*|scipy-openblas.*|nvidia-.*|cupy.*|flash-attn|xformers|deepspeed|accelerate|transformers)$/;

/**
 * Differences between two fingerprints as dotted keys (pure), for the report: those that can
 * change numerics first (framework versions and switches, numerics variables, GPU, driver, CPU
 * and its instruction sets, numerics packages), then the rest, each group sorted by key.
 * Installed distributions are compared by version, one row per package (`package torch`:
 * 2.3.1 → 2.4.0), not by a hash. Keys a side lacks read "(absent)"; an older record without the
 * probe's blocks is compared only on what it has.
 */
export function diffEnvironments(
  baseline: EnvironmentFingerprint,
  current: EnvironmentFingerprint,
): EnvironmentDifference[] {
  const a = flatten(baseline);
  const b = flatten(current);
  const probed = (f: EnvironmentFingerprint) => f.frameworks !== undefined;
  const keys = [...new Set([...a.keys(), ...b.keys()])].filter(
    (key) => probed(baseline) === probed(current) || !PROBE_ONLY.test(key),
  );
  return keys
    .filter((key) => a.get(key) !== b.get(key))
    .map((key) => ({
      key,
      baseline: a.get(key) ?? '(absent)',
      current: b.get(key) ?? '(absent)',
      numerics: isNumericsKey(key),
    }))
    .sort((x, y) => Number(y.numerics) - Number(x.numerics) || x.key.localeCompare(y.key));
}

const PROBE_ONLY = /^(framework |package |env\.|interpreter|cpu\.flags)/;

function isNumericsKey(key: string): boolean {
  if (key.startsWith('package ')) return NUMERICS_PACKAGE.test(key.slice('package '.length));
  return /^(framework |env\.|gpu\.|cpu|python$)/.test(key);
}

function flatten(fingerprint: EnvironmentFingerprint): Map<string, string> {
  const out = new Map<string, string>();
  out.set('os', `${fingerprint.os.platform} ${fingerprint.os.release} ${fingerprint.os.arch}`);
  out.set('cpu', `${fingerprint.cpu.model} × ${fingerprint.cpu.cores}`);
  if (fingerprint.cpu.flags) out.set('cpu.flags', fingerprint.cpu.flags.join(' ') || 'none');
  out.set('node', fingerprint.node);
  out.set('python', fingerprint.python ?? 'none');
  if (fingerprint.interpreter)
    out.set(
      'interpreter',
      `${fingerprint.interpreter.executable ?? fingerprint.interpreter.command} (${fingerprint.interpreter.chosenBy})`,
    );
  out.set('gpu.driver', fingerprint.gpu?.driver ?? 'none');
  out.set('gpu.cuda', fingerprint.gpu?.cuda ?? 'none');
  out.set('gpu.devices', fingerprint.gpu?.devices.map((d) => d.name).join(', ') || 'none');
  for (const [key, value] of Object.entries(fingerprint.frameworks ?? {})) out.set(`framework ${key}`, value);
  for (const [name, value] of Object.entries(fingerprint.numericsEnv ?? {})) out.set(`env.${name}`, value);
  for (const [name, version] of Object.entries(fingerprint.packages ?? {})) out.set(`package ${name}`, version);
  for (const [file, hash] of Object.entries(fingerprint.files ?? {})) out.set(`files.${file}`, hash.slice(0, 12));
  for (const [key, value] of Object.entries(fingerprint.extra ?? {})) out.set(key, value);
  return out;
}
