import path from 'node:path';
import { EXIT_DRIFT, EXIT_PASS, ReproError } from '../errors.ts';
import { readComparable } from '../metrics/collect.ts';
import { compareMetrics } from '../compare/compare.ts';
import { DEFAULT_TOLERANCE, resolveTolerance, TolerancePicker } from '../compare/tolerance.ts';
import { loadSettings } from '../settings/load.ts';
import { gateSettingsOf } from '../settings/gate.ts';
import { readFile } from 'node:fs/promises';
import { DEFAULT_IGNORED_METRICS } from '../settings/schema.ts';
import { verdictToJson } from '../report/json.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { CliIo } from './main.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';

export interface CompareCommandOptions {
  baseline: string;
  current: string;
  cwd: string;
  rtol: string | undefined;
  atol: string | undefined;
  exact: boolean;
  include: string[];
  ignore: string[];
  format: 'markdown' | 'json';
  /** --config: take tolerance, metric-tolerances and ignore-metrics from this repro.yml. */
  config?: string | undefined;
  /** -o: also write the verdict JSON here. */
  out?: string | undefined;
}

/** `repro-check compare BASELINE CURRENT`: DESIGN.md's contract, exit 0 pass / 1 drift / 2 bad input. */
export async function runCompareCommand(options: CompareCommandOptions, io: CliIo): Promise<number> {
  const [baseline, current, picker] = await Promise.all([
    readComparable(path.resolve(options.cwd, options.baseline)),
    readComparable(path.resolve(options.cwd, options.current)),
    tolerancesFor(options),
  ]);
  const verdict = compareMetrics(baseline, current, {
    tolerances: picker.tolerances,
    include: options.include,
    // Wall-clock fields are ignored by default (DESIGN.md), or as the config says; --ignore adds to that list.
    ignore: [...picker.ignore, ...options.ignore],
  });
  if (options.out) await writeFileAtomic(path.resolve(options.cwd, options.out), JSON.stringify(verdictToJson(verdict), null, 2) + '\n');
  if (options.format === 'json') io.stdout(JSON.stringify(verdictToJson(verdict)) + '\n');
  else {
    io.stdout(
      renderMarkdown({
        outcome: verdict.status,
        verdict,
        baselineData: baseline,
        currentData: current,
        runLabel: options.current,
        baselineLabel: options.baseline,
        toleranceLines: picker.lines,
        environmentDifferences: [],
        checkpointLines: [],
        notes: [],
      }, Infinity),
    );
  }
  return verdict.status === 'pass' ? EXIT_PASS : EXIT_DRIFT;
}

interface ComparePicker {
  tolerances: TolerancePicker;
  ignore: string[];
  lines: string[];
}

/**
 * The tolerance for `compare`: from flags, or — with --config — the same keys a `check` uses
 * (tolerance, metric-tolerances, ignore-metrics), so a trusted workflow that compares evidence
 * from elsewhere (the fork-PR pattern) holds it to the repository's own gate.
 */
async function tolerancesFor(options: CompareCommandOptions): Promise<ComparePicker> {
  if (options.config !== undefined) {
    if (options.exact || options.rtol !== undefined || options.atol !== undefined) throw new ReproError('--config takes the tolerance from the file; leave out --rtol, --atol and --exact with it');
    const file = path.resolve(options.cwd, options.config);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new ReproError(`--config ${options.config}: cannot read ${file} (${error.code ?? error.message})`);
    });
    const gate = gateSettingsOf(loadSettings({ file: { path: options.config, text }, overrides: [] }).config);
    const tolerance = resolveTolerance(gate.tolerance);
    const source = `tolerance in ${options.config}`;
    return {
      tolerances: new TolerancePicker(tolerance, source, gate['metric-tolerances']),
      ignore: gate['ignore-metrics'],
      lines: [tolerance.exact ? `exact (bit-for-bit) — from ${source}` : `rtol ${tolerance.rtol}, atol ${tolerance.atol} — from ${source}`, ...Object.entries(gate['metric-tolerances']).map(([glob, o]) => `\`${glob}\`: ${JSON.stringify(o)}`)],
    };
  }
  const rtol = parseTolerance('--rtol', options.rtol, DEFAULT_TOLERANCE.rtol);
  const atol = parseTolerance('--atol', options.atol, DEFAULT_TOLERANCE.atol);
  if (options.exact && (options.rtol !== undefined || options.atol !== undefined)) throw new ReproError('--exact compares bit for bit; leave out --rtol and --atol with it');
  const source = options.exact ? '--exact' : options.rtol !== undefined || options.atol !== undefined ? 'command-line flags' : 'default (numpy.allclose)';
  return {
    tolerances: new TolerancePicker({ rtol, atol, exact: options.exact }, source, {}),
    ignore: [...DEFAULT_IGNORED_METRICS],
    lines: [options.exact ? 'exact (bit-for-bit)' : `rtol ${rtol}, atol ${atol} — from ${source}`],
  };
}

function parseTolerance(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new ReproError(`${flag} ${text}: expected a number >= 0, e.g. ${flag} 1e-5`);
  return value;
}
