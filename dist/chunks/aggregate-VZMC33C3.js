import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  setFailed,
  setOutput,
  summary
} from "./chunk-BZCHYY7N.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import "./chunk-DDDN6DMD.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/action/modes/aggregate.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
async function aggregateMode(run) {
  const { settings, context } = run;
  const { records, recordArtifacts } = run.inputs;
  const [
    { expandFileGlob },
    { readAggregateInputs, runAggregate },
    { resolveRecordsBaselinePath },
    { renderAuditMarkdown },
    { serializeDocument },
    { writeFileAtomic }
  ] = await Promise.all([
    import("./glob-files-5TDVM5HI.js"),
    import("./aggregate-Q3LYSD2Y.js"),
    import("./baseline-location-2QORPHA5.js"),
    import("./audit-TZFDOGG4.js"),
    import("./codec-WUAFDKIZ.js"),
    import("./atomic-write-ONZ7NEEK.js")
  ]);
  const files = [];
  if (records !== null)
    files.push(...(await expandFileGlob(context.cwd, records)).files.map((f) => path.resolve(context.cwd, f)));
  if (recordArtifacts !== null) {
    const { downloadRecordArtifacts } = await import("./record-artifacts-CPQPMQHC.js");
    const dir = path.join(context.env.RUNNER_TEMP ?? context.cwd, "repro-check-record-artifacts");
    const downloaded = await downloadRecordArtifacts({ pattern: recordArtifacts, dir, env: context.env });
    context.log.info(`Downloaded ${downloaded.length} run record(s) from the artifacts matching "${recordArtifacts}".`);
    files.push(...downloaded);
  }
  if (files.length < 2)
    throw new ReproError(
      `${[
        records !== null ? `input "records": "${records}"` : null,
        recordArtifacts !== null ? `input "record-artifacts": "${recordArtifacts}"` : null
      ].filter(Boolean).join(
        " and "
      )} ${records !== null && recordArtifacts !== null ? "match" : "matches"} ${files.length} file${files.length === 1 ? "" : "s"}${records !== null ? ` in ${context.cwd}` : ""}; aggregate needs two or more run records`,
      {
        hint: "Point records at the matrix jobs' run-record.json files (as actions/download-artifact left them), or record-artifacts at the names the matrix jobs uploaded them under."
      }
    );
  const inputs = await readAggregateInputs(files);
  const result = runAggregate(inputs, settings.config, context.env, context.now().toISOString());
  const baselinePath = path.resolve(
    context.cwd,
    settings.config["working-directory"],
    resolveRecordsBaselinePath(
      settings.config.baseline,
      inputs.map((i) => i.record),
      "baseline"
    )
  );
  await writeFileAtomic(baselinePath, serializeDocument(result.baseline));
  const markdown = renderAuditMarkdown(result.report);
  setOutput("status", result.report.findings.reached ? "pass" : "drift");
  setOutput("level", result.report.findings.level);
  setOutput("baseline-path", baselinePath);
  await summary.addRaw(markdown).write();
  if (!result.report.findings.reached)
    setFailed(
      `The ${files.length} run records reach the ${result.report.findings.level} level; ${result.report.findings.expect} was expected (audit.expect). See the job summary.`
    );
}
export {
  aggregateMode
};
