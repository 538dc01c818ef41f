import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  require_dist
} from "./chunk-ZCBW5UN4.js";
import {
  bestStepKey,
  completeJsonObjectOn
} from "./chunk-Z2KNO6IU.js";
import {
  formatDiff,
  formatStep,
  formatValue
} from "./chunk-DBEUN44C.js";
import {
  PUBLISH_OUTCOMES
} from "./chunk-OV43RJPT.js";
import {
  firstDivergentStepOverall,
  isDriftedMetric
} from "./chunk-NV534FCQ.js";
import {
  external_exports
} from "./chunk-OFCAAITS.js";
import {
  debug,
  info,
  setSecret
} from "./chunk-HG225RUB.js";
import {
  InputFileError,
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  __toESM,
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/action/github-publish.ts
init_define_REPRO_CHART_LIBRARY();
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/report/annotations.ts
init_define_REPRO_CHART_LIBRARY();
var import_yaml = __toESM(require_dist(), 1);
function driftAnnotations(verdict, config, level) {
  if (!config) return [];
  const lines = toleranceLines(config.text);
  return verdict.metrics.filter(isDriftedMetric).map((metric) => {
    const glob = /^metric-tolerances\["(.*)"\]$/.exec(metric.tolerance.source)?.[1];
    const line = (glob !== void 0 ? lines.globs.get(glob) : void 0) ?? lines.tolerance ?? 1;
    return {
      path: config.repoPath,
      startLine: line,
      endLine: line,
      level,
      title: `repro-check: ${metric.name} ${metric.status === "missing" ? "missing" : "drifted"}`,
      message: describe(metric)
    };
  });
}
function describe(metric) {
  if (metric.status === "missing")
    return `${metric.name} is in the baseline but this run did not log it${metric.renamedTo ? ` (renamed? this run logs ${metric.renamedTo} with the same values)` : ""}.`;
  const tolerance = metric.tolerance.exact ? "exact" : `rtol ${metric.tolerance.rtol}, atol ${metric.tolerance.atol}`;
  return [
    `${metric.name}: first divergent step ${formatStep(metric.firstDivergentStep)}, first out-of-tolerance step ${formatStep(metric.firstOutOfToleranceStep)}`,
    `max |diff| ${formatDiff(metric.maxAbsDiff)}, max rel diff ${formatDiff(metric.maxRelDiff)} (tolerance ${tolerance}, from ${metric.tolerance.source})`,
    ...metric.missingStepCount > 0 ? [`${metric.missingStepCount} baseline steps missing from this run, first ${metric.missingSteps[0]}`] : [],
    ...metric.becameNonFinite ? [
      `became ${formatValue(metric.becameNonFinite.value)}${metric.becameNonFinite.step === null ? "" : ` at step ${metric.becameNonFinite.step}`} (the baseline's value is finite)`
    ] : []
  ].join("\n");
}
function toleranceLines(text2) {
  const lineCounter = new import_yaml.LineCounter();
  const document = import_yaml.default.parseDocument(text2, { lineCounter, uniqueKeys: false });
  const globs = /* @__PURE__ */ new Map();
  let tolerance;
  const lineOf = (node) => {
    const offset = node?.range?.[0];
    return offset === void 0 ? void 0 : lineCounter.linePos(offset).line;
  };
  if ((0, import_yaml.isMap)(document.contents)) {
    for (const pair of document.contents.items) {
      const key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : void 0;
      if (key === "tolerance") tolerance = lineOf(pair.key);
      if (key === "metric-tolerances" && (0, import_yaml.isMap)(pair.value)) {
        for (const entry of pair.value.items)
          if ((0, import_yaml.isScalar)(entry.key)) globs.set(String(entry.key.value), lineOf(entry.key) ?? 1);
      }
    }
  }
  tolerance ??= text2.split("\n").findIndex((line) => /^\s*tolerance\s*:/.test(line)) + 1 || void 0;
  return { tolerance, globs };
}

// src/action/metric-file-annotations.ts
init_define_REPRO_CHART_LIBRARY();
function metricFileAnnotations(verdict, files, level) {
  const first = files[0];
  if (!first) return [];
  const drifted = verdict.metrics.filter(isDriftedMetric);
  const worded = driftAnnotations(verdict, { repoPath: first.repoPath, text: "" }, level);
  return worded.map((annotation, index) => {
    const metric = drifted[index];
    const step = metric.firstDivergentStep ?? metric.firstOutOfToleranceStep;
    if (step === null) return annotation;
    for (const file of files) {
      const line = lineOfStep(file, step, metric.name);
      if (line !== null) return { ...annotation, path: file.repoPath, startLine: line, endLine: line };
    }
    return annotation;
  });
}
function lineOfStep(file, step, metricName) {
  const lines = file.text.split("\n");
  const leaf = metricName.slice(metricName.lastIndexOf(".") + 1);
  let anyLine = null;
  const delimiter = /\.tsv$/i.test(file.repoPath) ? "	" : /\.csv$/i.test(file.repoPath) ? "," : null;
  if (delimiter !== null) {
    const header = (lines[0] ?? "").split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
    const stepKey = bestStepKey(header);
    const stepColumn = stepKey === void 0 ? -1 : header.indexOf(stepKey);
    const metricColumn = header.findIndex((name) => name === metricName || name === leaf);
    if (stepColumn < 0) return null;
    for (let i = 1; i < lines.length; i += 1) {
      const cells = lines[i].split(delimiter);
      if (cells[stepColumn]?.trim() === "" || Number(cells[stepColumn]) !== step) continue;
      if (metricColumn < 0 || (cells[metricColumn] ?? "").trim() !== "") return i + 1;
      anyLine ??= i + 1;
    }
    return anyLine;
  }
  const path2 = metricName.split(".");
  for (let i = 0; i < lines.length; i += 1) {
    const record = completeJsonObjectOn(lines[i]) ?? null;
    if (record === null) continue;
    const stepKey = bestStepKey(Object.keys(record));
    if (stepKey === void 0 || record[stepKey] !== step) continue;
    if (path2.some((_, start) => holds(record, path2.slice(start)))) return i + 1;
    anyLine ??= i + 1;
  }
  return anyLine;
}
function holds(record, path2) {
  let node = record;
  for (const key of path2) {
    if (!node || typeof node !== "object" || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}

// src/github/published-verdict.ts
init_define_REPRO_CHART_LIBRARY();
var PUBLISHED_VERDICT_FILE = "published-verdict.json";
var KIND = "repro-check/published-verdict";
var SCHEMA_VERSION = 1;
var LONGEST_TEXT = 1 << 20;
var MOST_ANNOTATIONS = 1e3;
var text = external_exports.string().max(LONGEST_TEXT);
var verdictSchema = external_exports.strictObject({
  kind: external_exports.literal(KIND),
  schemaVersion: external_exports.literal(SCHEMA_VERSION),
  outcome: external_exports.enum(PUBLISH_OUTCOMES),
  failOnDrift: external_exports.boolean(),
  commentBody: text,
  summary: text,
  headline: text.optional(),
  annotations: external_exports.array(
    external_exports.strictObject({
      path: external_exports.string().min(1).max(4096),
      startLine: external_exports.number().int().positive(),
      endLine: external_exports.number().int().positive(),
      level: external_exports.enum(["failure", "warning", "notice"]),
      title: text,
      message: text
    })
  ).max(MOST_ANNOTATIONS)
});
function encodePublishedVerdict(verdict) {
  return `${JSON.stringify({ kind: KIND, schemaVersion: SCHEMA_VERSION, ...verdict }, null, 2)}
`;
}
function decodePublishedVerdict(text2, file) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch (error) {
    throw new InputFileError(file, void 0, `is not valid JSON (${error.message})`, {
      hint: "It is written by repro-check in `mode: check`; publish only artifacts that a check job uploaded."
    });
  }
  const parsed = verdictSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`);
    throw new InputFileError(
      file,
      void 0,
      `is not a repro-check verdict of schemaVersion ${SCHEMA_VERSION}:
${problems.map((p) => `  ${p}`).join("\n")}`,
      {
        hint: "Give the publish job the same repro-check version as the check job."
      }
    );
  }
  const { kind: _kind, schemaVersion: _version, headline, ...verdict } = parsed.data;
  return { ...verdict, ...headline === void 0 ? {} : { headline } };
}
function acceptedVerdict(verdict, acceptance, label) {
  const note = `> \u2611\uFE0F Drift accepted by @${acceptance.login} at ${acceptance.at} (label \`${label}\` on the pull request); the baseline update after merge records the new numbers.`;
  return {
    ...verdict,
    outcome: "accepted",
    headline: `Accepted by @${acceptance.login} (label ${label}): ${verdict.headline ?? "drift"}`,
    commentBody: `${note}

${verdict.commentBody}`,
    summary: `${note}

${verdict.summary}`,
    annotations: verdict.annotations.map((annotation) => ({
      ...annotation,
      level: annotation.level === "failure" ? "warning" : annotation.level
    }))
  };
}

// src/action/github-publish.ts
async function publishCheckToGithub(token, event, settings, configPath, result, context) {
  const config = settings.config;
  await context.log.group("Publishing to GitHub", async () => {
    const commentKey = commentKeyOf(settings, event);
    if (config["comment-key"] !== void 0 && settings.origins["check-name"] === "default") {
      context.log.warning(
        `comment-key is set (a job matrix?) but check-name is the default, so every job posts the status context repro-check/${config["check-name"]} and the last one wins. Give each matrix entry its own check-name, e.g. check-name: repro-check-\${{ matrix.gpu }}, and make those the required checks.`
      );
    }
    const annotations = result.verdict ? await annotationsFor(
      result.verdict,
      result.outcome === "drift" && config["fail-on-drift"] ? "failure" : "warning",
      configPath,
      result.trained.metricFiles,
      context
    ) : [];
    const headline = outcomeHeadline(result, config["accept-label"]);
    const verdict = {
      outcome: result.outcome,
      failOnDrift: config["fail-on-drift"],
      commentBody: result.markdown,
      summary: result.markdown,
      ...headline !== null ? { headline } : {},
      annotations
    };
    const [{ uploadRunArtifact }, { writeFileAtomic }] = await Promise.all([
      import("./artifact-VRUU73H2.js"),
      import("./atomic-write-ONZ7NEEK.js")
    ]);
    const verdictPath = path.join(path.dirname(result.recordPath), PUBLISHED_VERDICT_FILE);
    await writeFileAtomic(verdictPath, encodePublishedVerdict(verdict));
    await uploadRunArtifact({
      commentKey,
      files: [result.recordPath, result.reportPath, result.htmlPath, verdictPath, ...result.trained.metricFiles],
      rootDir: path.dirname(result.recordPath),
      env: context.env,
      log: context.log
    });
    if (!token) {
      context.log.info(
        "No github-token: the commit status, check run and PR comment are left to a `mode: publish` job, which posts them from the run artifact (the job summary has the report)."
      );
      return;
    }
    await publishVerdict(token, event, settings, verdict, context);
  });
}
async function publishVerdict(token, event, settings, verdict, context) {
  const [{ createGithubClient }, { publishResults }] = await Promise.all([
    import("./client-W2GIGDJB.js"),
    import("./publish-U5BBOTY5.js")
  ]);
  await publishResults(
    createGithubClient({ token, log: context.log }),
    {
      event,
      checkName: settings.config["check-name"],
      commentKey: commentKeyOf(settings, event),
      ...verdict,
      runUrl: event.runUrl,
      ...commentAuthorOf(settings)
    },
    { info: (m) => info(m), warning: (m) => context.log.warning(m), debug: (m) => debug(m) }
  );
}
async function publishFromArtifact(token, event, settings, context) {
  if (!token)
    throw new ReproError(
      "mode: publish needs github-token (the job needs `statuses: write`, `checks: write` and `pull-requests: write`)."
    );
  return context.log.group("Publishing the check job's verdict", async () => {
    const { artifactName, downloadRunArtifact } = await import("./artifact-VRUU73H2.js");
    const name = artifactName(commentKeyOf(settings, event));
    const dir = await mkdtemp(path.join(context.env.RUNNER_TEMP ?? os.tmpdir(), "repro-check-publish-"));
    const downloaded = await downloadRunArtifact({ name, dir, env: context.env });
    const file = path.join(downloaded, PUBLISHED_VERDICT_FILE);
    const text2 = await readFile(file, "utf8").catch((error) => {
      throw new ReproError(
        `The artifact ${name} has no ${PUBLISHED_VERDICT_FILE} (${error.code ?? error.message}): it was not uploaded by a repro-check check job of this version.`,
        { hint: "Give the check job and the publish job the same repro-check version." }
      );
    });
    let verdict = decodePublishedVerdict(text2, `${name}/${PUBLISHED_VERDICT_FILE}`);
    context.log.info(`Verdict from ${name}: ${verdict.outcome}${verdict.headline ? ` (${verdict.headline})` : ""}.`);
    const label = settings.config["accept-label"];
    const acceptance = verdict.outcome === "drift" ? await acceptanceFinder(token, event, label, context.log)?.() : null;
    if (acceptance) verdict = acceptedVerdict(verdict, acceptance, label);
    await publishVerdict(token, event, settings, verdict, context);
    return verdict;
  });
}
function commentKeyOf(settings, event) {
  const config = settings.config;
  if (config["comment-key"] !== void 0) return config["comment-key"];
  if (settings.origins["check-name"] !== void 0 && settings.origins["check-name"] !== "default")
    return config["check-name"];
  return event.job;
}
function commentAuthorOf(settings) {
  const origin = settings.origins["comment-author"];
  return origin === void 0 || origin === "default" ? {} : { commentAuthorLogin: settings.config["comment-author"] };
}
async function annotationsFor(verdict, level, configPath, metricFiles, context) {
  const workspace = context.env.GITHUB_WORKSPACE ?? context.cwd;
  const inWorkspace = async (file) => {
    const relative = path.relative(workspace, path.resolve(workspace, file));
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return null;
    const text2 = await readFile(path.join(workspace, relative), "utf8").catch(() => null);
    return text2 === null ? null : { repoPath: relative.split(path.sep).join("/"), text: text2 };
  };
  const workflowPath = /^[^/]+\/[^/]+\/(.+?)@/.exec(context.env.GITHUB_WORKFLOW_REF ?? "")?.[1] ?? null;
  const settingsFile = configPath ? await inWorkspace(configPath) : workflowPath ? await inWorkspace(workflowPath) : null;
  if (settingsFile) return driftAnnotations(verdict, settingsFile, level);
  const files = (await Promise.all(metricFiles.map(inWorkspace))).filter((file) => file !== null);
  return metricFileAnnotations(verdict, files, level);
}
function outcomeHeadline(result, acceptLabel) {
  const drifted = result.verdict?.metrics.filter(isDriftedMetric).length ?? 0;
  const first = result.verdict && drifted > 0 ? firstDivergentStepOverall(result.verdict) : null;
  const weights = result.report.weightsDrift;
  const what = drifted > 0 ? `${drifted} of ${result.verdict.metrics.length} metrics drifted${first === null ? "" : ` from step ${first}`}` : weights ? weights.cause ?? `final weights differ in ${weights.differing} tensor${weights.differing === 1 ? "" : "s"}` : null;
  if (result.outcome === "accepted") {
    const by = result.report.acceptedBy ? ` by @${result.report.acceptedBy.login}` : "";
    return `Accepted${by} (label ${acceptLabel}): ${what ?? "drift"}`;
  }
  return result.outcome === "drift" ? what : null;
}
async function publishFailureToGithub(token, event, settings, message, context) {
  if (!token) return;
  await context.log.group(
    "Publishing the failure to GitHub",
    () => publishVerdict(token, event, settings, failureVerdict(message, event, settings), context)
  );
}
async function uploadFailureVerdict(event, settings, message, context) {
  const [{ uploadRunArtifact }, { writeFileAtomic }] = await Promise.all([
    import("./artifact-VRUU73H2.js"),
    import("./atomic-write-ONZ7NEEK.js")
  ]);
  const dir = await mkdtemp(path.join(context.env.RUNNER_TEMP ?? os.tmpdir(), "repro-check-failure-"));
  const file = path.join(dir, PUBLISHED_VERDICT_FILE);
  await writeFileAtomic(file, encodePublishedVerdict(failureVerdict(message, event, settings)));
  await uploadRunArtifact({
    commentKey: commentKeyOf(settings, event),
    files: [file],
    rootDir: dir,
    env: context.env,
    log: context.log
  });
}
function failureVerdict(message, event, settings) {
  const body = [
    "### \u26A0\uFE0F repro-check could not check this commit",
    "",
    "```",
    message.length > 2e4 ? `${message.slice(0, 2e4)}
\u2026 (cut; the run log has all of it)` : message,
    "```",
    "",
    `[Run log](${event.runUrl})`
  ].join("\n");
  return {
    outcome: "error",
    failOnDrift: settings.config["fail-on-drift"],
    commentBody: body,
    summary: body,
    headline: `Error: ${message.split("\n")[0]}`,
    annotations: []
  };
}
function acceptanceFinder(token, event, label, log) {
  if (event.prNumber === null || !token) return void 0;
  const prNumber = event.prNumber;
  return async () => {
    const [{ createGithubClient }, { findDriftAcceptance }] = await Promise.all([
      import("./client-W2GIGDJB.js"),
      import("./acceptance-LMK5D2VB.js")
    ]);
    const accepted = await findDriftAcceptance(
      createGithubClient({ token, log }),
      { ...event.repo, prNumber, label },
      log
    );
    return accepted ? { login: accepted.acceptedBy, at: accepted.acceptedAt } : null;
  };
}
async function publishBaselineToGithub(inputs, event, settings, result, context) {
  const config = settings.config;
  await context.log.group(`Publishing the baseline (${config["baseline-update"]})`, async () => {
    const { uploadRunArtifact } = await import("./artifact-VRUU73H2.js");
    await uploadRunArtifact({
      commentKey: commentKeyOf(settings, event),
      files: [result.baselinePath, ...result.trained.metricFiles],
      rootDir: result.trained.outDir,
      env: context.env,
      log: context.log
    });
    const { publishBaseline } = await import("./baseline-update-KILTEZYD.js");
    await publishBaseline(
      // The runner masks the token itself, not its base64 form in the push's auth header.
      { log: context.log, mask: (secret) => setSecret(secret) },
      {
        repoDir: context.env.GITHUB_WORKSPACE ?? context.cwd,
        baselinePath: result.baselineRepoPath,
        content: result.content,
        message: `Update repro-check baseline

Trained at ${result.trained.record.provenance.commit} (seed ${result.trained.record.provenance.seed}) by ${event.runUrl}`,
        strategy: config["baseline-update"],
        branch: result.branch,
        defaultBranch: event.defaultBranch,
        allowAnyBranch: config["allow-baseline-from-any-branch"],
        token: inputs.baselineToken,
        // A PR opened with the workflow token starts no workflows, so we set its status ourselves.
        tokenIsWorkflowToken: !inputs.baselineTokenGiven,
        event,
        checkName: config["check-name"]
      }
    );
  });
}

export {
  publishCheckToGithub,
  publishFromArtifact,
  commentKeyOf,
  outcomeHeadline,
  publishFailureToGithub,
  uploadFailureVerdict,
  acceptanceFinder,
  publishBaselineToGithub
};
