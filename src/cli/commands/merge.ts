import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { EXIT_PASS, ReproError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import { AVERAGING_METHODS, type AveragingMethod, DEFAULT_EMA_DECAY } from '../../checkpoints/averaging.ts';
import { type MergeResult, lastCheckpoints, mergeCheckpoints } from '../../checkpoints/merge.ts';
import type { CliIo } from '../io.ts';
import type { CliCommand } from '../command.ts';

interface MergeCommandOptions {
  /** Positional arguments: the checkpoints, in any order (they are ordered by step or natural name order). */
  files: string[];
  method: string | undefined;
  last: string | undefined;
  decay: string | undefined;
  out: string | undefined;
}

/**
 * `repro-check merge --method sma|ema|wma [--last K] [--decay D] -o OUT CKPT...`: averages
 * the (last K) checkpoints into OUT and prints what it averaged and how correlated they were.
 */
async function run(options: MergeCommandOptions, io: CliIo, log: Logger): Promise<number> {
  const problems: string[] = [];
  const method = options.method as AveragingMethod | undefined;
  if (method === undefined) problems.push(`--method is required: ${AVERAGING_METHODS.join(', ')}`);
  else if (!AVERAGING_METHODS.includes(method))
    problems.push(`--method ${options.method}: accepted: ${AVERAGING_METHODS.join(', ')}`);
  const last = options.last === undefined ? undefined : Number(options.last);
  if (last !== undefined && !(Number.isSafeInteger(last) && last >= 1))
    problems.push(`--last ${options.last}: expected a whole number of checkpoints, 1 or more`);
  const decay = options.decay === undefined ? undefined : Number(options.decay);
  if (options.decay !== undefined && method !== 'ema') problems.push('--decay is for --method ema only');
  else if (decay !== undefined && !(decay > 0 && decay < 1))
    problems.push(
      `--decay ${options.decay}: expected a number between 0 and 1 (exclusive), such as ${DEFAULT_EMA_DECAY}`,
    );
  if (!options.out) problems.push('-o OUT is required: the merged safetensors file to write');
  if (options.files.length === 0) problems.push('name the checkpoints to average');
  if (problems.length > 0) throw new ReproError(problems.join('\n'), { hint: 'Run `repro-check --help` for usage.' });

  const out = path.resolve(io.cwd, options.out!);
  const inputs = options.files.map((file) => path.resolve(io.cwd, file));
  const outReal = await realpath(out).catch(() => out);
  for (const input of inputs) {
    if ((await realpath(input).catch(() => input)) === outReal)
      throw new ReproError(`-o ${options.out} is one of the checkpoints to average; write the merged file elsewhere`);
  }
  if (last !== undefined && last > inputs.length)
    log.warning(`--last ${last}: only ${inputs.length} checkpoints given; averaging all of them`);
  const chosen = await lastCheckpoints(inputs, last);
  const result = await mergeCheckpoints({
    inputs: chosen.map((c) => c.path),
    method: method!,
    ...(decay !== undefined ? { decay } : {}),
    out,
  });
  io.stdout(describeMerge(result, io.cwd));
  return EXIT_PASS;
}

/**
 * What `repro-check merge` prints: the merged file, each input with its step and weight, and the
 * cosines between successive weight deltas (how to read them, from the checkpoint-averaging note in
 * seeds/). Paths are shown relative to CWD. Pure.
 */
export function describeMerge(result: MergeResult, cwd: string): string {
  const name = (file: string) => path.relative(cwd, file) || file;
  const cosines = (values: number[]) =>
    values.length === 0 ? 'n/a (too few checkpoints)' : values.map((v) => v.toFixed(4)).join(', ');
  return [
    `Merged ${result.inputs.length} checkpoints into ${name(result.out)} (${result.averaged} tensors averaged, ${result.copied} integer/bool tensors copied from the newest):`,
    ...result.inputs.map(
      (input) =>
        `  ${name(input.path)}${input.step === null ? '' : ` (step ${input.step})`}  weight ${input.weight.toPrecision(6)}`,
    ),
    `Cosine between successive deltas: ${cosines(result.deltaCosines)}`,
    '(Negative: the weights oscillate about a minimum, which averaging cancels, so simple averaging is safe; near 1: they still move in one direction and the average lags behind.)',
    '',
  ].join('\n');
}

export const command: CliCommand = {
  name: 'merge',
  usage: `repro-check merge --method sma|ema|wma [--last K] [--decay D] -o OUT CKPT...
    Average checkpoints into OUT (safetensors), streaming; reports the deltas' correlation.`,
  options: ['method', 'last', 'decay', 'out', 'verbose'],
  run: ({ args, values }, io, log) =>
    run({ files: args, method: values.method, last: values.last, decay: values.decay, out: values.out }, io, log),
};
