import path from 'node:path';
import { EXIT_PASS, ReproError } from '../../errors.ts';
import { writeFileAtomic } from '../../fs/atomic-write.ts';
import { fingerprintCheckpoint } from '../../checkpoints/fingerprint.ts';
import type { CheckpointEntry } from '../../record/types.ts';
import type { CliIo } from '../io.ts';
import type { CliCommand } from '../command.ts';

interface FingerprintCommandOptions {
  /** Positional arguments: exactly one checkpoint (file, shard index, model.json or a folder holding one). */
  files: string[];
  format: 'markdown' | 'json';
  out?: string | undefined;
}

/**
 * `repro-check fingerprint CKPT`: per-tensor SHA-256 as the run record stores it. JSON is the
 * run record's checkpoint entry ({path, step, tensors: [{name, dtype, shape, sha256}]}).
 */
async function run(options: FingerprintCommandOptions, io: CliIo): Promise<number> {
  if (options.files.length !== 1)
    throw new ReproError(
      `fingerprint takes one checkpoint; got ${options.files.length === 0 ? 'none' : options.files.join(' ')}`,
    );
  const entry = await fingerprintCheckpoint(path.resolve(io.cwd, options.files[0]!));
  const json = JSON.stringify({ ...entry, path: options.files[0] }, null, 2) + '\n';
  if (options.out) await writeFileAtomic(path.resolve(io.cwd, options.out), json);
  io.stdout(options.format === 'json' ? json : renderFingerprint({ ...entry, path: options.files[0]! }));
  return EXIT_PASS;
}

/** The markdown table `repro-check fingerprint` prints: one row per tensor (name, dtype, shape, SHA-256 of its bytes) under a heading naming the checkpoint and its step. Pure. */
export function renderFingerprint(entry: CheckpointEntry): string {
  const rows = entry.tensors.map(
    (tensor) => `| \`${tensor.name}\` | ${tensor.dtype} | [${tensor.shape.join(', ')}] | \`${tensor.sha256}\` |`,
  );
  return [
    `### ${entry.path} (step ${entry.step}, ${entry.tensors.length} tensors)`,
    '',
    '| tensor | dtype | shape | SHA-256 |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

export const command: CliCommand = {
  name: 'fingerprint',
  usage: `repro-check fingerprint CKPT [--format markdown|json] [-o FILE]
    Per-tensor SHA-256 of a checkpoint (safetensors, shard index, tfjs model.json).`,
  options: ['format', 'out', 'verbose'],
  formats: ['markdown', 'json'],
  run: async ({ args, values, format, flagProblems }, io) => {
    if (flagProblems.length > 0) throw new ReproError(flagProblems.join('\n'));
    return run({ files: args, format: format as 'markdown' | 'json', out: values.out }, io);
  },
};
