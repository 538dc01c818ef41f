import path from 'node:path';
import { EXIT_DRIFT, EXIT_PASS, ReproError } from '../../errors.ts';
import { writeFileAtomic } from '../../fs/atomic-write.ts';
import { DEFAULT_TOLERANCE } from '../../compare/tolerance.ts';
import type { Tolerance } from '../../compare/types.ts';
import { diffCheckpoints } from '../../checkpoints/diff.ts';
import { renderWeightDiffMarkdown, weightDiffToJson } from '../../checkpoints/diff-report.ts';
import { withCheckpoint } from '../../checkpoints/source.ts';
import type { CliIo } from '../io.ts';
import type { CliCommand } from '../command.ts';

interface DiffWeightsCommandOptions {
  /** Positional arguments: A (the reference) and B. */
  files: string[];
  rtol: string | undefined;
  atol: string | undefined;
  format: 'markdown' | 'json';
  out?: string | undefined;
}

/**
 * `repro-check diff-weights A B`: the `compare` contract for weights. Exit 0 when every tensor
 * is bit-identical (or, with --rtol/--atol, every float tensor is within them and every integer
 * tensor identical), 1 when they differ, 2 on bad input.
 */
async function run(options: DiffWeightsCommandOptions, io: CliIo): Promise<number> {
  const problems: string[] = [];
  if (options.files.length !== 2)
    problems.push(
      `diff-weights takes two checkpoints, A and B; got ${options.files.length === 0 ? 'none' : options.files.join(' ')}`,
    );
  const tolerance = toleranceFrom(options, problems);
  if (problems.length > 0) throw new ReproError(problems.join('\n'));
  const [a, b] = options.files as [string, string];
  const diff = await withCheckpoint(path.resolve(io.cwd, a), (checkpointA) =>
    withCheckpoint(path.resolve(io.cwd, b), (checkpointB) => diffCheckpoints(checkpointA, checkpointB, tolerance)),
  );
  const json = JSON.stringify(weightDiffToJson(diff, { a, b }), null, 2) + '\n';
  if (options.out) await writeFileAtomic(path.resolve(io.cwd, options.out), json);
  io.stdout(options.format === 'json' ? json : renderWeightDiffMarkdown(diff, { a, b }));
  return diff.status === 'differ' ? EXIT_DRIFT : EXIT_PASS;
}

/** Null (bit-identical required) unless --rtol or --atol is given; the other defaults to numpy's. */
function toleranceFrom(options: DiffWeightsCommandOptions, problems: string[]): Tolerance | null {
  if (options.rtol === undefined && options.atol === undefined) return null;
  const read = (flag: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
      problems.push(`--${flag} ${text}: expected a non-negative number such as 1e-5`);
      return fallback;
    }
    return value;
  };
  return {
    rtol: read('rtol', options.rtol, DEFAULT_TOLERANCE.rtol),
    atol: read('atol', options.atol, DEFAULT_TOLERANCE.atol),
    exact: false,
  };
}

export const command: CliCommand = {
  name: 'diff-weights',
  usage: `repro-check diff-weights A B [--rtol R] [--atol A] [--format markdown|json] [-o FILE]
    Compare two checkpoints tensor by tensor: max |a-b|, relative L2, cosine, by layer.`,
  options: ['rtol', 'atol', 'format', 'out', 'verbose'],
  formats: ['markdown', 'json'],
  run: async ({ args, values, format, flagProblems }, io) => {
    if (flagProblems.length > 0) throw new ReproError(flagProblems.join('\n'));
    return run(
      { files: args, rtol: values.rtol, atol: values.atol, format: format as 'markdown' | 'json', out: values.out },
      io,
    );
  },
};
