/**
 * Uploading a run's evidence (run record, metric files, report) as a workflow artifact, so it
 * outlives the log. Best effort: without the runner's artifact credentials, with missing files or
 * when the upload fails, the caller gets a warning and the job goes on with its verdict.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ArtifactNotFoundError,
  DefaultArtifactClient,
  type UploadArtifactOptions,
  type UploadArtifactResponse,
} from '@actions/artifact';
import { ReproError } from '../errors.ts';

/** The one upload method of `@actions/artifact`'s client we use; tests hand in a recorder. */
export interface ArtifactUploader {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: UploadArtifactOptions,
  ): Promise<UploadArtifactResponse>;
}

export interface RunArtifactRequest {
  /** The job's comment-key (default the job id; `toJSON(matrix)` in a matrix): one artifact per key. */
  commentKey: string;
  /** Absolute paths; duplicates and files that do not exist are left out (the latter with a warning). */
  files: readonly string[];
  /** Paths inside the artifact are relative to this folder, widened to the files' common folder when one lies outside it. */
  rootDir?: string;
  /** The runner's environment: `ACTIONS_RUNTIME_TOKEN` says whether artifacts can be uploaded at all. */
  env: Readonly<Record<string, string | undefined>>;
  log: { info(message: string): void; warning(message: string): void };
  /** Days GitHub keeps the artifact; default the repository's setting. */
  retentionDays?: number;
  /** Default `@actions/artifact`'s DefaultArtifactClient. */
  uploader?: ArtifactUploader;
}

export type RunArtifactOutcome =
  | { uploaded: { name: string; id: number | null; size: number | null; files: string[]; rootDir: string } }
  | { skipped: string }
  | { failed: string };

/**
 * Characters GitHub refuses in an artifact name (`@actions/artifact`'s validateArtifactName), plus
 * the other control characters and whitespace runs, which make unreadable names.
 */
const UNSAFE_NAME_CHARACTERS = /[":<>|*?\\/\s\p{Cc}]+/gu;
const NAME_PREFIX = 'repro-check-';
/** Keeps names readable in the UI; the hash suffix keeps long keys apart. */
const LONGEST_KEY_PART = 100;

/**
 * `repro-check-<comment-key>`, made acceptable to GitHub. When the key had to change (a matrix
 * key such as `{"seed": 1}`), a short hash of the original key is appended, so two keys that
 * differ only in refused characters still get two artifacts instead of a name clash.
 */
export function artifactName(commentKey: string): string {
  const cleaned = commentKey
    .replace(UNSAFE_NAME_CHARACTERS, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  const keyPart = cleaned.slice(0, LONGEST_KEY_PART);
  if (keyPart === commentKey && keyPart !== '') return `${NAME_PREFIX}${keyPart}`;
  const hash = createHash('sha256').update(commentKey, 'utf8').digest('hex').slice(0, 8);
  return keyPart === '' ? `${NAME_PREFIX}${hash}` : `${NAME_PREFIX}${keyPart}-${hash}`;
}

/** The deepest folder holding every one of PATHS (absolute, resolved). */
export function commonFolder(paths: readonly string[]): string {
  const split = paths.map((p) => path.resolve(p).split(path.sep));
  const first = split[0];
  if (!first) throw new Error('commonFolder needs at least one path');
  let depth = first.length;
  for (const parts of split) {
    let same = 0;
    while (same < Math.min(depth, parts.length) && parts[same] === first[same]) same += 1;
    depth = same;
  }
  return first.slice(0, depth).join(path.sep) || path.sep;
}

/**
 * Uploads the run's files (run record, report, metric files, the published verdict) as one artifact
 * named after the comment key, through the runner's artifact service. Best effort: returns
 * `{skipped: reason}` (and logs the reason as a warning) when the runner offers no artifact service,
 * no file exists, or the upload fails; otherwise the artifact's name, id and size. Never throws.
 */
export async function uploadRunArtifact(request: RunArtifactRequest): Promise<RunArtifactOutcome> {
  const name = artifactName(request.commentKey);
  const skip = (reason: string): RunArtifactOutcome => {
    request.log.warning(reason);
    return { skipped: reason };
  };
  if (!request.env['ACTIONS_RUNTIME_TOKEN']) {
    return skip(
      `Run artifact ${name} not uploaded: the runner's artifact credentials (ACTIONS_RUNTIME_TOKEN) are not in the environment. ` +
        'The runner gives them to action steps (`uses:`), not to `run:` steps; outside GitHub Actions there is nothing to upload to.',
    );
  }
  const unique = [...new Set(request.files.map((f) => path.resolve(f)))];
  const present: string[] = [];
  const missing: string[] = [];
  for (const file of unique) ((await isFile(file)) ? present : missing).push(file);
  if (missing.length > 0)
    request.log.warning(`Run artifact ${name}: left out ${missing.length} missing file(s): ${missing.join(', ')}`);
  if (present.length === 0) return skip(`Run artifact ${name} not uploaded: none of its files exist.`);

  const rootDir = commonFolder([...(request.rootDir ? [request.rootDir] : []), ...present.map((f) => path.dirname(f))]);
  const uploader = request.uploader ?? new DefaultArtifactClient();
  const options = request.retentionDays === undefined ? {} : { retentionDays: request.retentionDays };
  for (let copy = 1; ; copy += 1) {
    const candidate = copy === 1 ? name : `${name}-${copy}`;
    try {
      const response = await uploader.uploadArtifact(candidate, present, rootDir, options);
      request.log.info(
        `Uploaded run artifact ${candidate} (${present.length} file(s)${response.size === undefined ? '' : `, ${response.size} bytes`}).`,
      );
      if (copy > 1)
        request.log.warning(
          `Run artifact ${name} already existed in this workflow run (a second repro-check step with the same comment-key?); uploaded as ${candidate}. Give each step its own comment-key.`,
        );
      return {
        uploaded: { name: candidate, id: response.id ?? null, size: response.size ?? null, files: present, rootDir },
      };
    } catch (error) {
      const message = (error as Error).message?.split('\n')[0] ?? String(error);
      // Artifact names are unique per workflow run and artifacts immutable: take the next free name.
      if (NAME_TAKEN.test(message) && copy < MAX_NAME_COPIES) continue;
      const reason = `Could not upload the run artifact ${candidate}: ${message}. The verdict stands; the report is in the job summary.`;
      request.log.warning(reason);
      return { failed: reason };
    }
  }
}

/** How `@actions/artifact` reports CreateArtifact's 409 for a name the run already has. */
const NAME_TAKEN = /\(409\)/;
const MAX_NAME_COPIES = 5;

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The two download methods of `@actions/artifact`'s client we use. */
export interface ArtifactDownloader {
  getArtifact(name: string): Promise<{ artifact: { id: number; name: string } }>;
  downloadArtifact(id: number, options: { path: string }): Promise<{ downloadPath?: string }>;
}

/**
 * Refuses, before any request, a job whose environment lacks the runner's artifact credentials
 * (ACTIONS_RUNTIME_TOKEN: given to action steps, not to `run:` steps).
 * @throws ReproError "<WHAT>: the runner's artifact credentials … are not in the environment" with HINT.
 */
export function requireArtifactCredentials(
  env: Readonly<Record<string, string | undefined>>,
  what: string,
  hint: string,
): void {
  if (!env['ACTIONS_RUNTIME_TOKEN'])
    throw new ReproError(
      `${what}: the runner's artifact credentials (ACTIONS_RUNTIME_TOKEN) are not in the environment.`,
      { hint },
    );
}

/**
 * Downloads the artifact NAME of this workflow run (uploaded by an earlier job, e.g. the check job
 * of the two-job pattern) into DIR, through the runner's results service. Throws a ReproError
 * saying what to fix when the runner gives no artifact credentials, no such artifact exists, or
 * the download fails.
 */
export async function downloadRunArtifact(request: {
  name: string;
  dir: string;
  env: Readonly<Record<string, string | undefined>>;
  downloader?: ArtifactDownloader;
}): Promise<string> {
  requireArtifactCredentials(
    request.env,
    `Cannot download the run artifact ${request.name}`,
    'mode: publish runs as an action step (`uses:`) in the same workflow run as the check job.',
  );
  const downloader = request.downloader ?? new DefaultArtifactClient();
  let id: number;
  try {
    id = (await downloader.getArtifact(request.name)).artifact.id;
  } catch (error) {
    if (error instanceof ArtifactNotFoundError || (error as Error).name === 'ArtifactNotFoundError') {
      throw new ReproError(
        `No artifact ${request.name} in this workflow run: the check job did not upload its verdict (it failed before one, was skipped, or has another comment-key).`,
        {
          hint: 'Run the publish job after the check job (`needs:` with `if: always()`), and give both the same comment-key (or check-name): the artifact is repro-check-<comment-key>.',
        },
      );
    }
    throw new ReproError(
      `Could not look up the run artifact ${request.name}: ${(error as Error).message.split('\n')[0]}`,
      { hint: 'A re-run of the publish job tries again.' },
    );
  }
  try {
    const { downloadPath } = await downloader.downloadArtifact(id, { path: request.dir });
    return downloadPath ?? request.dir;
  } catch (error) {
    throw new ReproError(
      `Could not download the run artifact ${request.name}: ${(error as Error).message.split('\n')[0]}`,
      { hint: 'A re-run of the publish job tries again.' },
    );
  }
}
