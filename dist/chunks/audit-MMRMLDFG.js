import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  setFailed,
  setOutput,
  summary
} from "./chunk-BZCHYY7N.js";
import {
  describeError
} from "./chunk-IVX2EMGP.js";
import "./chunk-DDDN6DMD.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/action/modes/audit.ts
init_define_REPRO_CHART_LIBRARY();
async function auditMode({ inputs, settings, publish, context, event }) {
  const { runAudit } = await import("./audit-I6MZ5VIA.js");
  const config = settings.config;
  const result = await runAudit(settings, context);
  setOutput("status", result.findings.reached ? "pass" : "drift");
  setOutput("level", result.findings.level);
  setOutput("report-path", `${result.outDir}/report.md`);
  await summary.addRaw(result.markdown).write();
  if (inputs.githubToken && (event.eventName === "schedule" || event.eventName === "workflow_dispatch")) {
    await context.log.group("Publishing the audit issue", async () => {
      const [{ createGithubClient }, { publishAuditIssue, staleAuditWarning }] = await Promise.all([
        import("./client-W2GIGDJB.js"),
        import("./audit-issue-2IXZ2KSY.js")
      ]);
      const client = createGithubClient({ token: inputs.githubToken, log: context.log });
      try {
        if (config.audit["max-age-days"] !== void 0) {
          const stale = await staleAuditWarning(
            client,
            {
              repo: event.repo,
              workflowRef: context.env.GITHUB_WORKFLOW_REF,
              runId: context.env.GITHUB_RUN_ID,
              maxAgeDays: config.audit["max-age-days"],
              now: context.now()
            },
            context.log
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
          now: context.now()
        });
        context.log.info(
          outcome.action === "none" ? `Audit issue: nothing to do (${outcome.reason})` : `Audit issue #${outcome.number}: ${outcome.action}`
        );
      } catch (error) {
        context.log.warning(
          `Could not update the audit issue (the token needs issues: write; actions: read for the age check): ${describeError(error)}`
        );
      }
    });
  }
  if (!result.findings.reached) {
    setFailed(
      `The audit reached the ${result.findings.level} level; ${result.findings.expect} was expected (audit.expect). See the job summary.`
    );
  }
}
export {
  auditMode
};
