import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { errnoMeaning, InputFileError, ReproError } from '../errors.ts';
import { describeFilesWrittenSince, listFiles, withModificationTimes } from './glob-files.ts';
import { looksLikeMlflowMetric, parseMlflowMetric } from './mlflow.ts';
import { describeDatedFiles, splitByRunStart, type FolderReadOptions } from './run-folders.ts';
import { emptyMetricData, type MetricData } from './series.ts';

/**
 * Reads a folder of MLflow's file store (mlflow/store/tracking/file_store.py): a run folder
 * (`mlruns/<experiment>/<run>`, holding `metrics/`), its `metrics/` folder, or an experiment folder or
 * `mlruns/` itself when only one run in it qualifies. Each file below `metrics/` is one metric, named
 * by its path there (`metrics/eval/loss` is `eval/loss`).
 *
 * An experiment folder holds one run per training: with `notBefore` (check) only runs with a metric
 * file written since then qualify; several qualifying runs are refused (exit 2) naming them, as is a
 * folder whose runs are all older. Returns null when `dir` is none of these layouts.
 */
export function readMlflowFolder(dir: string, options: FolderReadOptions): MetricData | null {
  if (path.basename(dir) === 'metrics' && holdsMlflowMetrics(dir) !== false) return readMetricsFolder(dir);
  if (holdsMlflowMetrics(path.join(dir, 'metrics')) !== false) return readMetricsFolder(path.join(dir, 'metrics'));
  // A project folder holding the store (`mlruns/`, MLflow's default): its runs are three levels down.
  const store = isFolder(path.join(dir, 'mlruns')) ? 'mlruns' : '';
  const runs = findRunFolders(path.join(dir, store)).map((run) => path.join(store, run));
  if (runs.length === 0) return null;
  const latestWrite = runs.map((run) => {
    const files = withModificationTimes(
      dir,
      listFiles(dir, `${run}/metrics`, () => true),
    );
    return { path: run, mtimeMs: Math.max(0, ...files.map((f) => f.mtimeMs)) };
  });
  const { fresh, stale } = splitByRunStart(latestWrite, options.notBefore);
  if (fresh.length === 0) {
    throw new ReproError(
      `metrics: no MLflow run in ${dir} logged a metric during this run (started ${options.notBefore!.toISOString()}); found only older runs: ${describeDatedFiles(stale)}${describeFilesWrittenSince(options.baseDir, options.notBefore)}`,
      {
        hint: 'The training logged to another tracking folder (MLFLOW_TRACKING_URI), or logged nothing: point `metrics` at the mlruns folder it writes. Older runs were not read.',
      },
    );
  }
  if (fresh.length > 1) {
    throw new ReproError(
      `metrics: ${dir} holds ${fresh.length} MLflow runs (${describeDatedFiles(fresh)}); reading them together would mix runs`,
      {
        hint: `Point at one run folder (e.g. ${path.join(dir, fresh.at(-1)!.path)})${options.notBefore ? '' : ', or run it under `check`, which reads only the run logged during it'}.`,
      },
    );
  }
  const data = readMetricsFolder(path.join(dir, fresh[0]!.path, 'metrics'));
  if (stale.length > 0)
    data.notes.push(
      `${dir}: ${stale.length} MLflow run${stale.length === 1 ? '' : 's'} from earlier trainings left out: ${describeDatedFiles(stale)}`,
    );
  return data;
}

/**
 * Run folders (those whose `metrics/` holds MLflow metric files) one or two levels below `dir`:
 * `<run>` or `<experiment>/<run>`. Told by content: DVCLive's `plots/metrics/` is a folder named
 * `metrics` too, holding TSVs.
 */
function findRunFolders(dir: string): string[] {
  const runs: string[] = [];
  for (const child of subfolders(dir)) {
    if (holdsMlflowMetrics(path.join(dir, child, 'metrics')) === true) runs.push(child);
    else
      for (const grandchild of subfolders(path.join(dir, child)))
        if (holdsMlflowMetrics(path.join(dir, child, grandchild, 'metrics')) === true)
          runs.push(`${child}/${grandchild}`);
  }
  return runs.sort();
}

/**
 * Whether METRICSDIR is an MLflow `metrics/` folder, told by content: true when its first file
 * (in name order) opens with `<timestamp ms> <value> <step>` lines, false for a folder whose first
 * file does not (or no folder), 'empty' for a folder with no file (a run that logged nothing).
 */
function holdsMlflowMetrics(metricsDir: string): boolean | 'empty' {
  if (!isFolder(metricsDir)) return false;
  const first = listFiles(metricsDir, '', () => true).sort()[0];
  if (first === undefined) return 'empty';
  try {
    const descriptor = openSync(path.join(metricsDir, first), 'r');
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      return looksLikeMlflowMetric(head.toString('utf8', 0, readSync(descriptor, head, 0, HEAD_BYTES, 0)));
    } finally {
      closeSync(descriptor);
    }
  } catch {
    return false;
  }
}

/** How much of a file holdsMlflowMetrics reads: a few MLflow lines. */
const HEAD_BYTES = 4096;

function readMetricsFolder(metricsDir: string): MetricData {
  const files = listFiles(metricsDir, '', () => true).sort();
  if (files.length === 0)
    throw new InputFileError(metricsDir, undefined, 'this MLflow metrics folder is empty: the run logged no metric', {
      hint: 'Log with mlflow.log_metric(name, value, step=step).',
    });
  const data = emptyMetricData();
  for (const name of files) {
    const file = path.join(metricsDir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputFileError(file, undefined, `cannot read: ${errnoMeaning((error as NodeJS.ErrnoException).code)}`, {
        cause: error,
      });
    }
    const metric = parseMlflowMetric(text, file, name);
    for (const [metricName, series] of metric.series) data.series.set(metricName, series);
    data.notes.push(...metric.notes);
  }
  // Every line's third column is MLflow's step: one axis for the folder, not one line per metric file.
  data.stepAxes!.push({ file: metricsDir, stepKey: 'step' });
  return data;
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name);
  } catch {
    return [];
  }
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
