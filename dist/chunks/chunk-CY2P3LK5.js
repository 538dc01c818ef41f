import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  RUN_RECORD_KIND,
  RUN_RECORD_SCHEMA_VERSION,
  collectRunMetrics,
  encodeMetricData,
  expandFileGlob
} from "./chunk-XPHPDOI2.js";
import {
  firstLine,
  openRepo
} from "./chunk-NU2UIHPB.js";
import {
  collectEnvironment,
  execText
} from "./chunk-ZAV4N3WG.js";
import {
  hashCheckpointFile,
  runProcess
} from "./chunk-7N5BMENO.js";
import {
  ReproError
} from "./chunk-IOLXGZRS.js";

// src/git/provenance.ts
async function resolveProvenance(repo, pullRequest, runner = {}) {
  const head = (await repo.tryRun(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]))?.trim();
  if (!head) throw new ReproError(`The repository ${repo.root} has no commit yet`, { hint: "Commit the training code first: repro-check records which commit produced each result." });
  const symbolic = await repo.tryRun(["symbolic-ref", "-q", "HEAD"]);
  const shallow = (await repo.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  const ref = symbolic?.trim() || (runner.ref && runner.sha === head ? runner.ref : null);
  if (!pullRequest) return { commit: head, ref, shallow, baseCommit: null };
  await ensureCommitPresent(repo, pullRequest.baseSha);
  return { commit: pullRequest.headSha, ref: pullRequest.headRef ? `refs/heads/${pullRequest.headRef}` : symbolic?.trim() || null, shallow, baseCommit: pullRequest.baseSha };
}
async function hasCommit(repo, sha) {
  return await repo.tryRun(["cat-file", "-e", `${sha}^{commit}`]) !== null;
}
async function ensureCommitPresent(repo, sha) {
  if (await hasCommit(repo, sha)) return;
  const remotes = (await repo.run(["remote"])).split("\n").filter(Boolean);
  const remote = remotes.includes("origin") ? "origin" : remotes[0];
  if (!remote) {
    throw new ReproError(`The pull request's base commit ${sha} is not in this clone, and the clone has no remote to fetch it from`, {
      hint: "Check out with actions/checkout (any fetch-depth), or fetch the base commit before running repro-check."
    });
  }
  try {
    await repo.run(["fetch", "--no-tags", "--no-recurse-submodules", "--depth=1", remote, sha]);
  } catch (error) {
    throw new ReproError(`The pull request's base commit ${sha} is not in this shallow clone, and fetching it from ${remote} failed: ${firstLine(error)}`, {
      hint: "Use `fetch-depth: 0` on actions/checkout, or make sure the job can read the repository (contents: read)."
    });
  }
  if (!await hasCommit(repo, sha)) throw new ReproError(`Fetched ${sha} from ${remote}, but it is still not a commit in this clone`);
}
async function readFileAtCommit(repo, commit, repoRelativePath) {
  const spec = `${commit}:${repoRelativePath}`;
  const type = await repo.tryRun(["cat-file", "-t", spec]);
  if (type === null) {
    if (!await hasCommit(repo, commit)) throw new ReproError(`Commit ${commit} is not in this clone; cannot read ${repoRelativePath} from it`);
    return null;
  }
  if (type.trim() !== "blob") throw new ReproError(`${repoRelativePath} at ${commit.slice(0, 12)} is a ${type.trim()}, not a file`);
  return repo.run(["cat-file", "blob", spec]);
}
async function requireBranch(repo) {
  const symbolic = await repo.tryRun(["symbolic-ref", "-q", "--short", "HEAD"]);
  if (symbolic === null || symbolic.trim() === "") {
    throw new ReproError("HEAD is detached, and a baseline update needs a branch to commit to", {
      hint: "Check out the branch first (git switch main); in a workflow, run the baseline update on a branch (workflow_dispatch or push), not on a pull request."
    });
  }
  return symbolic.trim();
}

// src/modes/repo-state.ts
import path from "node:path";

// src/git/clean-tree.ts
var LISTED_PATHS = 20;
async function assertCleanTree(repo) {
  const output = await repo.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignore-submodules=none"]);
  const offending = parsePorcelain(output);
  if (offending.length === 0) return;
  const listed = offending.slice(0, LISTED_PATHS).map((entry) => `  ${entry.code} ${entry.path}`);
  if (offending.length > LISTED_PATHS) listed.push(`  \u2026 and ${offending.length - LISTED_PATHS} more`);
  throw new ReproError(`The working tree of ${repo.root} is not clean (${offending.length} path${offending.length === 1 ? "" : "s"}):
${listed.join("\n")}`, {
    hint: "repro-check trains committed code only, so that a result can be traced to a commit: commit these changes, stash them (git stash --include-untracked), or add generated files to .gitignore."
  });
}
function parsePorcelain(output) {
  const fields = output.split("\0").filter((f) => f.length > 0);
  const entries = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const code = field.slice(0, 2);
    entries.push({ code: code.replace(/ /g, "."), path: field.slice(3) });
    if (code[0] === "R" || code[0] === "C") i++;
  }
  return entries;
}

// src/git/credentials.ts
async function hasCredentialHeader(repo) {
  const output = await repo.tryRun(["config", "--local", "--includes", "--get-regexp", "^http\\..*\\.extraheader$"]);
  return output !== null && output.trim().length > 0;
}

// src/modes/repo-state.ts
async function prepareRepo(config, context) {
  return context.log.group("Checking the working tree", async () => {
    const repo = await openRepo(context.cwd);
    const repoRoot = repo.root;
    const workDir = path.resolve(repoRoot, config["working-directory"]);
    if (path.relative(repoRoot, workDir).startsWith("..")) {
      throw new ReproError(`working-directory "${config["working-directory"]}" is outside the repository ${repoRoot}`, { hint: "Give a path inside the repository, relative to its root." });
    }
    await assertCleanTree(repo);
    const provenance = await resolveProvenance(repo, context.pullRequest ? { headSha: context.pullRequest.headSha, baseSha: context.pullRequest.baseSha, headRef: context.pullRequest.headRef ?? null } : null, { ref: context.env.GITHUB_REF, sha: context.env.GITHUB_SHA });
    if (await hasCredentialHeader(repo)) {
      context.log.warning(".git/config holds a credential header (actions/checkout with persist-credentials: true): the training command can read that token. Set `persist-credentials: false` on actions/checkout.");
    }
    context.log.info(`Training commit ${provenance.commit}${provenance.ref ? ` (${provenance.ref})` : " (detached HEAD)"}${provenance.shallow ? ", shallow clone" : ""}`);
    return { repo, repoRoot, workDir, provenance };
  });
}
function repoRelative(state, fileInWorkDir) {
  return path.relative(state.repoRoot, path.resolve(state.workDir, fileInWorkDir)).split(path.sep).join("/");
}

// src/modes/train.ts
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path2 from "node:path";
import os from "node:os";

// src/proc/child-env.ts
var RUNNER_COMMAND_FILES = ["GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"];
function isDroppedFromChild(name) {
  if (name === "GITHUB_TOKEN" || name.startsWith("INPUT_")) return true;
  if (name.startsWith("ACTIONS_") && (name.includes("TOKEN") || name.endsWith("_URL"))) return true;
  return RUNNER_COMMAND_FILES.includes(name);
}
function childEnvironment(parent, options) {
  const env = {};
  for (const [name, value] of Object.entries(parent)) if (value !== void 0 && !isDroppedFromChild(name)) env[name] = value;
  env.REPRO_SEED = String(options.seed);
  env.PYTHONHASHSEED = String(options.seed);
  env.REPRO_OUT_DIR = options.outDir;
  if (options.determinism) {
    env.CUBLAS_WORKSPACE_CONFIG = ":4096:8";
    env.TF_DETERMINISTIC_OPS = "1";
    env.TF_CUDNN_DETERMINISTIC = "1";
  }
  return env;
}

// src/modes/train.ts
async function createRunOutputDir(env) {
  const root = env.RUNNER_TEMP ? path2.join(env.RUNNER_TEMP, "repro-check") : path2.join(os.tmpdir(), "repro-check");
  const dir = path2.join(root, `run-${Date.now()}-${randomBytes(3).toString("hex")}`);
  await mkdir(dir, { recursive: true });
  return dir;
}
function substituteOutDir(pattern, outDir) {
  return pattern.replaceAll("{out}", outDir);
}
function settingsHash(config) {
  const shaping = { command: config.command ?? null, trainer: config.trainer ?? null, seed: config.seed, determinismEnv: config["determinism-env"] };
  return createHash("sha256").update(JSON.stringify(shaping)).digest("hex");
}
function collectRunEnvironment(config, repo, context) {
  return collectEnvironment({ cwd: repo.workDir, fingerprintPaths: config["fingerprint-paths"], env: context.env, exec: execText });
}
async function trainAndRecord(config, repo, context, environment) {
  environment ??= await collectRunEnvironment(config, repo, context);
  const outDir = await createRunOutputDir(context.env);
  const startedAt = context.now();
  const timeoutMs = config["timeout-minutes"] * 6e4;
  const checkpoints = [];
  const extraEnvironment = {};
  const warnings = [];
  let metricsSpec;
  if (config.trainer) {
    const { runTrainer, backendFingerprint } = await import("./run-trainer-XHOVDG5Z.js");
    const result = await trainingPhase(
      context,
      `Training with the built-in trainer (${config.trainer.module})`,
      () => runTrainer({
        module: config.trainer.module,
        backend: config.trainer.backend,
        steps: config.trainer.steps,
        checkpointEvery: config.trainer["checkpoint-every"],
        seed: config.seed,
        strictDeterminism: config.trainer["strict-determinism"],
        installBackend: config.trainer["install-backend"],
        options: config.trainer.options,
        outDir,
        cwd: repo.workDir,
        timeoutMs,
        // The trainer's TensorFlow switches follow trainer.strict-determinism, not determinism-env.
        env: childEnvironment(context.env, { seed: config.seed, determinism: config.trainer["strict-determinism"], outDir }),
        onOutputLine: (line) => context.trainingOutput.line(line),
        ...context.signal ? { signal: context.signal } : {}
      })
    );
    for (const warning of result.warnings) context.log.warning(warning);
    warnings.push(...result.warnings);
    context.log.info(`Trainer backend: ${result.backend.name} ${result.backend.version} on ${result.backend.device}`);
    Object.assign(extraEnvironment, backendFingerprint(result.backend));
    checkpoints.push(...result.checkpoints);
    metricsSpec = config.metrics ?? result.metricsPath;
  } else {
    const command = config.command;
    const result = await trainingPhase(
      context,
      `Training: ${command}`,
      () => runProcess({
        shell: command,
        cwd: repo.workDir,
        env: childEnvironment(context.env, { seed: config.seed, determinism: config["determinism-env"], outDir }),
        timeoutMs,
        onOutputLine: (line) => context.trainingOutput.line(line),
        ...context.signal ? { signal: context.signal } : {}
      })
    );
    if (result.exitCode !== 0 || result.timedOut || result.cancelled) throw trainingFailure("The training command", command, result, config["timeout-minutes"]);
    metricsSpec = config.metrics;
  }
  const resolvedSpec = typeof metricsSpec === "string" ? substituteOutDir(metricsSpec, outDir) : Object.fromEntries(Object.entries(metricsSpec).map(([k, v]) => [k, substituteOutDir(v, outDir)]));
  const { data, files } = await collectRunMetrics(resolvedSpec, { baseDir: repo.workDir, notBefore: startedAt });
  if (config.checkpoints) {
    const pattern = substituteOutDir(config.checkpoints, outDir);
    const hashed = await hashCommandCheckpoints(pattern, repo.workDir);
    if (hashed.length === 0) {
      const unmatched = `checkpoints "${config.checkpoints}" matched no file (looked for ${path2.resolve(repo.workDir, pattern)}); no weights were recorded`;
      context.log.warning(unmatched);
      warnings.push(unmatched);
    }
    checkpoints.push(...hashed);
  }
  environment = { ...environment, extra: { ...environment.extra, ...extraEnvironment } };
  const provenance = {
    commit: repo.provenance.commit,
    ref: repo.provenance.ref,
    shallow: repo.provenance.shallow,
    dirty: false,
    ...config.command ? { command: config.command } : {},
    ...config.trainer ? { trainer: { module: config.trainer.module, backend: extraEnvironment["tfjs.backend"] ?? config.trainer.backend, steps: config.trainer.steps } } : {},
    seed: config.seed,
    settingsHash: settingsHash(config),
    createdAt: startedAt.toISOString()
  };
  const record = {
    kind: RUN_RECORD_KIND,
    schemaVersion: RUN_RECORD_SCHEMA_VERSION,
    provenance,
    environment,
    metrics: encodeMetricData(data),
    ...checkpoints.length > 0 ? { checkpoints } : {},
    runner: { label: context.env.RUNNER_NAME ?? null, gpuUuids: environment.gpu?.devices.map((d) => d.uuid) ?? [] }
  };
  return { record, data, metricFiles: files, outDir, warnings };
}
function trainingFailure(what, subject, result, timeoutMinutes) {
  const stopped = result.timedOut || result.cancelled;
  const why = result.timedOut ? `timed out after ${timeoutMinutes} minutes (timeout-minutes) and was stopped` : result.cancelled ? "was cancelled" : result.exitCode === 127 ? "was not found (exit code 127)" : result.signal ? `was killed by ${result.signal}` : `failed with exit code ${result.exitCode}`;
  const output = result.outputTail.length > 0 ? `Last lines of its output:
${result.outputTail.map((l) => `  ${l}`).join("\n")}` : `It printed nothing before it ${stopped ? "was stopped" : "ended"}.`;
  return new ReproError(`${what} ${why}: ${subject}
${output}`, {
    hint: result.timedOut ? `A smoke training should finish well within the limit: shorten it (fewer steps, a smaller model) or raise \`timeout-minutes\` (now ${timeoutMinutes}).` : result.cancelled ? "The job was cancelled (or the runner stopped it); its training process group was stopped with it." : "Run the command by hand in the same directory to see the whole error; repro-check compares nothing for a failed training."
  });
}
function trainingPhase(context, name, body) {
  return context.log.group(name, async () => {
    try {
      return await body();
    } finally {
      context.trainingOutput.end();
    }
  });
}
async function hashCommandCheckpoints(pattern, baseDir) {
  const absolute = path2.isAbsolute(pattern);
  const { files } = await expandFileGlob(absolute ? "/" : baseDir, absolute ? pattern.slice(1) : pattern);
  const entries = [];
  for (const relative of files) {
    const file = absolute ? `/${relative}` : path2.join(baseDir, relative);
    const bytes = await readFile(file).catch((error) => error.code === "ENOENT" ? void 0 : null);
    if (bytes !== void 0) entries.push(await hashCheckpointFile(file, bytes));
  }
  return entries;
}

export {
  readFileAtCommit,
  requireBranch,
  prepareRepo,
  repoRelative,
  collectRunEnvironment,
  trainAndRecord
};
