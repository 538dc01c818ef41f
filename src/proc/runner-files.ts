import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The runner's file commands: files the runner reads after the step to set outputs, env vars
 * for later steps, PATH, state and the job summary (docs.github.com, "Workflow commands",
 * Environment files). The training's environment does not name them, but they sit at a
 * predictable place (`$RUNNER_TEMP/_runner_file_commands/set_output_<uuid>` …) that a
 * same-user training can find and append to. Node cannot make them unreachable, so they are
 * recorded before the training and checked, and restored, after it.
 */
export const RUNNER_FILE_VARIABLES = [
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
] as const;
/** The runner's folder for the files above (actions/runner: `_runner_file_commands` under RUNNER_TEMP). */
export const RUNNER_FILE_COMMANDS_DIR = '_runner_file_commands';

interface RecordedFile {
  /** The variable naming it, or null for another file found in the runner's folder. */
  variable: string | null;
  content: Buffer | null;
  sha256: string | null;
}

/** One file the training changed, created or removed, after it was put back. */
export interface RunnerFileChange {
  file: string;
  variable: string | null;
  /** What happened, e.g. "changed (12 bytes -> 80 bytes); restored". */
  what: string;
}

export interface RunnerFilesSnapshot {
  /** Compares every recorded file with its record, restores each that differs, removes new ones; returns what was found. */
  restoreChanged(): Promise<RunnerFileChange[]>;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR')
      return null;
    throw error;
  }
}

async function listFolder(dir: string | null): Promise<string[]> {
  if (dir === null) return [];
  try {
    return (await readdir(dir)).map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/**
 * Records size and SHA-256 (and the bytes, to put them back) of the files named by ENV's
 * GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY and of every file in
 * `$RUNNER_TEMP/_runner_file_commands/`. Outside a runner none is set and nothing is recorded.
 * Throws only what reading a named file throws besides "not found".
 */
export async function snapshotRunnerFiles(env: NodeJS.ProcessEnv): Promise<RunnerFilesSnapshot> {
  const recorded = new Map<string, RecordedFile>();
  for (const variable of RUNNER_FILE_VARIABLES) {
    const file = env[variable];
    if (!file) continue;
    const content = await readOrNull(file);
    recorded.set(path.resolve(file), { variable, content, sha256: content && sha256(content) });
  }
  const folder = env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, RUNNER_FILE_COMMANDS_DIR) : null;
  for (const file of await listFolder(folder)) {
    if (recorded.has(file)) continue;
    const content = await readOrNull(file);
    if (content !== null) recorded.set(file, { variable: null, content, sha256: sha256(content) });
  }

  return {
    async restoreChanged() {
      const changes: RunnerFileChange[] = [];
      for (const [file, before] of recorded) {
        const now = await readOrNull(file);
        if (now === null && before.content === null) continue;
        if (now !== null && before.sha256 === sha256(now)) continue;
        if (before.content === null) {
          await rm(file, { force: true });
          changes.push({ file, variable: before.variable, what: `created (${now!.length} bytes); removed` });
        } else {
          await writeFile(file, before.content);
          changes.push({
            file,
            variable: before.variable,
            what:
              now === null
                ? 'deleted; restored'
                : `changed (${before.content.length} bytes -> ${now.length} bytes); restored`,
          });
        }
      }
      for (const file of await listFolder(folder)) {
        if (recorded.has(file)) continue;
        const content = await readOrNull(file);
        if (content === null) continue;
        await rm(file, { force: true });
        changes.push({ file, variable: null, what: `created (${content.length} bytes); removed` });
      }
      return changes;
    },
  };
}
