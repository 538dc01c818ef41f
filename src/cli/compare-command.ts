import path from 'node:path';
import { EXIT_DRIFT, EXIT_PASS, ReproError } from '../errors.ts';
import { readComparable } from '../metrics/collect.ts';
import { compareMetrics } from '../compare/compare.ts';
import { DEFAULT_TOLERANCE, TolerancePicker } from '../compare/tolerance.ts';
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
  /** -o: also write the verdict JSON here. */
  out?: string | undefined;
}

/** `repro-check compare BASELINE CURRENT`: DESIGN.md's contract, exit 0 pass / 1 drift / 2 bad input. */
export async function runCompareCommand(options: CompareCommandOptions, io: CliIo): Promise<number> {
  const rtol = parseTolerance('--rtol', options.rtol, DEFAULT_TOLERANCE.rtol);
  const atol = parseTolerance('--atol', options.atol, DEFAULT_TOLERANCE.atol);
  if (options.exact && (options.rtol !== undefined || options.atol !== undefined)) throw new ReproError('--exact compares bit for bit; leave out --rtol and --atol with it');
  const [baseline, current] = await Promise.all([readComparable(path.resolve(options.cwd, options.baseline)), readComparable(path.resolve(options.cwd, options.current))]);
  const source = options.exact ? '--exact' : options.rtol !== undefined || options.atol !== undefined ? 'command-line flags' : 'default (numpy.allclose)';
  const verdict = compareMetrics(baseline, current, {
    tolerances: new TolerancePicker({ rtol, atol, exact: options.exact }, source, {}),
    include: options.include,
    // Wall-clock fields are ignored by default (DESIGN.md); --ignore adds to that list.
    ignore: [...DEFAULT_IGNORED_METRICS, ...options.ignore],
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
        toleranceLines: [options.exact ? 'exact (bit-for-bit)' : `rtol ${rtol}, atol ${atol} — from ${source}`],
        environmentDifferences: [],
        checkpointLines: [],
        notes: [],
      }, Infinity),
    );
  }
  return verdict.status === 'pass' ? EXIT_PASS : EXIT_DRIFT;
}

function parseTolerance(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new ReproError(`${flag} ${text}: expected a number >= 0, e.g. ${flag} 1e-5`);
  return value;
}
