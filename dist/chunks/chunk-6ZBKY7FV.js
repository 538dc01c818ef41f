import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  firstLine,
  openRepo
} from "./chunk-EXNMS6RL.js";
import {
  UNCLEAN_TREE_NOTE
} from "./chunk-HQZEXTL7.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/git/provenance.ts
init_define_REPRO_CHART_LIBRARY();
async function resolveProvenance(repo, pullRequest, runner = {}) {
  const head = (await repo.tryRun(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]))?.trim();
  if (!head)
    throw new ReproError(`The repository ${repo.root} has no commit yet`, {
      hint: "Commit the training code first: repro-check records which commit produced each result."
    });
  const symbolic = await repo.tryRun(["symbolic-ref", "-q", "HEAD"]);
  const shallow = (await repo.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  const ref = symbolic?.trim() || (runner.ref && runner.sha === head ? runner.ref : null);
  if (!pullRequest) return { commit: head, ref, shallow, baseCommit: null };
  await ensureCommitPresent(repo, pullRequest.baseSha);
  return {
    commit: pullRequest.headSha,
    ref: pullRequest.headRef ? `refs/heads/${pullRequest.headRef}` : symbolic?.trim() || null,
    shallow,
    baseCommit: pullRequest.baseSha
  };
}
async function hasCommit(repo, sha) {
  return await repo.tryRun(["cat-file", "-e", `${sha}^{commit}`]) !== null;
}
async function ensureCommitPresent(repo, sha) {
  if (await hasCommit(repo, sha)) return;
  const remotes = (await repo.run(["remote"])).split("\n").filter(Boolean);
  const remote = remotes.includes("origin") ? "origin" : remotes[0];
  if (!remote) {
    throw new ReproError(
      `The pull request's base commit ${sha} is not in this clone, and the clone has no remote to fetch it from`,
      {
        hint: "Check out with actions/checkout (any fetch-depth), or fetch the base commit before running repro-check."
      }
    );
  }
  try {
    await repo.run(["fetch", "--no-tags", "--no-recurse-submodules", "--depth=1", remote, sha]);
  } catch (error) {
    throw new ReproError(
      `The pull request's base commit ${sha} is not in this shallow clone, and fetching it from ${remote} failed: ${firstLine(error)}`,
      {
        hint: "Use `fetch-depth: 0` on actions/checkout, or make sure the job can read the repository (contents: read)."
      }
    );
  }
  if (!await hasCommit(repo, sha))
    throw new ReproError(`Fetched ${sha} from ${remote}, but it is still not a commit in this clone`);
}
async function readFileAtCommit(repo, commit, repoRelativePath) {
  const spec = `${commit}:${repoRelativePath}`;
  const type = await repo.tryRun(["cat-file", "-t", spec]);
  if (type === null) {
    if (!await hasCommit(repo, commit))
      throw new ReproError(`Commit ${commit} is not in this clone; cannot read ${repoRelativePath} from it`);
    return null;
  }
  if (type.trim() !== "blob")
    throw new ReproError(`${repoRelativePath} at ${commit.slice(0, 12)} is a ${type.trim()}, not a file`);
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
init_define_REPRO_CHART_LIBRARY();
import path2 from "node:path";

// src/git/clean-tree.ts
init_define_REPRO_CHART_LIBRARY();
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
var LISTED_PATHS = 20;
async function assertCleanTree(repo, ignore = () => false) {
  const offending = await uncleanPaths(repo, ignore);
  if (offending.length === 0) return;
  const listed = offending.slice(0, LISTED_PATHS).map((entry) => `  ${entry.code} ${entry.path}`);
  if (offending.length > LISTED_PATHS) listed.push(`  \u2026 and ${offending.length - LISTED_PATHS} more`);
  throw new ReproError(
    `The working tree of ${repo.root} is not clean (${offending.length} path${offending.length === 1 ? "" : "s"}):
${listed.join("\n")}`,
    {
      hint: "repro-check trains committed code only, so that a result can be traced to a commit: commit these changes, stash them (git stash --include-untracked), or add generated files to .gitignore."
    }
  );
}
async function uncleanPaths(repo, ignore = () => false) {
  const output = await repo.run([
    "status",
    "--porcelain=v1",
    "-z",
    "--untracked-files=all",
    "--ignore-submodules=none"
  ]);
  return parsePorcelain(output).filter((entry) => !ignore(entry.path));
}
async function uncleanTreeHash(repo, entries) {
  const hash = createHash("sha256");
  hash.update(await repo.run(["diff", "--binary", "--no-ext-diff", "HEAD"]));
  for (const entry of entries.filter((e) => e.code === "??").sort((a, b) => a.path < b.path ? -1 : 1)) {
    hash.update(`\0untracked ${entry.path}\0`);
    hash.update(await readFile(path.join(repo.root, entry.path)));
  }
  return hash.digest("hex");
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
init_define_REPRO_CHART_LIBRARY();
async function hasCredentialHeader(repo) {
  const output = await repo.tryRun(["config", "--local", "--includes", "--get-regexp", "^http\\..*\\.extraheader$"]);
  return output !== null && output.trim().length > 0;
}

// src/modes/repo-state.ts
async function prepareRepo(config, context, gate = {}) {
  return context.log.group("Checking the working tree", async () => {
    const repo = await openRepo(context.cwd);
    const repoRoot = repo.root;
    const workDir = path2.resolve(repoRoot, config["working-directory"]);
    if (path2.relative(repoRoot, workDir).startsWith("..")) {
      throw new ReproError(`working-directory "${config["working-directory"]}" is outside the repository ${repoRoot}`, {
        hint: "Give a path inside the repository, relative to its root."
      });
    }
    let dirty = null;
    if (gate.allowDirty) {
      const unclean = await uncleanPaths(repo, gate.ignore);
      if (unclean.length > 0) {
        dirty = { paths: unclean.map((e) => e.path), diffSha256: await uncleanTreeHash(repo, unclean) };
        context.log.warning(
          `${UNCLEAN_TREE_NOTE}: training ${unclean.length} uncommitted path${unclean.length === 1 ? "" : "s"} (--allow-dirty).`
        );
      }
    } else await assertCleanTree(repo, gate.ignore);
    const provenance = await resolveProvenance(
      repo,
      context.pullRequest ? {
        headSha: context.pullRequest.headSha,
        baseSha: context.pullRequest.baseSha,
        headRef: context.pullRequest.headRef ?? null
      } : null,
      { ref: context.env.GITHUB_REF, sha: context.env.GITHUB_SHA }
    );
    if (await hasCredentialHeader(repo)) {
      context.log.warning(
        ".git/config holds a credential header (actions/checkout with persist-credentials: true): the training command can read that token. Set `persist-credentials: false` on actions/checkout."
      );
    }
    context.log.info(
      `Training commit ${provenance.commit}${provenance.ref ? ` (${provenance.ref})` : " (detached HEAD)"}${provenance.shallow ? ", shallow clone" : ""}`
    );
    return { repo, repoRoot, workDir, provenance, dirty };
  });
}
function repoRelative(state, fileInWorkDir) {
  return path2.relative(state.repoRoot, path2.resolve(state.workDir, fileInWorkDir)).split(path2.sep).join("/");
}

export {
  readFileAtCommit,
  requireBranch,
  prepareRepo,
  repoRelative
};
