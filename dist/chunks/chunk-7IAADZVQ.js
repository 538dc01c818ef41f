import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  placeOfRecord
} from "./chunk-RXS57EFW.js";
import {
  formatDiff,
  formatStep,
  formatValue
} from "./chunk-DBEUN44C.js";
import {
  require_dist
} from "./chunk-ZCBW5UN4.js";
import {
  repoPathWithin
} from "./chunk-L43LQIL3.js";
import {
  PUBLISH_OUTCOMES
} from "./chunk-TWRLUOLI.js";
import {
  firstDivergentStepOverall,
  isDriftedMetric
} from "./chunk-NV534FCQ.js";
import {
  external_exports
} from "./chunk-OFCAAITS.js";
import {
  debug,
  info
} from "./chunk-BZCHYY7N.js";
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
import { mkdtemp, readFile as readFile2 } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";

// src/action/check-annotations.ts
init_define_REPRO_CHART_LIBRARY();
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
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
    return annotationOn(config.repoPath, line, level, metric, describe(metric));
  });
}
function metricFileAnnotations(verdict, current, level, repoPathOf, fallbackFile) {
  const fallbackPath = fallbackFile === null ? null : repoPathOf(fallbackFile);
  return verdict.metrics.filter(isDriftedMetric).flatMap((metric) => {
    const logged = placeOfDrift(metric, current);
    const loggedPath = logged && repoPathOf(logged.place.file);
    if (logged && loggedPath !== null) {
      const where = logged.place.line === void 0 ? `
logged at ${logged.describe}` : "";
      return [annotationOn(loggedPath, logged.place.line ?? 1, level, metric, describe(metric) + where)];
    }
    return fallbackPath === null ? [] : [annotationOn(fallbackPath, 1, level, metric, describe(metric))];
  });
}
function placeOfDrift(metric, current) {
  const series = current.series.get(metric.name);
  if (series?.origin && series.steps.length > 0) {
    const step = metric.firstDivergentStep ?? metric.firstOutOfToleranceStep ?? series.steps[0];
    const { locator, records } = series.origin;
    const index = indexOfStep(series.steps, step);
    const record = records[index];
    if (series.steps[index] !== step)
      return { place: { file: placeOfRecord(locator, record).file }, describe: locator.file };
    return { place: placeOfRecord(locator, record), describe: locator.describe(record) };
  }
  const final = current.finalOrigins?.get(metric.name);
  if (!current.finals.has(metric.name) || !final) return null;
  return { place: placeOfRecord(final.locator, final.record), describe: final.locator.describe(final.record) };
}
function indexOfStep(steps, step) {
  let low = 0;
  let high = steps.length - 1;
  while (low < high) {
    const middle = low + high >>> 1;
    if (steps[middle] < step) low = middle + 1;
    else high = middle;
  }
  return low;
}
function annotationOn(path3, line, level, metric, message) {
  const title = `repro-check: ${metric.name} ${metric.status === "missing" ? "missing" : "drifted"}`;
  return { path: path3, startLine: line, endLine: line, level, title, message };
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

// src/action/check-annotations.ts
async function annotationsFor(verdict, level, configPath, trained, context) {
  const workspace = context.env.GITHUB_WORKSPACE ?? context.cwd;
  const repoPathOf = (file) => {
    const repoPath = repoPathWithin(workspace, file);
    return repoPath !== null && existsSync(path.join(workspace, repoPath)) ? repoPath : null;
  };
  const inWorkspace = async (file) => {
    const repoPath = repoPathOf(file);
    const text2 = repoPath === null ? null : await readFile(path.join(workspace, repoPath), "utf8").catch(() => null);
    return repoPath === null || text2 === null ? null : { repoPath, text: text2 };
  };
  const workflowPath = /^[^/]+\/[^/]+\/(.+?)@/.exec(context.env.GITHUB_WORKFLOW_REF ?? "")?.[1] ?? null;
  const settingsFile = configPath ? await inWorkspace(configPath) : workflowPath ? await inWorkspace(workflowPath) : null;
  if (settingsFile) return driftAnnotations(verdict, settingsFile, level);
  return metricFileAnnotations(
    verdict,
    trained.data,
    level,
    repoPathOf,
    trained.metricFiles.find((file) => repoPathOf(file) !== null) ?? null
  );
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
async function publishCheckToGithub(token, event, plan, configPath, result, context) {
  await context.log.group("Publishing to GitHub", async () => {
    if (plan.sharesStatusContext) {
      context.log.warning(
        `comment-key is set (a job matrix?) but check-name is the default, so every job posts the status context repro-check/${plan.checkName} and the last one wins. Give each matrix entry its own check-name, e.g. check-name: repro-check-\${{ matrix.gpu }}, and make those the required checks.`
      );
    }
    const annotations = result.verdict ? await annotationsFor(
      result.verdict,
      result.outcome === "drift" && plan.failOnDrift ? "failure" : "warning",
      configPath,
      result.trained,
      context
    ) : [];
    const headline = outcomeHeadline(result, plan.acceptLabel);
    const verdict = {
      outcome: result.outcome,
      failOnDrift: plan.failOnDrift,
      commentBody: result.markdown,
      summary: result.markdown,
      ...headline !== null ? { headline } : {},
      annotations
    };
    const [{ uploadRunArtifact }, { writeFileAtomic }] = await Promise.all([
      import("./artifact-6NADE3JL.js"),
      import("./atomic-write-ONZ7NEEK.js")
    ]);
    const verdictPath = path2.join(path2.dirname(result.recordPath), PUBLISHED_VERDICT_FILE);
    await writeFileAtomic(verdictPath, encodePublishedVerdict(verdict));
    await uploadRunArtifact({
      commentKey: plan.commentKey,
      files: [result.recordPath, result.reportPath, result.htmlPath, verdictPath, ...result.trained.metricFiles],
      rootDir: path2.dirname(result.recordPath),
      env: context.env,
      log: context.log
    });
    if (!token) {
      context.log.info(
        "No github-token: the commit status, check run and PR comment are left to a `mode: publish` job, which posts them from the run artifact (the job summary has the report)."
      );
      return;
    }
    await publishVerdict(token, event, plan, verdict, context);
  });
}
async function publishVerdict(token, event, plan, verdict, context) {
  const [{ createGithubClient }, { publishResults }] = await Promise.all([
    import("./client-W2GIGDJB.js"),
    import("./publish-ZC3FKO5Y.js")
  ]);
  await publishResults(
    createGithubClient({ token, log: context.log }),
    {
      event,
      checkName: plan.checkName,
      commentKey: plan.commentKey,
      ...verdict,
      runUrl: event.runUrl,
      // Not set: publishing learns the token's login from GitHub (github/publish.ts).
      ...plan.commentAuthor === void 0 ? {} : { commentAuthorLogin: plan.commentAuthor }
    },
    { info: (m) => info(m), warning: (m) => context.log.warning(m), debug: (m) => debug(m) }
  );
}
async function publishFromArtifact(token, event, plan, context) {
  if (!token)
    throw new ReproError(
      "mode: publish needs github-token (the job needs `statuses: write`, `checks: write` and `pull-requests: write`)."
    );
  return context.log.group("Publishing the check job's verdict", async () => {
    const { artifactName, downloadRunArtifact } = await import("./artifact-6NADE3JL.js");
    const name = artifactName(plan.commentKey);
    const dir = await mkdtemp(path2.join(context.env.RUNNER_TEMP ?? os.tmpdir(), "repro-check-publish-"));
    const downloaded = await downloadRunArtifact({ name, dir, env: context.env });
    const file = path2.join(downloaded, PUBLISHED_VERDICT_FILE);
    const text2 = await readFile2(file, "utf8").catch((error) => {
      throw new ReproError(
        `The artifact ${name} has no ${PUBLISHED_VERDICT_FILE} (${error.code ?? error.message}): it was not uploaded by a repro-check check job of this version.`,
        { hint: "Give the check job and the publish job the same repro-check version." }
      );
    });
    let verdict = decodePublishedVerdict(text2, `${name}/${PUBLISHED_VERDICT_FILE}`);
    context.log.info(`Verdict from ${name}: ${verdict.outcome}${verdict.headline ? ` (${verdict.headline})` : ""}.`);
    const label = plan.acceptLabel;
    const acceptance = verdict.outcome === "drift" ? await acceptanceFinder(token, event, label, context.log)?.() : null;
    if (acceptance) verdict = acceptedVerdict(verdict, acceptance, label);
    await publishVerdict(token, event, plan, verdict, context);
    return verdict;
  });
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

export {
  PUBLISHED_VERDICT_FILE,
  encodePublishedVerdict,
  publishCheckToGithub,
  publishVerdict,
  publishFromArtifact,
  outcomeHeadline,
  acceptanceFinder
};
