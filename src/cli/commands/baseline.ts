import { EXIT_PASS } from '../../errors.ts';
import type { CliCommand } from '../command.ts';
import { expectNoArguments, trainingInvocation, withAuditCounts } from '../training-settings.ts';

/** `repro-check baseline update`: train and write the baseline file; the user commits it. */
export const command: CliCommand = {
  name: 'baseline',
  subcommand: 'update',
  usage: `repro-check baseline update [--config F] [--set KEY=VALUE]... [--seed N] [--seeds M [--runs N]]
    Refuse an unclean tree, run the training, write the baseline file (commit it yourself).
    --seeds M: a statistical baseline, with the band over M+1 seeds and N same-seed runs.`,
  options: ['config', 'set', 'seed', 'runs', 'seeds', 'verbose'],
  async run(input, io, log) {
    expectNoArguments('baseline update', input.args);
    const { settings, context } = await trainingInvocation(withAuditCounts(input), io, log);
    const { runBaselineUpdate } = await import('../../modes/baseline.ts');
    const result = await runBaselineUpdate(settings, context);
    io.stdout(
      `Baseline written to ${result.baselineRepoPath}. Commit it:\n  git add ${result.baselineRepoPath} && git commit -m "Update repro-check baseline"\n`,
    );
    return EXIT_PASS;
  },
};
