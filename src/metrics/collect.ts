import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError, ReproError } from '../errors.ts';
import { decodeMetricData, decodeRecordDocument, isReproDocument } from '../record/codec.ts';
import { emptyMetricData, type MetricData } from './series.ts';
import { addPrefix, detectTextLayout, parseMetricSource, renameMetrics, type ParseOptions } from './parse.ts';
import { fileLineSource } from './line-source.ts';
import { expandFileGlob } from './glob-files.ts';
import { globToRegExp, matchesAnyGlob } from '../compare/glob.ts';

/**
 * Reads the metric files a run wrote (the `metrics` setting: a file, a glob, or {prefix: path})
 * into one MetricData. Files older than the run's start are refused: on a self-hosted runner a
 * file left by an earlier job must never pass for this run's metrics.
 *
 * `stepKey` is the `step-key` setting: one key for every file, or (with the map form of
 * `metrics`) one per prefix. `wallClock` (the ignore-metrics globs) is only used to name
 * DVCLive-style files (namePrefixForGlobMatch).
 */
export async function collectRunMetrics(
  spec: string | Record<string, string>,
  options: { baseDir: string; notBefore: Date | null; stepKey?: string | Record<string, string> | undefined; wallClock?: readonly string[] },
): Promise<{ data: MetricData; files: string[] }> {
  const entries = typeof spec === 'string' ? [['', spec] as const] : Object.entries(spec);
  const merged = emptyMetricData();
  const owners = new Map<string, string>();
  const allFiles: string[] = [];
  const wallClock = (options.wallClock ?? []).map(globToRegExp);
  for (const [prefix, pattern] of entries) {
    const stepKey = typeof options.stepKey === 'string' ? options.stepKey : options.stepKey?.[prefix];
    const absolute = path.isAbsolute(pattern);
    const { staticPrefix, files, isGlob } = await expandFileGlob(absolute ? '/' : options.baseDir, absolute ? pattern.slice(1) : pattern);
    if (files.length === 0) {
      throw new ReproError(`metrics: no file matches "${pattern}" in ${options.baseDir}`, { hint: 'Check that the training writes its metrics there ({out} is the per-run REPRO_OUT_DIR).' });
    }
    for (const relative of files) {
      const file = absolute ? `/${relative}` : path.join(options.baseDir, relative);
      let data = await readMetricFile(file, options.notBefore, { stepKey });
      // Named by path whenever the setting is a glob, however many files it matched today: a
      // metric's name must not change when a commit adds a second file (DVCLive's eval/acc.tsv).
      if (isGlob) data = renameMetrics(data, globMatchNamer(relative, staticPrefix, data, wallClock, prefix));
      else if (prefix) data = addPrefix(data, prefix);
      mergeInto(merged, data, file, owners);
      allFiles.push(file);
    }
  }
  return { data: merged, files: allFiles };
}

/**
 * A file matched by a glob has its metrics named after its path below the glob's literal prefix
 * (`eval/acc.tsv` -> `eval.acc.<name>`), and the file's one metric that is not wall clock drops
 * the repeated stem when it has the file's name (DVCLive's layout: `eval/acc.tsv` holds
 * `timestamp`, `step` and `acc`, named `eval.acc.timestamp` and `eval.acc`). `prefix` is the
 * key of the map form of `metrics`, or ''.
 */
function globMatchNamer(relative: string, staticPrefix: string, data: MetricData, wallClock: readonly RegExp[], prefix: string): (name: string) => string {
  const below = staticPrefix && relative.startsWith(`${staticPrefix}/`) ? relative.slice(staticPrefix.length + 1) : relative;
  const parts = [...(prefix ? [prefix] : []), ...below.replace(/\.[^./]+$/, '').split('/')];
  const stem = parts.at(-1)!;
  const compared = [...data.series.keys(), ...data.finals.keys()].filter((name) => !matchesAnyGlob(name, wallClock));
  const fileNamesTheMetric = compared.length === 1 && compared[0] === stem;
  const path = parts.join('.');
  return (name) => (fileNamesTheMetric && name === stem ? path : `${path}.${name}`);
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
  target.stepAxes!.push(...(source.stepAxes ?? []));
}

async function readMetricFile(file: string, notBefore: Date | null, options: ParseOptions): Promise<MetricData> {
  if (notBefore) {
    const { mtime } = await stat(file).catch((error: unknown) => {
      throw cannotRead(file, 'cannot read the metric file', error);
    });
    // One second of slack: some filesystems keep whole-second modification times.
    if (mtime.getTime() < notBefore.getTime() - 1000) {
      throw new InputFileError(file, undefined, `was last written at ${mtime.toISOString()}, before this run started (${notBefore.toISOString()}): it is left over from an earlier run`, {
        hint: 'The training did not write its metrics where `metrics` points; fix the path (or write to {out}, the per-run REPRO_OUT_DIR). The old file was not read.',
      });
    }
  }
  return withReadErrors(file, 'cannot read the metric file', () => parseMetricSource(fileLineSource(file), options));
}

/** Runs a read, turning a file-system error (the file is gone, a folder, unreadable) into an InputFileError. */
function withReadErrors<T>(file: string, what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ReproError) throw error;
    if ((error as NodeJS.ErrnoException).code !== undefined) throw cannotRead(file, what, error);
    throw error;
  }
}

function cannotRead(file: string, what: string, error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_STRING_TOO_LONG') {
    // JSONL, CSV and TSV are read line by line; only a JSON document is read whole.
    return new InputFileError(file, undefined, `${what}: a JSON document this large (over 512 MiB) cannot be read whole`, {
      cause: error,
      hint: 'Log one JSON object per line (JSONL), which is read as a stream at any size.',
    });
  }
  return new InputFileError(file, undefined, `${what}: ${code ?? (error as Error).message}`, { cause: error });
}

/**
 * Reads anything `compare` accepts, told apart by content: a run record or baseline
 * (`kind` + `schemaVersion`) or a metric file. A baseline holding several runs compares
 * against its first run. Metric files are read as parseMetricSource reads them (streams of lines).
 */
export function readComparable(file: string, options: ParseOptions = {}): MetricData {
  return withReadErrors(file, 'cannot read', () => {
    const source = fileLineSource(file);
    if (detectTextLayout(source).kind === 'json-document') {
      let value: unknown;
      try {
        value = JSON.parse(source.wholeText());
      } catch {
        value = undefined; // JSON with Python tokens: the metric parser reads it or reports where it breaks.
      }
      if (isReproDocument(value)) {
        const document = decodeRecordDocument(value, file);
        const record = document.kind === 'run-record' ? document.record : document.baseline.runs[0]!;
        return decodeMetricData(record.metrics, file);
      }
    }
    return parseMetricSource(source, options);
  });
}
