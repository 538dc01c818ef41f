import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputFileError, ReproError } from '../errors.ts';
import { globToRegExp, matchesAnyGlob } from '../compare/glob.ts';
import { DEFAULT_IGNORED_METRICS } from '../settings/schema.ts';
import { parseDelimited } from './delimited.ts';
import { describeFilesWrittenSince, listFiles, withModificationTimes } from './glob-files.ts';
import { fileLineSource } from './line-source.ts';
import { parseMetricSource } from './parse.ts';
import { describeDatedFiles, splitByRunStart, type FolderReadOptions } from './run-folders.ts';
import { emptyMetricData, type MetricData } from './series.ts';

/**
 * DVCLive's output folder (dvclive/live.py): `plots/metrics/<name>.tsv` for each `log_metric(name, …)`
 * (a name with `/` in subfolders; columns `timestamp`, `step`, and the metric) and `metrics.json`
 * (the last values). Given as the metrics path (`dvclive/`, or its `plots/metrics/` folder), it is read
 * by content like this, never as MLflow's `metrics/` folder it resembles.
 */
const PLOTS_METRICS = path.join('plots', 'metrics');

/**
 * The `plots/metrics` folder of a DVCLive folder `dir` (or `dir` itself, its `plots/` folder, or a
 * project folder holding one DVCLive folder: `dvclive/`, or the `Live(dir=…)` one), or null when
 * `dir` is none of these. Throws InputFileError for a project folder holding several.
 */
export function dvcliveMetricsFolder(dir: string): string | null {
  const candidates = [path.join(dir, PLOTS_METRICS), dir];
  if (path.basename(dir) === 'plots') candidates.push(path.join(dir, 'metrics'));
  for (const candidate of candidates) {
    if (!isFolder(candidate)) continue;
    const isPlots = candidate !== dir || path.basename(path.dirname(dir)) === 'plots';
    if (isPlots && holdsTsv(candidate)) return candidate;
  }
  // A project folder: DVCLive's output one level down (`dvclive/`, or Live(dir="results")).
  const below = subfolders(dir).filter((child) => holdsTsv(path.join(dir, child, PLOTS_METRICS)));
  if (below.length > 1)
    throw new InputFileError(
      dir,
      undefined,
      `holds ${below.length} DVCLive folders (${below.join(', ')}); reading them together would mix their metrics`,
      { hint: `Point at one of them (e.g. ${path.join(dir, below[0]!)}).` },
    );
  return below.length === 1 ? path.join(dir, below[0]!, PLOTS_METRICS) : null;
}

function holdsTsv(dir: string): boolean {
  return isFolder(dir) && listFiles(dir, '', isTsv).length > 0;
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * One series per TSV, named by its path below `plots/metrics` (`train/loss.tsv` -> `train.loss`, the
 * file's stem standing for its one metric column; other columns `train.loss.<column>`), and the final
 * values of `metrics.json` beside `plots/`. With `notBefore` (check) TSVs written before the run are
 * left out with a note (DVCLive rewrites every file it logs), and none written since is refused.
 * Throws InputFileError for a TSV that cannot be read (as any TSV), ReproError when all are old.
 */
export function readDvcliveFolder(metricsDir: string, options: FolderReadOptions): MetricData {
  const { fresh, stale } = splitByRunStart(
    withModificationTimes(metricsDir, listFiles(metricsDir, '', isTsv).sort()),
    options.notBefore,
  );
  if (fresh.length === 0)
    throw new ReproError(
      `metrics: no DVCLive file in ${metricsDir} was written during this run (started ${options.notBefore!.toISOString()}); found only older ones: ${describeDatedFiles(stale)}${describeFilesWrittenSince(options.baseDir, options.notBefore)}`,
      { hint: 'The training logged to another DVCLive folder (Live(dir=…)), or logged nothing.' },
    );
  const data = emptyMetricData();
  const wallClock = DEFAULT_IGNORED_METRICS.map(globToRegExp);
  for (const { path: relative } of fresh) {
    const file = path.join(metricsDir, relative);
    const tsv = parseDelimited(fileLineSource(file), '\t');
    const stem = relative
      .replace(/\.tsv$/i, '')
      .split(/[\\/]/)
      .join('.');
    const own = path.basename(relative).replace(/\.tsv$/i, '');
    const compared = [...tsv.series.keys()].filter((name) => !matchesAnyGlob(name, wallClock));
    const standsForFile = compared.length === 1 && compared[0] === own;
    for (const [name, series] of tsv.series)
      data.series.set(standsForFile && name === own ? stem : `${stem}.${name}`, series);
    data.notes.push(...tsv.notes);
    data.stepAxes!.push(...(tsv.stepAxes ?? []));
  }
  if (stale.length > 0)
    data.notes.push(`${metricsDir}: DVCLive files from earlier runs left out: ${describeDatedFiles(stale)}`);
  const summary = path.join(metricsDir, '..', '..', 'metrics.json');
  if (path.basename(path.dirname(metricsDir)) === 'plots' && isFile(summary)) {
    const finals = parseMetricSource(fileLineSource(summary));
    for (const [name, value] of finals.finals) data.finals.set(name, value);
  }
  return data;
}

function isTsv(relative: string): boolean {
  return /\.tsv$/i.test(relative);
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
