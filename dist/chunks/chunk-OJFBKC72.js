import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  firstDivergentStepOverall,
  formatDiff,
  formatStep
} from "./chunk-ZSJY4YLW.js";
import {
  require_dist
} from "./chunk-WUFREVH5.js";
import {
  STEP_KEYS,
  parsePythonJson
} from "./chunk-I4ZNRY5B.js";
import {
  debug,
  info,
  setSecret
} from "./chunk-3LQNZVYX.js";
import {
  __toESM
} from "./chunk-GFWGNPAP.js";

// src/action/github-publish.ts
import { readFile } from "node:fs/promises";
import path from "node:path";

// src/report/annotations.ts
var import_yaml = __toESM(require_dist(), 1);
function driftAnnotations(verdict, config, level) {
  if (!config) return [];
  const lines = toleranceLines(config.text);
  return verdict.metrics.filter((m) => m.status === "drift" || m.status === "missing").map((metric) => {
    const glob = /^metric-tolerances\["(.*)"\]$/.exec(metric.tolerance.source)?.[1];
    const line = (glob !== void 0 ? lines.globs.get(glob) : void 0) ?? lines.tolerance ?? 1;
    return { path: config.repoPath, startLine: line, endLine: line, level, title: `repro-check: ${metric.name} ${metric.status === "missing" ? "missing" : "drifted"}`, message: describe(metric) };
  });
}
function describe(metric) {
  if (metric.status === "missing") return `${metric.name} is in the baseline but this run did not log it.`;
  const tolerance = metric.tolerance.exact ? "exact" : `rtol ${metric.tolerance.rtol}, atol ${metric.tolerance.atol}`;
  return [
    `${metric.name}: first divergent step ${formatStep(metric.firstDivergentStep)}, first out-of-tolerance step ${formatStep(metric.firstOutOfToleranceStep)}`,
    `max |diff| ${formatDiff(metric.maxAbsDiff)}, max rel diff ${formatDiff(metric.maxRelDiff)} (tolerance ${tolerance}, from ${metric.tolerance.source})`,
    ...metric.missingSteps.length > 0 ? [`${metric.missingSteps.length} baseline steps missing from this run, first ${metric.missingSteps[0]}`] : []
  ].join("\n");
}
function toleranceLines(text) {
  const lineCounter = new import_yaml.LineCounter();
  const document = import_yaml.default.parseDocument(text, { lineCounter });
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
        for (const entry of pair.value.items) if ((0, import_yaml.isScalar)(entry.key)) globs.set(String(entry.key.value), lineOf(entry.key) ?? 1);
      }
    }
  }
  tolerance ??= text.split("\n").findIndex((line) => /^\s*tolerance\s*:/.test(line)) + 1 || void 0;
  return { tolerance, globs };
}

// src/action/metric-file-annotations.ts
function metricFileAnnotations(verdict, files, level) {
  const first = files[0];
  if (!first) return [];
  const drifted = verdict.metrics.filter((m) => m.status === "drift" || m.status === "missing");
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
    const stepColumn = header.findIndex((name) => STEP_KEYS.includes(name));
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
    const record = logObjectOn(lines[i]);
    if (record === null) continue;
    const stepKey = STEP_KEYS.find((key) => Object.hasOwn(record, key));
    if (stepKey === void 0 || record[stepKey] !== step) continue;
    if (path2.some((_, start) => holds(record, path2.slice(start)))) return i + 1;
    anyLine ??= i + 1;
  }
  return anyLine;
}
function logObjectOn(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    try {
      value = parsePythonJson(line);
    } catch {
      return null;
    }
  }
  return value && typeof value === "object" && !Array.isArray(value) ? value : null;
}
function holds(record, path2) {
  let node = record;
  for (const key of path2) {
    if (!node || typeof node !== "object" || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}

// src/action/github-publish.ts
async function publishCheckToGithub(token, event, settings, configPath, result, context) {
  const config = settings.config;
  await context.log.group("Publishing to GitHub", async () => {
    const commentKey = commentKeyOf(settings, event);
    if (config["comment-key"] !== void 0 && settings.origins["check-name"] === "default") {
      context.log.warning(`comment-key is set (a job matrix?) but check-name is the default, so every job posts the status context repro-check/${config["check-name"]} and the last one wins. Give each matrix entry its own check-name, e.g. check-name: repro-check-\${{ matrix.gpu }}, and make those the required checks.`);
    }
    const { uploadRunArtifact } = await import("./artifact-BEV7S5YO.js");
    await uploadRunArtifact({
      commentKey,
      files: [result.recordPath, result.reportPath, ...result.trained.metricFiles],
      rootDir: path.dirname(result.recordPath),
      env: context.env,
      log: context.log
    });
    if (!token) {
      context.log.warning("No github-token: the commit status, check run and PR comment are skipped (the job summary has the report).");
      return;
    }
    const [{ createGithubClient }, { publishResults }] = await Promise.all([import("./client-CS76VEWE.js"), import("./publish-2AY6SPKF.js")]);
    const client = createGithubClient({ token, log: context.log });
    const annotations = result.verdict ? await annotationsFor(result.verdict, result.outcome === "drift" && config["fail-on-drift"] ? "failure" : "warning", configPath, result.trained.metricFiles, context) : [];
    const headline = outcomeHeadline(result, config["accept-label"]);
    await publishResults(
      client,
      {
        event,
        checkName: config["check-name"],
        commentKey,
        outcome: result.outcome,
        failOnDrift: config["fail-on-drift"],
        commentBody: result.markdown,
        summary: result.markdown,
        ...headline !== null ? { headline } : {},
        annotations,
        runUrl: event.runUrl,
        ...commentAuthorOf(settings)
      },
      { info: (m) => info(m), warning: (m) => context.log.warning(m), debug: (m) => debug(m) }
    );
  });
}
function commentKeyOf(settings, event) {
  const config = settings.config;
  if (config["comment-key"] !== void 0) return config["comment-key"];
  if (settings.origins["check-name"] !== void 0 && settings.origins["check-name"] !== "default") return config["check-name"];
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
    const text = await readFile(path.join(workspace, relative), "utf8").catch(() => null);
    return text === null ? null : { repoPath: relative.split(path.sep).join("/"), text };
  };
  const workflowPath = /^[^/]+\/[^/]+\/(.+?)@/.exec(context.env.GITHUB_WORKFLOW_REF ?? "")?.[1] ?? null;
  const settingsFile = configPath ? await inWorkspace(configPath) : workflowPath ? await inWorkspace(workflowPath) : null;
  if (settingsFile) return driftAnnotations(verdict, settingsFile, level);
  const files = (await Promise.all(metricFiles.map(inWorkspace))).filter((file) => file !== null);
  return metricFileAnnotations(verdict, files, level);
}
function outcomeHeadline(result, acceptLabel) {
  const drifted = result.verdict?.metrics.filter((m) => m.status === "drift" || m.status === "missing").length ?? 0;
  const first = result.verdict && drifted > 0 ? firstDivergentStepOverall(result.verdict) : null;
  const weights = result.report.weightsDrift;
  const what = drifted > 0 ? `${drifted} of ${result.verdict.metrics.length} metrics drifted${first === null ? "" : ` from step ${first}`}` : weights ? `final weights differ in ${weights.differing} tensor${weights.differing === 1 ? "" : "s"}` : null;
  if (result.outcome === "accepted") {
    const by = result.report.acceptedBy ? ` by @${result.report.acceptedBy.login}` : "";
    return `Accepted${by} (label ${acceptLabel}): ${what ?? "drift"}`;
  }
  return result.outcome === "drift" ? what : null;
}
async function publishFailureToGithub(token, event, settings, message, context) {
  if (!token) return;
  const config = settings.config;
  await context.log.group("Publishing the failure to GitHub", async () => {
    const [{ createGithubClient }, { publishResults }] = await Promise.all([import("./client-CS76VEWE.js"), import("./publish-2AY6SPKF.js")]);
    const body = ["### \u26A0\uFE0F repro-check could not check this commit", "", "```", message.length > 2e4 ? `${message.slice(0, 2e4)}
\u2026 (cut; the run log has all of it)` : message, "```", "", `[Run log](${event.runUrl})`].join("\n");
    const firstLine = message.split("\n")[0];
    await publishResults(
      createGithubClient({ token, log: context.log }),
      {
        event,
        checkName: config["check-name"],
        commentKey: commentKeyOf(settings, event),
        outcome: "error",
        failOnDrift: config["fail-on-drift"],
        commentBody: body,
        summary: body,
        headline: `Error: ${firstLine}`,
        annotations: [],
        runUrl: event.runUrl,
        ...commentAuthorOf(settings)
      },
      { info: (m) => info(m), warning: (m) => context.log.warning(m), debug: (m) => debug(m) }
    );
  });
}
function acceptanceFinder(token, event, label, log) {
  if (event.prNumber === null || !token) return void 0;
  const prNumber = event.prNumber;
  return async () => {
    const [{ createGithubClient }, { findDriftAcceptance }] = await Promise.all([import("./client-CS76VEWE.js"), import("./acceptance-MNFME3LX.js")]);
    const accepted = await findDriftAcceptance(createGithubClient({ token, log }), { ...event.repo, prNumber, label }, log);
    return accepted ? { login: accepted.acceptedBy, at: accepted.acceptedAt } : null;
  };
}
async function publishBaselineToGithub(inputs, event, settings, result, context) {
  const config = settings.config;
  await context.log.group(`Publishing the baseline (${config["baseline-update"]})`, async () => {
    const [{ uploadRunArtifact }, { writeFileAtomic }] = await Promise.all([import("./artifact-BEV7S5YO.js"), import("./atomic-write-A6SBGOGI.js")]);
    const baselineCopy = path.join(result.trained.outDir, path.basename(result.baselinePath));
    await writeFileAtomic(baselineCopy, result.content);
    await uploadRunArtifact({ commentKey: commentKeyOf(settings, event), files: [baselineCopy, ...result.trained.metricFiles], rootDir: result.trained.outDir, env: context.env, log: context.log });
    const { publishBaseline } = await import("./baseline-update-FKYCLNRA.js");
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
  commentKeyOf,
  outcomeHeadline,
  publishFailureToGithub,
  acceptanceFinder,
  publishBaselineToGithub
};
