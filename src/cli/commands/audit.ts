import path from 'node:path';
import { ReproError } from '../../errors.ts';
import { writeFileAtomic } from '../../fs/atomic-write.ts';
import type { Logger } from '../../log.ts';
import type { CliCommand, CommandInput } from '../command.ts';
import type { CliIo } from '../io.ts';
import { expectNoArguments, trainingInvocation, withAuditCounts } from '../training-settings.ts';

/**
 * `repro-check audit`: the determinism audit (N same-seed runs, M seeds: src/modes/audit.ts), or
 * with `--resume-at N` the exact-resume audit (src/modes/resume-audit.ts).
 */
export const command: CliCommand = {
  name: 'audit',
  usage: `repro-check audit [--runs N] [--seeds M] [--config F] [--set KEY=VALUE]... [--seed N] [--format markdown|json] [-o FILE]
    Train the commit N times with one seed (bitwise identical?) and M times with other seeds
    (the noise band); report the level of reproducibility reached. Exit 1 below audit.expect.
  repro-check audit --resume-at N [--config F] [--set KEY=VALUE]... [--format markdown|json] [-o FILE]
    Train once whole and once stopped after step N and resumed; the curves must be bit-identical.`,
  options: ['runs', 'seeds', 'resume-at', 'config', 'set', 'seed', 'format', 'out', 'verbose'],
  formats: ['markdown', 'json'],
  run: (input, io, log) =>
    input.values['resume-at'] === undefined ? determinismAudit(input, io, log) : resumeAudit(input, io, log),
};

/** `audit [--runs N] [--seeds M]` (the `audit.runs` / `audit.seeds` settings). */
async function determinismAudit(input: CommandInput, io: CliIo, log: Logger): Promise<number> {
  expectNoArguments('audit', input.args);
  const { values } = input;
  const { settings, context } = await trainingInvocation(withAuditCounts(input), io, log);
  const { runAudit } = await import('../../modes/audit.ts');
  const result = await runAudit(settings, context);
  const { auditToJson } = await import('../../report/audit.ts');
  const json = JSON.stringify(auditToJson(result.report), null, 2) + '\n';
  if (values.out) await writeFileAtomic(path.resolve(io.cwd, values.out), json);
  io.stdout(input.format === 'json' ? json : result.markdown);
  log.info(`Audit report and run records: ${result.outDir}`);
  return result.exitCode;
}

/** `audit --resume-at N`: the exact-resume audit. */
async function resumeAudit(input: CommandInput, io: CliIo, log: Logger): Promise<number> {
  const options = input.values;
  const problems = [...input.flagProblems];
  if (input.args.length > 0) problems.push(`audit takes no arguments; got ${input.args.join(' ')}`);
  if (options.runs !== undefined || options.seeds !== undefined)
    problems.push('--resume-at audits one resume: leave out --runs and --seeds with it');
  const resumeAtText = options['resume-at']!;
  const resumeAt = Number(resumeAtText);
  if (!Number.isSafeInteger(resumeAt) || resumeAt < 1)
    problems.push(`--resume-at ${resumeAtText}: expected a step number, 1 or more`);
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
