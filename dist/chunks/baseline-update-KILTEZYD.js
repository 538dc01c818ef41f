import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  gitIn
} from "./chunk-STU55N2L.js";
import {
  postCommitStatus,
  statusContext
} from "./chunk-HVC52ATB.js";
import {
  DEFAULT_CHECK_NAME
} from "./chunk-SKRDZTFF.js";
import "./chunk-4NT54M3U.js";
import "./chunk-OFCAAITS.js";
import "./chunk-MJO2A4YZ.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  httpStatusOf
} from "./chunk-NLYP5N4V.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/github/baseline-update.ts
init_define_REPRO_CHART_LIBRARY();
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/github/baseline-update-pr.ts
init_define_REPRO_CHART_LIBRARY();
var ACTIONS_MAY_NOT_CREATE_PRS = /not permitted to create or approve pull requests/i;
var ALREADY_EXISTS = /already exists/i;
async function openOrUpdateBaselinePull(client, request) {
  const existing = await findOpenPull(client, request);
  if (existing !== void 0) return updatePull(client, request, existing);
  try {
    const { data } = await client.rest.pulls.create({
      ...request.repo,
      head: request.head,
      base: request.base,
      title: request.title,
      body: request.body
    });
    return { number: data.number, url: data.html_url, action: "created" };
  } catch (error) {
    const message = error.message ?? "";
    if (httpStatusOf(error) === 422 && ALREADY_EXISTS.test(JSON.stringify(error.response?.data ?? message))) {
      const raced = await findOpenPull(client, request);
      if (raced !== void 0) return updatePull(client, request, raced);
    }
    throw pullRequestError(request, "open", error);
  }
}
async function findOpenPull(client, request) {
  try {
    const pulls = await client.paginate(client.rest.pulls.list, {
      ...request.repo,
      head: `${request.repo.owner}:${request.head}`,
      state: "open",
      per_page: 100
    });
    return pulls.find((p) => p.head.ref === request.head && p.base.ref === request.base)?.number;
  } catch (error) {
    throw pullRequestError(request, "look up", error);
  }
}
async function updatePull(client, request, number) {
  try {
    const { data } = await client.rest.pulls.update({
      ...request.repo,
      pull_number: number,
      title: request.title,
      body: request.body
    });
    return { number: data.number, url: data.html_url, action: "updated" };
  } catch (error) {
    throw pullRequestError(request, "update", error);
  }
}
function pullRequestError(request, what, error) {
  const status = httpStatusOf(error);
  const githubMessage = error.message?.split("\n")[0] ?? String(error);
  const pushed = `The baseline is on branch ${request.head}; a PR from it into ${request.base} can be opened by hand.`;
  const summary = `Could not ${what} the baseline pull request (${status === void 0 ? "no HTTP answer" : `HTTP ${status}`}: ${githubMessage}). ${pushed}`;
  if (status === 403 && ACTIONS_MAY_NOT_CREATE_PRS.test(githubMessage)) {
    return new ReproError(summary, {
      hint: `Allow it under the repository's Settings \u2192 Actions \u2192 General \u2192 Workflow permissions \u2192 "Allow GitHub Actions to create and approve pull requests", or pass a GitHub App token or PAT as baseline-token.`,
      cause: error
    });
  }
  if (status === 403 || status === 404) {
    return new ReproError(summary, {
      hint: "The token needs `pull-requests: write` (and `contents: write`) under the job's `permissions:`.",
      cause: error
    });
  }
  return new ReproError(summary, { cause: error });
}
async function reportStatusOnBaselinePull(client, status) {
  try {
    await postCommitStatus(client, {
      repo: status.repo,
      sha: status.sha,
      checkName: status.checkName,
      state: "success",
      description: "Baseline measured by this run; set here because a PR opened with GITHUB_TOKEN starts no workflows",
      targetUrl: status.targetUrl
    });
    return { posted: true };
  } catch (error) {
    const code = httpStatusOf(error);
    return {
      posted: false,
      warning: `Could not set the status ${statusContext(status.checkName)} on the baseline PR (${code === void 0 ? "no HTTP answer" : `HTTP ${code}`}: ${error.message?.split("\n")[0]}); a required check will wait on it. Add \`statuses: write\` to the job's \`permissions:\`, or pass a baseline-token whose PRs start workflows.`
    };
  }
}

// src/github/baseline-update-git.ts
init_define_REPRO_CHART_LIBRARY();
function basicAuthHeaderValue(token) {
  return `basic ${Buffer.from(`x-access-token:${token}`, "utf8").toString("base64")}`;
}
function authConfigEnv(remoteUrl, token) {
  if (!token) return {};
  let url;
  try {
    url = new URL(remoteUrl);
  } catch {
    return {};
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return {};
  const key = `http.${url.protocol}//${url.host}/.extraheader`;
  return {
    GIT_CONFIG_COUNT: "2",
    GIT_CONFIG_KEY_0: key,
    GIT_CONFIG_VALUE_0: "",
    GIT_CONFIG_KEY_1: key,
    GIT_CONFIG_VALUE_1: `AUTHORIZATION: ${basicAuthHeaderValue(token)}`
  };
}
function secretFormsOf(token) {
  if (!token) return [];
  const header = basicAuthHeaderValue(token);
  return [token, header.slice("basic ".length), header];
}
function redactSecrets(text, secrets) {
  return [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length).reduce((out, secret) => out.split(secret).join("***"), text);
}
function redactingGit(git, secrets) {
  return async (args, options) => {
    const output = await git(args, options);
    return {
      exitCode: output.exitCode,
      stdout: redactSecrets(output.stdout, secrets),
      stderr: redactSecrets(output.stderr, secrets)
    };
  };
}
function classifyPush(output) {
  const refLine = output.stdout.split("\n").find((line) => /^[ +\-*=!]\t/.test(line));
  const remoteSaid = output.stderr;
  if (/\bGH006\b|\bGH013\b|protected branch hook declined|Protected branch update failed|[Rr]epository rule violations/.test(
    `${refLine ?? ""}
${remoteSaid}`
  ))
    return "protected";
  if (output.exitCode === 0 && refLine !== void 0) return refLine.startsWith("=") ? "unchanged" : "pushed";
  if (refLine?.startsWith("!")) {
    if (/\[rejected\]/.test(refLine) && /fetch first|non-fast-forward|stale info|already exists/.test(refLine))
      return "stale";
    if (/\[remote rejected\]/.test(refLine) && /cannot lock ref|failed to update ref|incorrect old value/.test(refLine))
      return "stale";
  }
  return "failed";
}

// src/github/baseline-update.ts
var BOT_NAME = "github-actions[bot]";
var BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com";
var DEFAULT_MAX_TRIES = 5;
var DEFAULT_BACKOFF_MS = 1e3;
var LONGEST_BACKOFF_MS = 3e4;
async function publishBaseline(deps, request) {
  const baselinePath = checkedRepoPath(request.baselinePath);
  const secrets = secretFormsOf(request.token);
  for (const secret of secrets) deps.mask?.(secret);
  const git = redactingGit(deps.git ?? gitIn(request.repoDir), secrets);
  const remote = request.remote ?? "origin";
  const remoteUrl = (await gitOk(git, ["config", "--get", `remote.${remote}.url`], `read the URL of the remote "${remote}"`)).stdout.trim();
  const session = {
    git,
    remote,
    auth: authConfigEnv(remoteUrl, request.token),
    log: deps.log,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    beforePush: deps.beforePush ?? (async () => void 0),
    maxTries: Math.max(1, request.maxTries ?? DEFAULT_MAX_TRIES),
    backoffMs: request.backoffMs ?? DEFAULT_BACKOFF_MS
  };
  await refuseOffDefaultBranch(session, request);
  const indexDir = await mkdtemp(path.join(os.tmpdir(), "repro-check-index-"));
  try {
    const build = (parent) => buildBaselineCommit(git, {
      parent,
      baselinePath,
      content: request.content,
      message: request.message,
      indexFile: path.join(indexDir, "index")
    });
    const head = (await gitOk(git, ["rev-parse", "--verify", "HEAD^{commit}"], "read HEAD")).stdout.trim();
    return request.strategy === "commit" ? await commitToBranch(session, request, build, head) : await proposeAsPull(session, deps, request, build, head);
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}
function checkedRepoPath(baselinePath) {
  const normal = path.posix.normalize(baselinePath.split(path.sep).join("/"));
  if (path.posix.isAbsolute(normal) || normal === "." || normal.startsWith("../") || normal === "..") {
    throw new ReproError(`baseline path "${baselinePath}" must be a file inside the repository, relative to its root`);
  }
  return normal;
}
async function refuseOffDefaultBranch(session, request) {
  if (request.allowAnyBranch) return;
  const defaultBranch = request.defaultBranch ?? await remoteDefaultBranch(session);
  if (request.branch === defaultBranch) return;
  throw offDefaultBranchError(request.branch, defaultBranch);
}
function offDefaultBranchError(branch, defaultBranch) {
  return new ReproError(
    `mode: baseline ran on branch "${branch}", not on the default branch "${defaultBranch}"; a baseline is published from the default branch only.`,
    {
      hint: `Run the baseline update on ${defaultBranch}, or set the input allow-baseline-from-any-branch: true.`
    }
  );
}
async function remoteDefaultBranch(session) {
  const output = await gitOk(
    session.git,
    ["ls-remote", "--symref", session.remote, "HEAD"],
    `ask "${session.remote}" for its default branch`,
    { env: session.auth }
  );
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(output.stdout);
  if (!match?.[1])
    throw new ReproError(
      `Could not tell the default branch of "${session.remote}"; set the input allow-baseline-from-any-branch: true to publish from "${session.remote}" anyway.`
    );
  return match[1];
}
async function buildBaselineCommit(git, spec) {
  const env = { GIT_INDEX_FILE: spec.indexFile };
  const blob = (await gitOk(git, ["hash-object", "-w", "--stdin"], "store the baseline in git", { input: spec.content })).stdout.trim();
  await gitOk(git, ["read-tree", spec.parent], `read the tree of ${spec.parent}`, { env });
  await gitOk(
    git,
    ["update-index", "--add", "--cacheinfo", `100644,${blob},${spec.baselinePath}`],
    `stage ${spec.baselinePath}`,
    { env }
  );
  const tree = (await gitOk(git, ["write-tree"], "write the baseline tree", { env })).stdout.trim();
  const parentTree = (await gitOk(git, ["rev-parse", `${spec.parent}^{tree}`], `read the tree of ${spec.parent}`)).stdout.trim();
  if (tree === parentTree) return { sha: spec.parent, changed: false };
  const identity = {
    GIT_AUTHOR_NAME: BOT_NAME,
    GIT_AUTHOR_EMAIL: BOT_EMAIL,
    GIT_COMMITTER_NAME: BOT_NAME,
    GIT_COMMITTER_EMAIL: BOT_EMAIL
  };
  const sha = (await gitOk(git, ["commit-tree", tree, "-p", spec.parent, "-F", "-"], "commit the baseline", {
    input: spec.message,
    env: identity
  })).stdout.trim();
  return { sha, changed: true };
}
async function commitToBranch(session, request, build, head) {
  const target = `refs/heads/${request.branch}`;
  let parent = head;
  let lastBuilt = null;
  for (let attempt = 1; attempt <= session.maxTries; attempt += 1) {
    if (attempt > 1) {
      await backOff(
        session,
        attempt,
        `${request.branch} moved on "${session.remote}" meanwhile; fetching it and re-applying the baseline`
      );
      parent = await fetchTip(session, request.branch);
    }
    const built = await build(parent);
    if (!built.changed) {
      session.log.info(`${request.baselinePath} on ${request.branch} already holds this baseline; nothing to commit.`);
      return { strategy: "commit", action: "unchanged", branch: request.branch, commitSha: null, tries: attempt };
    }
    lastBuilt = built.sha;
    session.log.info(
      `Pushing baseline commit ${built.sha.slice(0, 12)} to ${request.branch} (try ${attempt} of ${session.maxTries}).`
    );
    await session.beforePush(attempt);
    const pushed = await push(session, [`${built.sha}:${target}`]);
    if (pushed.outcome === "pushed" || pushed.outcome === "unchanged") {
      session.log.info(`Baseline committed to ${request.branch} as ${built.sha}.`);
      return { strategy: "commit", action: "pushed", branch: request.branch, commitSha: built.sha, tries: attempt };
    }
    if (pushed.outcome !== "stale") throw pushError(pushed, request.branch, built.sha, request);
  }
  throw new ReproError(
    `Could not push the baseline to ${request.branch} after ${session.maxTries} tries: the branch moved on "${session.remote}" before each push. Nothing was lost: the checkout is unchanged, and commit ${lastBuilt} in the local repository holds the baseline.`,
    { hint: "Re-run the baseline update when the branch is quieter, or use baseline-update: pull-request." }
  );
}
async function proposeAsPull(session, deps, request, build, head) {
  const pullBranch = request.pr?.branch ?? `repro-check/baseline-${request.branch}`;
  const built = await build(head);
  if (!built.changed) {
    session.log.info(
      `${request.baselinePath} on ${request.branch} already holds this baseline; no pull request needed.`
    );
    return { strategy: "pull-request", action: "unchanged", branch: pullBranch, commitSha: null, tries: 0 };
  }
  const target = `refs/heads/${pullBranch}`;
  let tries = 0;
  for (let attempt = 1; ; attempt += 1) {
    tries = attempt;
    if (attempt > 1) await backOff(session, attempt, `${pullBranch} changed on "${session.remote}" while we pushed`);
    const seen = (await gitOk(session.git, ["ls-remote", session.remote, target], `read ${pullBranch} on "${session.remote}"`, {
      env: session.auth
    })).stdout.split("	")[0]?.trim() ?? "";
    session.log.info(
      `Pushing baseline commit ${built.sha.slice(0, 12)} to ${pullBranch} (try ${attempt} of ${session.maxTries}).`
    );
    await session.beforePush(attempt);
    const pushed = await push(session, [`--force-with-lease=${target}:${seen}`, `${built.sha}:${target}`]);
    if (pushed.outcome === "pushed" || pushed.outcome === "unchanged") break;
    if (pushed.outcome !== "stale") throw pushError(pushed, pullBranch, built.sha, request);
    if (attempt >= session.maxTries) {
      throw new ReproError(
        `Could not push the baseline branch ${pullBranch} after ${session.maxTries} tries: it changed on "${session.remote}" before each push. Nothing was lost: commit ${built.sha} holds the baseline locally.`
      );
    }
  }
  const client = deps.client ?? await defaultClient(request.token, deps.log);
  const pull = await openOrUpdateBaselinePull(client, {
    repo: request.event.repo,
    head: pullBranch,
    base: request.branch,
    title: request.pr?.title ?? `Update repro-check baseline ${request.baselinePath}`,
    body: request.pr?.body ?? request.message
  });
  session.log.info(`Baseline pull request #${pull.number} ${pull.action}: ${pull.url}`);
  let statusSetByUs = false;
  if (request.tokenIsWorkflowToken ?? true) {
    const status = await reportStatusOnBaselinePull(client, {
      repo: request.event.repo,
      sha: built.sha,
      checkName: request.checkName ?? DEFAULT_CHECK_NAME,
      targetUrl: request.event.runUrl
    });
    if (status.posted) {
      statusSetByUs = true;
      session.log.info(
        `Set the status repro-check/${request.checkName ?? DEFAULT_CHECK_NAME} on the PR's head: a PR opened with GITHUB_TOKEN starts no workflows, so no check would report on it. Pass baseline-token to have the PR checked by its workflows instead.`
      );
    } else {
      session.log.warning(status.warning);
    }
  }
  return {
    strategy: "pull-request",
    action: pull.action,
    branch: pullBranch,
    commitSha: built.sha,
    tries,
    pullNumber: pull.number,
    pullUrl: pull.url,
    statusSetByUs
  };
}
async function defaultClient(token, log) {
  const { createGithubClient } = await import("./client-W2GIGDJB.js");
  return createGithubClient({ token, log });
}
async function backOff(session, attempt, why) {
  const waitMs = Math.min(session.backoffMs * 2 ** (attempt - 2), LONGEST_BACKOFF_MS);
  session.log.info(`${why} (try ${attempt} of ${session.maxTries}, after ${waitMs} ms).`);
  await session.sleep(waitMs);
}
async function fetchTip(session, branch) {
  const shallow = (await gitOk(session.git, ["rev-parse", "--is-shallow-repository"], "inspect the checkout")).stdout.trim() === "true";
  await gitOk(
    session.git,
    ["fetch", "--no-tags", "--quiet", ...shallow ? ["--depth=1"] : [], session.remote, `refs/heads/${branch}`],
    `fetch ${branch} from "${session.remote}"`,
    { env: session.auth }
  );
  return (await gitOk(session.git, ["rev-parse", "--verify", "FETCH_HEAD^{commit}"], `read the fetched tip of ${branch}`)).stdout.trim();
}
async function push(session, refspecArgs) {
  const output = await session.git(["push", "--porcelain", session.remote, ...refspecArgs], { env: session.auth });
  return { outcome: classifyPush(output), output };
}
function pushError(pushed, branch, sha, request) {
  const remoteLines = pushed.output.stderr.split("\n").filter((line) => line.startsWith("remote:") || line.startsWith("error:") || line.startsWith("fatal:")).slice(0, 6).join("\n");
  const kept = `Nothing was lost: commit ${sha} in the local repository holds the baseline.`;
  if (pushed.outcome === "protected") {
    return new ReproError(
      `The push of the baseline to ${branch} was refused by its branch protection or a ruleset:
${remoteLines}
${kept}`,
      {
        hint: request.strategy === "commit" ? `Pass a token allowed to push to ${branch} as baseline-token (a GitHub App token or a PAT the protection lets through), or set baseline-update: pull-request to propose the baseline as a PR.` : `Pass a token allowed to push to ${branch} as baseline-token (a GitHub App token or a PAT), or exempt the repro-check/* branches from the ruleset.`
      }
    );
  }
  return new ReproError(
    `git push of the baseline to ${branch} failed (exit ${pushed.output.exitCode}):
${remoteLines || pushed.output.stderr.trim()}
${kept}`,
    {
      hint: "The token needs `contents: write` under the job's `permissions:` (or pass baseline-token)."
    }
  );
}
async function gitOk(git, args, what, options) {
  const output = await git(args, options);
  if (output.exitCode !== 0)
    throw new ReproError(
      `Could not ${what}: git exited with ${output.exitCode}: ${output.stderr.trim() || output.stdout.trim()}`
    );
  return output;
}
export {
  BOT_EMAIL,
  BOT_NAME,
  offDefaultBranchError,
  publishBaseline
};
