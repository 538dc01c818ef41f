import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError, ReproError } from '../errors.ts';
import { baselineMetrics, decodeMetricData, decodeRecordDocument, isReproDocument } from '../record/codec.ts';
import { emptyMetricData, type MetricData } from './series.ts';
import { addPrefix, parseMetricText } from './parse.ts';
import { describeFilesWrittenSince, expandFileGlob, withModificationTimes } from './glob-files.ts';
import { readStructuredMetrics } from './metric-source.ts';
import { isEventFileName, readTensorBoardLogDir } from './tensorboard/log-dir.ts';
import { describeDatedFiles, isVersionedRunFolder, splitByRunStart } from './run-folders.ts';

/** No file where the `metrics` setting points: PREFIX is the map key ('' for a plain path), LOOKEDFOR where it was looked for. */
export class NoMetricFileError extends ReproError {
  constructor(
    readonly prefix: string,
    readonly lookedFor: string,
    message: string,
  ) {
    super(message, { hint: 'Check that the training writes its metrics there ({out} is the per-run REPRO_OUT_DIR).' });
    this.name = 'NoMetricFileError';
  }
}

/**
 * Reads the metric files a run wrote (the `metrics` setting: a file, a folder, a glob, or
 * {prefix: path}) into one MetricData. On a self-hosted runner a file left by an earlier job must
 * never pass for this run's metrics: a named file older than the run's start is refused, and of the
 * files a glob or a log folder holds only those written since the start are read (docs/metric-formats.md,
 * "Versioned log folders"). Binary formats and folders are told apart in metric-source.ts.
 */
export async function collectRunMetrics(
  spec: string | Record<string, string>,
  options: { baseDir: string; notBefore: Date | null },
): Promise<{ data: MetricData; files: string[] }> {
  const entries = typeof spec === 'string' ? [['', spec] as const] : Object.entries(spec);
  const merged = emptyMetricData();
  const owners = new Map<string, string>();
  const allFiles: string[] = [];
  for (const [prefix, pattern] of entries) {
    const absolute = path.isAbsolute(pattern);
    const root = absolute ? '/' : options.baseDir;
    const { staticPrefix, files: matched } = await expandFileGlob(root, absolute ? pattern.slice(1) : pattern);
    if (matched.length === 0) {
      throw new NoMetricFileError(prefix, absolute ? pattern : path.join(options.baseDir, pattern), `metrics: no file matches "${pattern}" in ${options.baseDir}${describeFilesWrittenSince(options.baseDir, options.notBefore)}`);
    }
    const files = /[*?]/.test(pattern) ? filesOfThisRun(root, matched, pattern, options, merged.notes) : matched;
    if (files.length > 1 && files.every(isEventFileName)) {
      // Event files are parts of TensorBoard runs, not metrics named by file: read them as a log folder.
      let data = readTensorBoardLogDir(path.join(root, staticPrefix), files.map((file) => path.posix.relative(staticPrefix, file)), { ...options, notBefore: null });
      if (prefix) data = addPrefix(data, prefix);
      mergeInto(merged, data, pattern, owners);
      allFiles.push(...files.map((relative) => path.join(root, relative)));
      continue;
    }
    for (const relative of files) {
      const file = absolute ? `/${relative}` : path.join(options.baseDir, relative);
      let data = await readMetricFile(file, options).catch((error: unknown) => {
        if ((error as { cause?: NodeJS.ErrnoException }).cause?.code === 'ENOENT') throw new NoMetricFileError(prefix, file, (error as Error).message);
        throw error;
      });
      const fileName = files.length > 1 ? namePrefixForGlobMatch(relative, staticPrefix, data) : '';
      const fullPrefix = [prefix, fileName].filter(Boolean).join('.');
      if (fullPrefix) data = addPrefix(data, fullPrefix);
      mergeInto(merged, data, file, owners);
      allFiles.push(file);
    }
  }
  return { data: merged, files: allFiles };
}

/**
 * When a glob matches several files, each file's metrics are named after its path below the
 * glob's literal prefix (`train/loss.tsv` -> `train.loss`), leaving out the file's stem when the
 * file holds one metric of that name (DVCLive's layout: `train/loss.tsv` has a `loss` column).
 */
function namePrefixForGlobMatch(relative: string, staticPrefix: string, data: MetricData): string {
  const below = staticPrefix && relative.startsWith(`${staticPrefix}/`) ? relative.slice(staticPrefix.length + 1) : relative;
  const withoutExtension = below.replace(/\.[^./]+$/, '');
  // A versioned run folder (lightning_logs/version_3) changes from run to run: it never enters a name.
  const parts = withoutExtension.split('/').filter((part) => !isVersionedRunFolder(part));
  const stem = parts.at(-1)!;
  const names = [...data.series.keys(), ...data.finals.keys()];
  if (names.length === 1 && names[0] === stem) parts.pop();
  return parts.join('.');
}

/**
 * Of the files a glob matched, those written during this run (`notBefore`): a reused self-hosted
 * checkout keeps the versioned log folders of earlier jobs (lightning_logs/version_0), which must never
 * be merged in. The files left out are noted; when none is left, the error names what was matched and
 * what the training did write.
 */
function filesOfThisRun(root: string, matched: string[], pattern: string, options: { baseDir: string; notBefore: Date | null }, notes: string[]): string[] {
  if (options.notBefore === null) return matched;
  const { fresh, stale } = splitByRunStart(withModificationTimes(root, matched), options.notBefore);
  if (fresh.length === 0) {
    throw new ReproError(
      `metrics: every file matching "${pattern}" is left over from an earlier run (this one started ${options.notBefore.toISOString()}): ${describeDatedFiles(stale)}${describeFilesWrittenSince(options.baseDir, options.notBefore)}`,
      { hint: 'The training did not write its metrics where `metrics` points; fix the path (or write to {out}, the per-run REPRO_OUT_DIR). The old files were not read.' },
    );
  }
  if (stale.length > 0) notes.push(`metrics: ${stale.length} file${stale.length === 1 ? '' : 's'} matching "${pattern}" from earlier runs left out: ${describeDatedFiles(stale)}`);
  return fresh.map((file) => file.path);
}

function mergeInto(target: MetricData, source: MetricData, file: string, owners: Map<string, string>): void {
  const claim = (name: string) => {
    const owner = owners.get(name);
    if (owner) throw new ReproError(`metrics: "${name}" is logged in both ${owner} and ${file}`, { hint: 'Give the files prefixes with the map form: metrics: { train: a.jsonl, eval: b.jsonl }.' });
    owners.set(name, file);
  };
  for (const [name, series] of source.series) {
    claim(name);
    target.series.set(name, series);
  }
  for (const [name, value] of source.finals) {
    claim(`${name} (final)`);
    target.finals.set(name, value);
  }
  target.notes.push(...source.notes);
}

async function readMetricFile(file: string, options: { baseDir: string; notBefore: Date | null }): Promise<MetricData> {
  const { notBefore } = options;
  let text: string;
  try {
    if (notBefore) {
      const info = await stat(file);
      // One second of slack: some filesystems keep whole-second modification times. A folder's own
      // time says nothing of its files: the folder readers check those.
      if (!info.isDirectory() && info.mtime.getTime() < notBefore.getTime() - 1000) {
        const { mtime } = info;
        throw new InputFileError(file, undefined, `was last written at ${mtime.toISOString()}, before this run started (${notBefore.toISOString()}): it is left over from an earlier run`, {
          hint: 'The training did not write its metrics where `metrics` points; fix the path (or write to {out}, the per-run REPRO_OUT_DIR). The old file was not read.',
        });
      }
    }
    const structured = readStructuredMetrics(file, options);
    if (structured) return structured;
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ReproError) throw error;
    throw new InputFileError(file, undefined, `cannot read the metric file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  return parseMetricText(text, file);
}

/**
 * Reads anything `compare` accepts, told apart by content: a run record or baseline
 * (`kind` + `schemaVersion`) or a metric file. A baseline holding several runs compares
 * against its first run (the σ gate reads its band apart: src/record/band.ts).
 */
export function parseComparable(text: string, file: string): MetricData {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined; // JSONL, or JSON with Python tokens: the metric parser reports problems with lines.
    }
    if (isReproDocument(value)) {
      const document = decodeRecordDocument(value, file);
      return decodeMetricData(document.kind === 'run-record' ? document.record.metrics : baselineMetrics(document.baseline), file);
    }
  }
  return parseMetricText(text, file);
}

export async function readComparable(file: string): Promise<MetricData> {
  const structured = readStructuredMetrics(file, { notBefore: null, baseDir: path.dirname(file) });
  if (structured) return structured;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputFileError(file, undefined, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  return parseComparable(text, file);
}
