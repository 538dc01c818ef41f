import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  firstLine
} from "./chunk-PPS5OZDR.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/git/provenance.ts
init_define_REPRO_CHART_LIBRARY();
async function resolveProvenance(repo, pullRequest, runner = {}) {
  const [headOutput, symbolic, shallowOutput] = await Promise.all([
    repo.tryRun(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]),
    repo.tryRun(["symbolic-ref", "-q", "HEAD"]),
    repo.run(["rev-parse", "--is-shallow-repository"]).catch((error) => error)
  ]);
  const head = headOutput?.trim();
  if (!head)
    throw new ReproError(`The repository ${repo.root} has no commit yet`, {
      hint: "Commit the training code first: repro-check records which commit produced each result."
    });
  if (shallowOutput instanceof Error) throw shallowOutput;
  const shallow = shallowOutput.trim() === "true";
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
async function checkedOutCommit(repo) {
  const sha = (await repo.tryRun(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]))?.trim();
  if (!sha) return null;
  const object = await repo.tryRun(["cat-file", "commit", sha]) ?? "";
  const headerEnd = object.indexOf("\n\n");
  const header = headerEnd < 0 ? object : object.slice(0, headerEnd);
  const parents = header.split("\n").filter((line) => line.startsWith("parent ")).map((line) => line.slice("parent ".length).trim());
  return { sha, parents };
}

export {
  resolveProvenance,
  ensureCommitPresent,
  readFileAtCommit,
  requireBranch,
  checkedOutCommit
};
