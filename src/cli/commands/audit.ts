import path from 'node:path';
import { ReproError } from '../../errors.ts';
import { writeFileAtomic } from '../../fs/atomic-write.ts';
import type { Logger } from '../../log.ts';
import type { CliIo } from '../io.ts';
import type { CliCommand, CommandInput } from '../command.ts';
import { trainingInvocation } from '../training-settings.ts';


/**
 * `repro-check audit --resume-at N`: the exact-resume audit (src/modes/resume-audit.ts). Only
 * this mode of `audit` lives here; same-seed and multi-seed audits come from the audit command.
 */
async function run(input: CommandInput, io: CliIo, log: Logger): Promise<number> {
  const options = input.values;
  const problems = [...input.flagProblems];
  if (input.args.length > 0) problems.push(`audit takes no arguments; got ${input.args.join(' ')}`);
  const resumeAtText = options['resume-at'];
  const resumeAt = Number(resumeAtText);
  if (resumeAtText === undefined) problems.push('audit needs --resume-at N (the step after which the first leg stops)');
  else if (!Number.isSafeInteger(resumeAt) || resumeAt < 1) problems.push(`--resume-at ${resumeAtText}: expected a step number, 1 or more`);
  const { settings, context } = await trainingInvocation({ ...input, flagProblems: problems }, io, log);
  if (problems.length > 0) throw new ReproError(problems.join('\n'));
  const { runResumeAudit } = await import('../../modes/resume-audit.ts');
  const { resumeAuditToJson, renderResumeAudit } = await import('../../report/resume-audit.ts');
  const { analysis, exitCode } = await runResumeAudit({ settings, resumeAt }, context);
  const json = JSON.stringify(resumeAuditToJson(analysis), null, 2) + '\n';
  if (options.out) await writeFileAtomic(path.resolve(io.cwd, options.out), json);
  io.stdout(input.format === 'json' ? json : renderResumeAudit(analysis));
  return exitCode;
}

export const command: CliCommand = {
  name: 'audit',
  usage: `repro-check audit --resume-at N [--config F] [--set KEY=VALUE]... [--format markdown|json] [-o FILE]
    Train once whole and once stopped after step N and resumed; the curves must be bit-identical.`,
  options: ['resume-at', 'config', 'set', 'seed', 'format', 'out', 'verbose'],
  formats: ['markdown', 'json'],
  run: (input, io, log) => run(input, io, log),
};
