/**
 * The run records a job matrix uploaded as artifacts of this workflow run, downloaded through the
 * runner's artifact service with `@actions/artifact`'s client (the one actions/upload-artifact and
 * our own run artifacts go through), for `mode: aggregate`.
 */
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { ReproError } from '../errors.ts';
import { globToRegExp } from '../compare/glob.ts';
import { listFiles } from '../metrics/glob-files.ts';
import { requireArtifactCredentials, type ArtifactDownloader } from './artifact.ts';
import { RUN_RECORD_FILE } from '../record/types.ts';

/** The listing and download methods of `@actions/artifact`'s client that aggregate uses; tests may hand in their own. */
export interface ArtifactReader {
  listArtifacts(options?: { latest?: boolean }): Promise<{ artifacts: Array<{ id: number; name: string }> }>;
  downloadArtifact: ArtifactDownloader['downloadArtifact'];
}

/**
 * Downloads every artifact of this workflow run whose name matches PATTERN (a glob: `*` any
 * characters, `?` one) into DIR/<artifact name>/ and returns the paths of the run-record.json
 * files in them, sorted by artifact name. Throws a ReproError saying what to fix when the runner
 * gives no artifact credentials, no artifact matches (naming those there are), an artifact holds
 * no run-record.json, or the service fails.
 */
export async function downloadRecordArtifacts(request: {
  pattern: string;
  dir: string;
  env: Readonly<Record<string, string | undefined>>;
  reader?: ArtifactReader;
}): Promise<string[]> {
  const input = `input "record-artifacts": "${request.pattern}"`;
  requireArtifactCredentials(
    request.env,
    `${input}: this workflow run's artifacts cannot be listed`,
    'Run mode: aggregate as an action step (`uses:`) in the workflow run whose matrix jobs uploaded the records.',
  );
  const reader = request.reader ?? new DefaultArtifactClient();
  const failed = (what: string, error: unknown) =>
    new ReproError(`${input}: could not ${what}: ${(error as Error).message.split('\n')[0]}`, {
      hint: 'A re-run of the aggregate job tries again.',
    });
  const listed = await reader.listArtifacts({ latest: true }).catch((error: unknown) => {
    throw failed("list this workflow run's artifacts", error);
  });
  const matcher = globToRegExp(request.pattern);
  const matching = listed.artifacts.filter((a) => matcher.test(a.name)).sort((a, b) => a.name.localeCompare(b.name));
  if (matching.length === 0)
    throw new ReproError(
      `${input} matches none of this workflow run's ${listed.artifacts.length} artifact${listed.artifacts.length === 1 ? '' : 's'}${
        listed.artifacts.length > 0
          ? ` (${listed.artifacts
              .map((a) => a.name)
              .sort()
              .join(', ')})`
          : ''
      }`,
      {
        hint: 'Give the names the matrix jobs upload under (e.g. repro-record-*), and run this job after them (`needs:`).',
      },
    );
  const records: string[] = [];
  for (const artifact of matching) {
    const folder = path.join(request.dir, artifact.name);
    await reader.downloadArtifact(artifact.id, { path: folder }).catch((error: unknown) => {
      throw failed(`download the artifact ${artifact.name}`, error);
    });
    const found = findRunRecords(folder);
    if (found.length === 0)
      throw new ReproError(`${input}: the artifact ${artifact.name} holds no ${RUN_RECORD_FILE}`, {
        hint: `Each matrix job uploads the run record it wrote (repro-check run -o ${RUN_RECORD_FILE}) under a name the pattern matches; other artifacts need another name.`,
      });
    records.push(...found);
  }
  return records;
}

/** The run-record.json files below DIR, at any depth, sorted (one folder walker: metrics/glob-files.ts). */
function findRunRecords(dir: string): string[] {
  return listFiles(dir, '', (relative) => path.posix.basename(relative) === RUN_RECORD_FILE)
    .map((relative) => path.join(dir, relative))
    .sort();
}
