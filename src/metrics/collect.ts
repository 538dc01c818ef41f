import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError, ReproError } from '../errors.ts';
import { baselineMetrics, decodeMetricData, decodeRecordDocument, isReproDocument } from '../record/codec.ts';
import { emptyMetricData, type MetricData } from './series.ts';
import { addPrefix, parseMetricText } from './parse.ts';
import { expandFileGlob } from './glob-files.ts';

/**
 * Reads the metric files a run wrote (the `metrics` setting: a file, a glob, or {prefix: path})
 * into one MetricData. Files older than the run's start are refused: on a self-hosted runner a
 * file left by an earlier job must never pass for this run's metrics.
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
    const { staticPrefix, files } = await expandFileGlob(absolute ? '/' : options.baseDir, absolute ? pattern.slice(1) : pattern);
    if (files.length === 0) {
      throw new ReproError(`metrics: no file matches "${pattern}" in ${options.baseDir}`, { hint: 'Check that the training writes its metrics there ({out} is the per-run REPRO_OUT_DIR).' });
    }
    for (const relative of files) {
      const file = absolute ? `/${relative}` : path.join(options.baseDir, relative);
      let data = await readMetricFile(file, options.notBefore);
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
  const parts = withoutExtension.split('/');
  const stem = parts.at(-1)!;
  const names = [...data.series.keys(), ...data.finals.keys()];
  if (names.length === 1 && names[0] === stem) parts.pop();
  return parts.join('.');
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

async function readMetricFile(file: string, notBefore: Date | null): Promise<MetricData> {
  let text: string;
  try {
    if (notBefore) {
      const { mtime } = await stat(file);
      // One second of slack: some filesystems keep whole-second modification times.
      if (mtime.getTime() < notBefore.getTime() - 1000) {
        throw new InputFileError(file, undefined, `was last written at ${mtime.toISOString()}, before this run started (${notBefore.toISOString()}): it is left over from an earlier run`, {
          hint: 'The training did not write its metrics where `metrics` points; fix the path (or write to {out}, the per-run REPRO_OUT_DIR). The old file was not read.',
        });
      }
    }
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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputFileError(file, undefined, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  return parseComparable(text, file);
}
