import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ReproError } from '../errors.ts';
import { runProcess } from '../proc/run-process.ts';
import { outputTailText, processEndPhrase, processFailed } from '../proc/process-failure.ts';
import { NATIVE_PACKAGES, type NativeBackend, TFJS_VERSION, resolveNativePackage } from './backend.ts';

/**
 * `trainer.install-backend: true`: install a native tfjs backend once into the runner's tool
 * cache (RUNNER_TOOL_CACHE survives between jobs on a self-hosted runner). The folder is keyed
 * by everything the native binding depends on: package (gpu or cpu) and tfjs version, Node ABI,
 * OS and architecture. npm installs into a private temporary folder that is renamed into place
 * (atomic), under a lock folder, so two jobs on one runner neither collide nor see half an install.
 * libtensorflow mirrors for air-gapped runners reach the install scripts through the environment:
 * TFJS_NODE_BASE_URI (libtensorflow) and npm_config_tfjs_binding_binary_host_mirror (the binding).
 */
const LOCK_STALE_MS = 30 * 60_000;
const LOCK_POLL_MS = 1000;

export interface InstallBackendOptions {
  backend: NativeBackend;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  onOutputLine?: (line: string) => void;
  signal?: AbortSignal;
}

/**
 * The tool-cache folder for `backend`: under RUNNER_TOOL_CACHE (else ~/.cache),
 * `repro-check-tfjs/<package>-<tfjs version>-node-abi<ABI>-<platform>-<arch>`, so that a
 * binding built for another Node or machine is never picked up. Pure (reads `env` only).
 */
export function toolCacheBackendDir(backend: NativeBackend, env: NodeJS.ProcessEnv): string {
  const root = env.RUNNER_TOOL_CACHE || path.join(os.homedir(), '.cache');
  const key = `${NATIVE_PACKAGES[backend].replace('@tensorflow/', '')}-${TFJS_VERSION}-node-abi${process.versions.modules}-${process.platform}-${process.arch}`;
  return path.join(root, 'repro-check-tfjs', key);
}

/**
 * Installs `options.backend`'s package at the pinned tfjs version into toolCacheBackendDir with
 * npm from PATH, unless it is there already; waits (up to `timeoutMs`, milliseconds, for the
 * wait and the install together) while another job holds the install lock.
 * @returns the folder to resolve the package from (its node_modules holds it).
 * @throws ReproError when npm is not on PATH, the lock wait times out, or npm fails (its last
 * output lines quoted).
 */
export async function installBackendIntoToolCache(options: InstallBackendOptions): Promise<string> {
  const { backend, env } = options;
  const packageSpec = `${NATIVE_PACKAGES[backend]}@${TFJS_VERSION}`;
  const target = toolCacheBackendDir(backend, env);
  if (resolveNativePackage(backend, [target])) return target;

  const npm = await findOnPath('npm', env.PATH ?? '');
  if (!npm) {
    throw new ReproError(
      `trainer.install-backend is on, but npm is not on PATH, so ${packageSpec} cannot be installed into ${path.dirname(target)}`,
      {
        hint: 'Put Node.js with npm on the runner PATH (actions/setup-node), or install the package in the project, or set trainer.install-backend: false and backend: cpu.',
      },
    );
  }

  const lock = `${target}.lock`;
  await mkdir(path.dirname(target), { recursive: true });
  const deadline = Date.now() + options.timeoutMs;
  while (!(await tryCreateLock(lock))) {
    // Another job is installing: its rename makes the package appear all at once.
    if (resolveNativePackage(backend, [target])) return target;
    if (Date.now() > deadline)
      throw new ReproError(`Timed out waiting for another job's install of ${packageSpec} (lock ${lock})`, {
        hint: `If no job is installing, remove ${lock}.`,
      });
    await sleep(LOCK_POLL_MS);
  }
  const staging = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    if (resolveNativePackage(backend, [target])) return target;
    await mkdir(staging, { recursive: true });
    await writeFile(
      path.join(staging, 'package.json'),
      `${JSON.stringify({ name: 'repro-check-tfjs-backend', private: true })}\n`,
    );
    const mirrors = ['TFJS_NODE_BASE_URI', 'npm_config_tfjs_binding_binary_host_mirror']
      .filter((name) => env[name])
      .map((name) => `${name}=${env[name]}`);
    options.onOutputLine?.(
      `repro-check: installing ${packageSpec} into ${target}${mirrors.length > 0 ? ` (${mirrors.join(', ')})` : ''}`,
    );
    const result = await runProcess({
      argv: [npm, 'install', '--no-audit', '--no-fund', '--no-package-lock', packageSpec],
      cwd: staging,
      env,
      timeoutMs: Math.max(1, deadline - Date.now()),
      ...(options.onOutputLine ? { onOutputLine: options.onOutputLine } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (processFailed(result)) {
      const why = processEndPhrase(result, `${Math.round(options.timeoutMs / 1000)} s (timeout-minutes)`);
      throw new ReproError(
        `npm could not install ${packageSpec} into the tool cache: \`npm install\` ${why}.\n${outputTailText(result)}`,
        {
          hint: 'Air-gapped runner? Point TFJS_NODE_BASE_URI at a libtensorflow mirror and npm_config_tfjs_binding_binary_host_mirror at a tfjs binding mirror.',
        },
      );
    }
    await rename(staging, target);
    return target;
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(lock, { recursive: true, force: true });
  }
}

async function tryCreateLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A lock left by a job that died mid-install would block every later job.
    const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (age > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
    return false;
  }
}

async function findOnPath(command: string, searchPath: string): Promise<string | null> {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}
