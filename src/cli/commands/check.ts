import path from 'node:path';
import { copyFile, readFile } from 'node:fs/promises';
import { EXIT_DRIFT } from '../../errors.ts';
import { writeFileAtomic } from '../../fs/atomic-write.ts';
import type { CliCommand } from '../command.ts';
import { defaultReportFormat, renderReport, REPORT_FORMATS } from '../report-output.ts';
import { allowDirtyFlag, expectNoArguments, trainingInvocation } from '../training-settings.ts';

/** `repro-check check`: the gate, run locally; the verdict on stdout, the run record with -o. */
export const command: CliCommand = {
  name: 'check',
  usage: `repro-check check [--config F] [--set KEY=VALUE]... [--seed N] [--format text|markdown|json] [-o RECORD.json] [--html REPORT.html] [--allow-dirty]
    Refuse an unclean tree, run the seeded training, compare with the baseline, report.`,
  options: ['config', 'set', 'seed', 'format', 'out', 'html', 'allow-dirty', 'verbose'],
  formats: REPORT_FORMATS,
  defaultFormat: defaultReportFormat,
  async run(input, io, log) {
    expectNoArguments('check', input.args);
    const { settings, configPath, context } = await trainingInvocation(input, io, log);
    const allowDirty = allowDirtyFlag(input.values['allow-dirty'], io.env);
    const { runCheck } = await import('../../modes/check.ts');
    const result = await runCheck({ settings, configPath, onMissingBaseline: 'fail', allowDirty }, context);
    const { out, html } = input.values;
    if (out) await copyFile(result.recordPath, path.resolve(io.cwd, out));
    if (html) await writeFileAtomic(path.resolve(io.cwd, html), await readFile(result.htmlPath));
    if (input.format === 'json' && result.verdict) {
      const { checkReportToJson } = await import('../../report/json.ts');
      io.stdout(JSON.stringify(checkReportToJson({ ...result.report, verdict: result.verdict }), null, 2) + '\n');
    } else io.stdout(input.format === 'text' ? await renderReport(result.report, 'text', io) : result.markdown);
    log.info(`Run record: ${result.recordPath}\nReport: ${result.reportPath}`);
    return result.exitCode === EXIT_DRIFT ? EXIT_DRIFT : result.exitCode;
  },
};
