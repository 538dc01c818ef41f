import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  offDefaultBranchError,
  pushFailure
} from "./chunk-6IX3SAAU.js";
import {
  gitIn,
  gitOrThrow
} from "./chunk-O4DAKSRG.js";
import "./chunk-JSQIMT2O.js";
import "./chunk-U24SNM4K.js";
import "./chunk-KUD2POCN.js";
import {
  toPosixPath
} from "./chunk-L43LQIL3.js";
import {
  postCommitStatus,
  statusContext
} from "./chunk-HVC52ATB.js";
import "./chunk-4NT54M3U.js";
import {
  DEFAULT_CHECK_NAME
} from "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
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
import path2 from "node:path";

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
async function proposeBaselinePull(client, log, request) {
  const pull = await openOrUpdateBaselinePull(client, request);
  log.info(`Baseline pull request #${pull.number} ${pull.action}: ${pull.url}`);
  if (request.statusCheckName === null) return { pull, statusSetByUs: false };
  const status = await reportStatusOnBaselinePull(client, {
    repo: request.repo,
    sha: request.sha,
    checkName: request.statusCheckName,
    targetUrl: request.runUrl
  });
  if (!status.posted) {
    log.warning(status.warning);
    return { pull, statusSetByUs: false };
  }
  log.info(
    `Set the status repro-check/${request.statusCheckName} on the PR's head: a PR opened with GITHUB_TOKEN starts no workflows, so no check would report on it. Pass baseline-token to have the PR checked by its workflows instead.`
  );
  return { pull, statusSetByUs: true };
}

// src/git/commit-file.ts
init_define_REPRO_CHART_LIBRARY();
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
async function commitFileOnto(git, commit) {
  const indexDir = await mkdtemp(path.join(os.tmpdir(), "repro-check-index-"));
  try {
    const env = { GIT_INDEX_FILE: path.join(indexDir, "index") };
    const blob = (await gitOrThrow(git, ["hash-object", "-w", "--stdin"], `store ${commit.path} in git`, { input: commit.content })).stdout.trim();
    await gitOrThrow(git, ["read-tree", commit.parent], `read the tree of ${commit.parent}`, { env });
    await gitOrThrow(
      git,
      ["update-index", "--add", "--cacheinfo", `100644,${blob},${commit.path}`],
      `stage ${commit.path}`,
      { env }
    );
    const tree = (await gitOrThrow(git, ["write-tree"], `write the tree with ${commit.path}`, { env })).stdout.trim();
    const parentTree = (await gitOrThrow(git, ["rev-parse", `${commit.parent}^{tree}`], `read the tree of ${commit.parent}`)).stdout.trim();
    if (tree === parentTree) return { sha: commit.parent, changed: false };
    const { name, email } = commit.identity;
    const identity = {
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: email
    };
    const sha = (await gitOrThrow(git, ["commit-tree", tree, "-p", commit.parent, "-F", "-"], `commit ${commit.path}`, {
      input: commit.message,
      env: identity
    })).stdout.trim();
    return { sha, changed: true };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

// src/git/push.ts
init_define_REPRO_CHART_LIBRARY();
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
var LONGEST_BACKOFF_MS = 3e4;
async function pushWithRetry(remote, options) {
  const target = `refs/heads/${options.branch}`;
  const maxTries = Math.max(1, options.maxTries);
  let sha = "";
  for (let attempt = 1; attempt <= maxTries; attempt += 1) {
    if (attempt > 1) {
      const waitMs = Math.min(options.backoffMs * 2 ** (attempt - 2), LONGEST_BACKOFF_MS);
      options.log.info(`${options.retryReason} (try ${attempt} of ${maxTries}, after ${waitMs} ms).`);
      await options.sleep(waitMs);
    }
    const next = await options.prepare(attempt);
    if (next === null) return { status: "nothing", tries: attempt };
    sha = next.sha;
    options.log.info(
      `Pushing ${options.label} ${sha.slice(0, 12)} to ${options.branch} (try ${attempt} of ${maxTries}).`
    );
    await options.beforePush?.(attempt);
    const lease = next.lease === void 0 ? [] : [`--force-with-lease=${target}:${next.lease}`];
    const output = await remote.git(["push", "--porcelain", remote.name, ...lease, `${sha}:${target}`], {
      env: remote.auth
    });
    const outcome = classifyPush(output);
    if (outcome === "pushed" || outcome === "unchanged") return { status: "pushed", sha, tries: attempt };
    if (outcome !== "stale") return { status: "refused", outcome, output, sha, tries: attempt };
  }
  return { status: "gave-up", sha, tries: maxTries };
}

// src/git/remote.ts
init_define_REPRO_CHART_LIBRARY();

// src/git/remote-auth.ts
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

// src/git/remote.ts
async function openRemote(git, name, token) {
  const redacted = redactingGit(git, secretFormsOf(token));
  const url = (await gitOrThrow(redacted, ["config", "--get", `remote.${name}.url`], `read the URL of the remote "${name}"`)).stdout.trim();
  return { git: redacted, name, auth: authConfigEnv(url, token) };
}
async function remoteDefaultBranch(remote) {
  const output = await gitOrThrow(
    remote.git,
    ["ls-remote", "--symref", remote.name, "HEAD"],
    `ask "${remote.name}" for its default branch`,
    { env: remote.auth }
  );
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(output.stdout);
  if (!match?.[1])
    throw new ReproError(
      `Could not tell the default branch of "${remote.name}"; set the input allow-baseline-from-any-branch: true to publish from "${remote.name}" anyway.`
    );
  return match[1];
}
async function remoteBranchSha(remote, branch) {
  const output = await gitOrThrow(
    remote.git,
    ["ls-remote", remote.name, `refs/heads/${branch}`],
    `read ${branch} on "${remote.name}"`,
    { env: remote.auth }
  );
  return output.stdout.split("	")[0]?.trim() ?? "";
}
async function fetchBranchTip(remote, branch) {
  const shallow = (await gitOrThrow(remote.git, ["rev-parse", "--is-shallow-repository"], "inspect the checkout")).stdout.trim() === "true";
  await gitOrThrow(
    remote.git,
    ["fetch", "--no-tags", "--quiet", ...shallow ? ["--depth=1"] : [], remote.name, `refs/heads/${branch}`],
    `fetch ${branch} from "${remote.name}"`,
    { env: remote.auth }
  );
  return (await gitOrThrow(remote.git, ["rev-parse", "--verify", "FETCH_HEAD^{commit}"], `read the fetched tip of ${branch}`)).stdout.trim();
}

// src/github/baseline-update.ts
var BOT_NAME = "github-actions[bot]";
var BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com";
var DEFAULT_MAX_TRIES = 5;
var DEFAULT_BACKOFF_MS = 1e3;
async function publishBaseline(deps, request) {
  const baselinePath = checkedRepoPath(request.baselinePath);
  for (const secret of secretFormsOf(request.token)) deps.mask?.(secret);
  const remote = await openRemote(deps.git ?? gitIn(request.repoDir), request.remote ?? "origin", request.token);
  if (!request.allowAnyBranch) {
    const defaultBranch = request.defaultBranch ?? await remoteDefaultBranch(remote);
    if (request.branch !== defaultBranch) throw offDefaultBranchError(request.branch, defaultBranch);
  }
  const session = {
    remote,
    request,
    log: deps.log,
    pushing: {
      maxTries: Math.max(1, request.maxTries ?? DEFAULT_MAX_TRIES),
      backoffMs: request.backoffMs ?? DEFAULT_BACKOFF_MS,
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      ...deps.beforePush ? { beforePush: deps.beforePush } : {}
    },
    build: (parent) => commitFileOnto(remote.git, {
      parent,
      path: baselinePath,
      content: request.content,
      message: request.message,
      identity: { name: BOT_NAME, email: BOT_EMAIL }
    })
  };
  const head = (await gitOrThrow(remote.git, ["rev-parse", "--verify", "HEAD^{commit}"], "read HEAD")).stdout.trim();
  return request.strategy === "commit" ? commitToBranch(session, head) : proposeAsPull(session, deps, head);
}
function checkedRepoPath(baselinePath) {
  const normal = path2.posix.normalize(toPosixPath(baselinePath));
  if (path2.posix.isAbsolute(normal) || normal === "." || normal.startsWith("../") || normal === "..") {
    throw new ReproError(`baseline path "${baselinePath}" must be a file inside the repository, relative to its root`);
  }
  return normal;
}
async function commitToBranch(session, head) {
  const { request, remote, log } = session;
  const pushed = await pushWithRetry(remote, {
    ...session.pushing,
    branch: request.branch,
    label: "baseline commit",
    log,
    retryReason: `${request.branch} moved on "${remote.name}" meanwhile; fetching it and re-applying the baseline`,
    prepare: async (attempt) => {
      const built = await session.build(attempt === 1 ? head : await fetchBranchTip(remote, request.branch));
      if (built.changed) return { sha: built.sha };
      log.info(`${request.baselinePath} on ${request.branch} already holds this baseline; nothing to commit.`);
      return null;
    }
  });
  if (pushed.status === "nothing")
    return { strategy: "commit", action: "unchanged", branch: request.branch, commitSha: null, tries: pushed.tries };
  if (pushed.status === "gave-up" || pushed.status === "refused")
    throw pushFailure(pushed, request.branch, remote.name, request.strategy);
  log.info(`Baseline committed to ${request.branch} as ${pushed.sha}.`);
  return { strategy: "commit", action: "pushed", branch: request.branch, commitSha: pushed.sha, tries: pushed.tries };
}
async function proposeAsPull(session, deps, head) {
  const { request, remote, log } = session;
  const pullBranch = request.pr?.branch ?? `repro-check/baseline-${request.branch}`;
  const built = await session.build(head);
  if (!built.changed) {
    log.info(`${request.baselinePath} on ${request.branch} already holds this baseline; no pull request needed.`);
    return { strategy: "pull-request", action: "unchanged", branch: pullBranch, commitSha: null, tries: 0 };
  }
  const pushed = await pushWithRetry(remote, {
    ...session.pushing,
    branch: pullBranch,
    label: "baseline commit",
    log,
    retryReason: `${pullBranch} changed on "${remote.name}" while we pushed`,
    // The lease: overwrite the branch only if it is still where we saw it (absent, or our previous proposal).
    prepare: async () => ({ sha: built.sha, lease: await remoteBranchSha(remote, pullBranch) })
  });
  if (pushed.status === "gave-up" || pushed.status === "refused")
    throw pushFailure(pushed, pullBranch, remote.name, request.strategy);
  const client = deps.client ?? await defaultClient(request.token, log);
  const { pull, statusSetByUs } = await proposeBaselinePull(client, log, {
    repo: request.event.repo,
    head: pullBranch,
    base: request.branch,
    title: request.pr?.title ?? `Update repro-check baseline ${request.baselinePath}`,
    body: request.pr?.body ?? request.message,
    sha: built.sha,
    // The workflow token's PRs start no workflows: the required status is set on the PR here.
    statusCheckName: request.tokenIsWorkflowToken ?? true ? request.checkName ?? DEFAULT_CHECK_NAME : null,
    runUrl: request.event.runUrl
  });
  return {
    strategy: "pull-request",
    action: pull.action,
    branch: pullBranch,
    commitSha: built.sha,
    tries: pushed.tries,
    pullNumber: pull.number,
    pullUrl: pull.url,
    statusSetByUs
  };
}
async function defaultClient(token, log) {
  const { createGithubClient } = await import("./client-W2GIGDJB.js");
  return createGithubClient({ token, log });
}
export {
  BOT_EMAIL,
  BOT_NAME,
  publishBaseline
};
