import path from 'node:path';
import { copyFile } from 'node:fs/promises';
import { EXIT_PASS } from '../../errors.ts';
import type { CliCommand } from '../command.ts';
import { allowDirtyFlag, expectNoArguments, trainingInvocation } from '../training-settings.ts';

/** `repro-check run`: train and write the run record, comparing nothing. */
export const command: CliCommand = {
  name: 'run',
  usage: `repro-check run [--config F] [--set KEY=VALUE]... [--seed N] [-o RECORD.json] [--allow-dirty]
    Run the training and write its run record, without comparing.`,
  options: ['config', 'set', 'seed', 'out', 'allow-dirty', 'verbose'],
  async run(input, io, log) {
    expectNoArguments('run', input.args);
    const { settings, context } = await trainingInvocation(input, io, log);
    const allowDirty = allowDirtyFlag(input.values['allow-dirty'], io.env);
    const { recordOnly } = await import('../../modes/record-only.ts');
    const result = await recordOnly(settings, context, { allowDirty });
    const out = input.values.out ? path.resolve(io.cwd, input.values.out) : null;
    if (out) await copyFile(result.recordPath, out);
    io.stdout(`Run record: ${out ?? result.recordPath}\n`);
    return EXIT_PASS;
  },
};
