import { auditCountSettings, cliModeContext, type CliIo } from '../main.ts';
import type { Logger } from '../../log.ts';
import { ReproError } from '../../errors.ts';
import { settingsFromFlags } from '../settings-from-flags.ts';

export interface AuditCommandOptions {
  config: string | undefined;
  set: string[];
  seed: string | undefined;
  runs: string | undefined;
  seeds: string | undefined;
  format: 'markdown' | 'json';
  flagProblems: string[];
}

/** `repro-check audit [--runs N] [--seeds M]` (the `audit.runs` / `audit.seeds` settings). */
export async function runAuditCommand(options: AuditCommandOptions, io: CliIo, log: Logger): Promise<number> {
  const set = [...options.set, ...auditCountSettings(options.runs, options.seeds)];
  const { settings } = await settingsFromFlags({ cwd: io.cwd, config: options.config, set, seed: options.seed, flagProblems: options.flagProblems });
  log.debug(`settings: ${JSON.stringify(settings.config)}`);
  const context = cliModeContext(io, log);
  const { runAudit } = await import('../../modes/audit.ts');
  const result = await runAudit(settings, context);
  if (options.format === 'json') {
    const { auditToJson } = await import('../../report/audit.ts');
    io.stdout(JSON.stringify(auditToJson(result.report), null, 2) + '\n');
  } else io.stdout(result.markdown);
  log.info(`Audit report and run records: ${result.outDir}`);
  return result.exitCode;
}

/** Refuses positional arguments (audit takes none). */
export function expectNoAuditArguments(rest: string[]): void {
  if (rest.length > 0) throw new ReproError(`audit takes no arguments; got ${rest.join(' ')}`, { hint: 'Usage: repro-check audit [--runs N] [--seeds M] [--config F] [--format markdown|json]' });
}
