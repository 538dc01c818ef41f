import path from 'node:path';
import { copyFile } from 'node:fs/promises';
import { EXIT_DRIFT } from '../../errors.ts';
import type { CliCommand } from '../command.ts';
import { expectNoArguments, trainingInvocation } from '../training-settings.ts';

/** `repro-check check`: the gate, run locally; the verdict on stdout, the run record with -o. */
export const command: CliCommand = {
  name: 'check',
  usage: `repro-check check [--config F] [--set KEY=VALUE]... [--seed N] [--format markdown|json] [-o RECORD.json]
    Refuse an unclean tree, run the seeded training, compare with the baseline, report.`,
  options: ['config', 'set', 'seed', 'format', 'out', 'verbose'],
  formats: ['markdown', 'json'],
  async run(input, io, log) {
    expectNoArguments('check', input.args);
    const { settings, configPath, context } = await trainingInvocation(input, io, log);
    const { runCheck } = await import('../../modes/check.ts');
    const result = await runCheck({ settings, configPath, onMissingBaseline: 'fail' }, context);
    if (input.values.out) await copyFile(result.recordPath, path.resolve(io.cwd, input.values.out));
    if (input.format === 'json' && result.verdict) {
      const { checkReportToJson } = await import('../../report/json.ts');
      io.stdout(JSON.stringify(checkReportToJson({ ...result.report, verdict: result.verdict }), null, 2) + '\n');
    } else io.stdout(result.markdown);
    log.info(`Run record: ${result.recordPath}\nReport: ${result.reportPath}`);
    return result.exitCode === EXIT_DRIFT ? EXIT_DRIFT : result.exitCode;
  },
};
