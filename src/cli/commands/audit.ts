import path from 'node:path';
import { ReproError } from '../../errors.ts';
import { writeFileAtomic } from '../../fs/atomic-write.ts';
import type { Logger } from '../../log.ts';
import { cliModeContext } from '../mode-context.ts';
import type { CliIo } from '../main.ts';

export interface AuditCommandOptions {
  /** Positional arguments after `audit` (none are taken). */
  rest: string[];
  resumeAt: string | undefined;
  config: string | undefined;
  set: string[];
  seed: string | undefined;
  format: 'markdown' | 'json';
  formatProblem: string | null;
  out: string | undefined;
}

/**
 * `repro-check audit --resume-at N`: the exact-resume audit (src/modes/resume-audit.ts). Only
 * this mode of `audit` lives here; same-seed and multi-seed audits come from the audit command.
 */
export async function run(options: AuditCommandOptions, io: CliIo, log: Logger): Promise<number> {
  const problems = options.formatProblem ? [options.formatProblem] : [];
  if (options.rest.length > 0) problems.push(`audit takes no arguments; got ${options.rest.join(' ')}`);
  const resumeAt = Number(options.resumeAt);
  if (options.resumeAt === undefined) problems.push('audit needs --resume-at N (the step after which the first leg stops)');
  else if (!Number.isSafeInteger(resumeAt) || resumeAt < 1) problems.push(`--resume-at ${options.resumeAt}: expected a step number, 1 or more`);
  const { settingsFromFlags } = await import('../settings-from-flags.ts');
  const { settings } = await settingsFromFlags({ cwd: io.cwd, config: options.config, set: options.set, seed: options.seed, flagProblems: problems });
  if (problems.length > 0) throw new ReproError(problems.join('\n'));
  const { runResumeAudit } = await import('../../modes/resume-audit.ts');
  const { resumeAuditToJson, renderResumeAudit } = await import('../../report/resume-audit.ts');
  const { analysis, exitCode } = await runResumeAudit({ settings, resumeAt }, cliModeContext(io, log));
  const json = JSON.stringify(resumeAuditToJson(analysis), null, 2) + '\n';
  if (options.out) await writeFileAtomic(path.resolve(io.cwd, options.out), json);
  io.stdout(options.format === 'json' ? json : renderResumeAudit(analysis));
  return exitCode;
}
