import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  analyseAudit,
  auditOptionsOf,
  trainRepeats
} from "./chunk-BBPWBMCG.js";
import "./chunk-NELG7IKU.js";
import {
  encodeBand,
  refuseNewerBaseline
} from "./chunk-GLHUCNKJ.js";
import "./chunk-U455O2BG.js";
import "./chunk-J2K7L4Y2.js";
import {
  collectRunEnvironment,
  prepareRepo,
  repoRelative,
  trainAndRecord
} from "./chunk-NLMQQJFJ.js";
import "./chunk-RTR2AN4Y.js";
import "./chunk-RY7XRNUJ.js";
import "./chunk-HMN27A7O.js";
import {
  isBaselineFile,
  resolveBaselinePath
} from "./chunk-U5GOPGMT.js";
import "./chunk-557MTL2E.js";
import "./chunk-RXS57EFW.js";
import {
  formatValue
} from "./chunk-DBEUN44C.js";
import {
  requireBranch
} from "./chunk-7WTKOJ3K.js";
import "./chunk-PPS5OZDR.js";
import "./chunk-O4DAKSRG.js";
import {
  serializeDocument
} from "./chunk-F2T6RF3N.js";
import {
  BASELINE_KIND,
  BASELINE_SCHEMA_VERSION
} from "./chunk-AEMQQA4S.js";
import "./chunk-CL6ON2TL.js";
import {
  globToRegExp,
  matchesAnyGlob
} from "./chunk-WSLLZDSC.js";
import "./chunk-AV5HAPW5.js";
import "./chunk-JSQIMT2O.js";
import "./chunk-IMLL2YKW.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-U24SNM4K.js";
import "./chunk-KUD2POCN.js";
import {
  trainingPlanOf
} from "./chunk-VRURZYB3.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-L43LQIL3.js";
import "./chunk-XU3WJNQF.js";
import "./chunk-NV534FCQ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import {
  checkWritable,
  writeFileAtomic
} from "./chunk-54B7A6WN.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/baseline.ts
init_define_REPRO_CHART_LIBRARY();
import os from "node:os";
import path from "node:path";

// src/compare/non-finite.ts
init_define_REPRO_CHART_LIBRARY();
function findNonFiniteValues(data, options) {
  const skipped = [...options.ignore, ...options.allow].map(globToRegExp);
  const found = [];
  for (const [name, series] of data.series) {
    if (matchesAnyGlob(name, skipped)) continue;
    for (let i = 0; i < series.values.length; i++) {
      if (Number.isFinite(series.values[i])) continue;
      found.push({ name, step: series.steps[i], value: series.values[i] });
      break;
    }
  }
  for (const [name, value] of data.finals) {
    if (!Number.isFinite(value) && !matchesAnyGlob(name, skipped)) found.push({ name, step: null, value });
  }
  return found.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

// src/modes/baseline.ts
async function runBaselineUpdate(settings, context, options = {}) {
  const config = settings.config;
  const repo = await prepareRepo(config, context, {
    ignore: (repoPath) => isBaselineFile(config.baseline, config["working-directory"], repoPath)
  });
  const branch = await requireBranch(repo.repo);
  await options.beforeTraining?.(branch);
  const plan = trainingPlanOf(config);
  const environment = await collectRunEnvironment(plan, repo, context);
  const baselinePath = path.resolve(
    repo.workDir,
    resolveBaselinePath(config.baseline, environment, context.env, os.hostname())
  );
  await refuseNewerBaseline(baselinePath);
  const label = `the baseline ${repoRelative(repo, baselinePath)}`;
  if (!options.keepCheckoutClean) await checkWritable(baselinePath, label);
  const repeats = config.audit.seeds > 0 ? await trainRepeats(plan, repo, context, { sameSeed: config.audit.runs, seeds: config.audit.seeds }) : null;
  const trained = repeats ? repeats.runs[0].trained : await trainAndRecord(plan, repo, context, environment);
  refuseNonFiniteMetrics(trained.data, config["ignore-metrics"], config["allow-non-finite"]);
  return context.log.group("Writing the baseline", async () => {
    const baseline = {
      kind: BASELINE_KIND,
      schemaVersion: BASELINE_SCHEMA_VERSION,
      createdAt: context.now().toISOString(),
      runs: [trained.record],
      ...repeats ? statisticalBlocks(config, repeats.runs, context) : {}
    };
    const content = serializeDocument(baseline);
    const baselineRepoPath = repoRelative(repo, baselinePath);
    const written = options.keepCheckoutClean ? path.join(trained.outDir, path.basename(baselinePath)) : baselinePath;
    await writeFileAtomic(written, content, options.keepCheckoutClean ? written : label);
    context.log.info(
      `Wrote ${options.keepCheckoutClean ? `the new ${baselineRepoPath} to ${written}` : baselineRepoPath} from commit ${trained.record.provenance.commit.slice(0, 12)} on ${branch}`
    );
    return { baselinePath: written, baselineRepoPath, content, branch, trained };
  });
}
function statisticalBlocks(config, runs, context) {
  const member = (run) => ({
    source: `${run.kind} run ${run.index}, seed ${run.seed}`,
    seed: run.seed,
    data: run.data
  });
  const same = runs.filter((r) => r.kind === "same-seed");
  const ignore = config["ignore-metrics"];
  const findings = analyseAudit(runs, auditOptionsOf(config, context.env));
  for (const warning of findings.warnings) context.log.warning(warning);
  context.log.info(
    `Level reached over ${same.length} same-seed runs and ${runs.length - same.length + 1} seeds: ${findings.level}`
  );
  return {
    band: {
      seed: encodeBand([same[0], ...runs.filter((r) => r.kind === "seed")].map(member), ignore),
      sameSeed: encodeBand(same.map(member), ignore)
    },
    ...findings.level === "not reproducible" ? {} : { level: findings.level }
  };
}
function refuseNonFiniteMetrics(data, ignore, allow) {
  const found = findNonFiniteValues(data, { ignore, allow });
  if (found.length === 0) return;
  const listed = found.slice(0, 5).map(
    ({ name, step, value }) => `\`${name}\` is ${formatValue(value)}${step === null ? " (final value)" : ` at step ${step}`}`
  );
  const more = found.length > listed.length ? `, and ${found.length - listed.length} more` : "";
  throw new ReproError(
    `The run's metrics hold non-finite values: ${listed.join("; ")}${more}. A baseline recorded from a diverged run would pass every run that diverges the same way; none was written.`,
    {
      hint: 'Fix the training (it diverged), or, where NaN/Infinity is expected (a gradient norm under fp16 loss scaling), list the metric in `allow-non-finite` (globs), e.g. allow-non-finite: ["grad_norm"].'
    }
  );
}
export {
  runBaselineUpdate
};
