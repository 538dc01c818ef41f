import * as core from '@actions/core';
import { describeError } from '../../errors.ts';
import type { ModeRun } from '../mode-run.ts';

/** `mode: audit`: trains N times, reports the determinism level, keeps the nightly audit issue, and fails below `audit.expect`. */
export async function auditMode({ inputs, settings, publish, context, event }: ModeRun): Promise<void> {
  const { runAudit } = await import('../../modes/audit.ts');
  const config = settings.config;
  const result = await runAudit(settings, context);
  core.setOutput('status', result.findings.reached ? 'pass' : 'drift');
  core.setOutput('level', result.findings.level);
  core.setOutput('report-path', `${result.outDir}/report.md`);
  await core.summary.addRaw(result.markdown).write();
  // The nightly issue: opened, commented on or closed on scheduled (and hand-started) audits only,
  // so that an audit run on a pull request never files issues. Best effort, like every write.
  if (inputs.githubToken && (event.eventName === 'schedule' || event.eventName === 'workflow_dispatch')) {
    await context.log.group('Publishing the audit issue', async () => {
      const [{ createGithubClient }, { publishAuditIssue, staleAuditWarning }] = await Promise.all([
        import('../../github/client.ts'),
        import('../../github/audit-issue.ts'),
      ]);
      const client = createGithubClient({ token: inputs.githubToken, log: context.log });
      try {
        if (config.audit['max-age-days'] !== undefined) {
          const stale = await staleAuditWarning(
            client,
            {
              repo: event.repo,
              workflowRef: context.env.GITHUB_WORKFLOW_REF,
              runId: context.env.GITHUB_RUN_ID,
              maxAgeDays: config.audit['max-age-days'],
              now: context.now(),
            },
            context.log,
          );
          if (stale) context.log.warning(stale);
        }
        const outcome = await publishAuditIssue(client, {
          repo: event.repo,
          key: publish.checkName,
          reached: result.findings.reached,
          level: result.findings.level,
          expect: result.findings.expect,
          commit: result.report.commit,
          report: result.markdown,
          runUrl: event.runUrl,
          now: context.now(),
        });
        context.log.info(
          outcome.action === 'none'
            ? `Audit issue: nothing to do (${outcome.reason})`
            : `Audit issue #${outcome.number}: ${outcome.action}`,
        );
      } catch (error) {
        context.log.warning(
          `Could not update the audit issue (the token needs issues: write; actions: read for the age check): ${describeError(error)}`,
        );
      }
    });
  }
  if (!result.findings.reached) {
    core.setFailed(
      `The audit reached the ${result.findings.level} level; ${result.findings.expect} was expected (audit.expect). See the job summary.`,
    );
  }
}
