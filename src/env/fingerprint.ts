import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { EnvironmentFingerprint } from '../record/types.ts';
import { NVIDIA_SMI_QUERY, parseNvidiaSmi } from './nvidia-smi.ts';

/** Runs a short helper command and returns its stdout; never throws (a missing binary is exit 127). */
export type ExecText = (file: string, args: string[]) => Promise<{ exitCode: number; stdout: string }>;

export const execText: ExecText = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: 20_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 127) : 0;
      resolve({ exitCode: code, stdout: String(stdout) });
    });
  });

/** Lock files whose change changes what trains; hashed when found in the working directory. */
const LOCK_FILE_PATTERN = /^(requirements.*\.txt|poetry\.lock|uv\.lock|package-lock\.json|environment\.ya?ml|Pipfile\.lock|conda-lock\.yml)$/;

export interface CollectOptions {
  cwd: string;
  fingerprintPaths: string[];
  env: NodeJS.ProcessEnv;
  exec: ExecText;
}

/** What this machine is, for the run record and for telling why two runs differ. */
export async function collectEnvironment(options: CollectOptions): Promise<EnvironmentFingerprint> {
  const [python, gpu, files] = await Promise.all([pythonVersion(options.exec), gpuInfo(options.exec, options.env), hashFiles(options.cwd, options.fingerprintPaths)]);
  const cpus = os.cpus();
  return {
    os: { platform: process.platform, release: os.release(), arch: process.arch },
    cpu: { model: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length },
    node: process.version,
    python,
    gpu,
    files,
    extra: {},
  };
}

async function pythonVersion(exec: ExecText): Promise<string | null> {
  const result = await exec('python3', ['--version']);
  return result.exitCode === 0 ? result.stdout.trim().replace(/^Python\s+/, '') || null : null;
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
    if (LOCK_FILE_PATTERN.test(entry) && (await stat(path.join(cwd, entry))).isFile()) files[entry] = await hashPath(path.join(cwd, entry));
  }
  for (const relative of fingerprintPaths) {
    try {
      files[relative] = await hashPath(path.resolve(cwd, relative));
    } catch (error) {
      throw new ReproError(`fingerprint-paths: cannot read "${relative}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, {
        hint: 'List files or folders that exist, relative to working-directory.',
      });
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

/** Differences between two fingerprints as dotted keys (pure), for the report. */
export function diffEnvironments(baseline: EnvironmentFingerprint, current: EnvironmentFingerprint): Array<{ key: string; baseline: string; current: string }> {
  const a = flatten(baseline);
  const b = flatten(current);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.filter((key) => a.get(key) !== b.get(key)).map((key) => ({ key, baseline: a.get(key) ?? '(absent)', current: b.get(key) ?? '(absent)' }));
}

function flatten(fingerprint: EnvironmentFingerprint): Map<string, string> {
  const out = new Map<string, string>();
  out.set('os', `${fingerprint.os.platform} ${fingerprint.os.release} ${fingerprint.os.arch}`);
  out.set('cpu', `${fingerprint.cpu.model} × ${fingerprint.cpu.cores}`);
  out.set('node', fingerprint.node);
  out.set('python', fingerprint.python ?? 'none');
  out.set('gpu.driver', fingerprint.gpu?.driver ?? 'none');
  out.set('gpu.cuda', fingerprint.gpu?.cuda ?? 'none');
  out.set('gpu.devices', fingerprint.gpu?.devices.map((d) => d.name).join(', ') || 'none');
  for (const [file, hash] of Object.entries(fingerprint.files ?? {})) out.set(`files.${file}`, hash.slice(0, 12));
  for (const [key, value] of Object.entries(fingerprint.extra ?? {})) out.set(key, value);
  return out;
}
