/**
 * In-memory GitHub for the fake server: just the resources repro-check reads and writes, with
 * the numbering, authorship and ordering GitHub gives them. Tests seed it (pull requests,
 * labels, permissions, files) and read it back to assert what landed.
 */
import { createHash } from 'node:crypto';

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
}

export interface FakeStatus {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: FakeUser;
  createdAt: string;
}

export interface FakeAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
  [more: string]: unknown;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: FakeAnnotation[];
  startedAt: string;
  completedAt: string | null;
}

export interface FakePull {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  /** Branch name and sha of the head; `headRepo` is `owner/repo` (a fork when it differs). */
  head: { ref: string; sha: string; repo: string };
  base: { ref: string; sha: string };
  user: FakeUser;
  draft: boolean;
  maintainerCanModify: boolean;
  merged: boolean;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  user: FakeUser;
}

export interface FakeIssueEvent {
  id: number;
  issueNumber: number;
  event: 'labeled' | 'unlabeled';
  label: string;
  actor: FakeUser;
  createdAt: string;
}

export interface FakeFile {
  /** The file's bytes as text (tests deal in text files: baselines are JSON). */
  content: string;
  /** Git blob sha of the content, as the contents API reports and expects back. */
  sha: string;
}

/** One repository's state. Branch heads are commit shas; each branch has its own file tree. */
export interface FakeRepo {
  owner: string;
  name: string;
  defaultBranch: string;
  comments: FakeComment[];
  statuses: FakeStatus[];
  checkRuns: FakeCheckRun[];
  pulls: FakePull[];
  issues: FakeIssue[];
  issueEvents: FakeIssueEvent[];
  /** Login -> permission as `GET /collaborators/{username}/permission` reports it. */
  permissions: Map<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'>;
  /** Full ref name (`refs/heads/main`) -> commit sha. */
  refs: Map<string, string>;
  /** Commit sha -> (path -> file). A commit's tree is the whole file map at that commit. */
  trees: Map<string, Map<string, FakeFile>>;
  /** Commit sha -> its parent, for fast-forward checks on ref updates. */
  parents: Map<string, string>;
  /** Commits made through the contents API, oldest first. */
  commits: Array<{ sha: string; branch: string; message: string; path: string; author: string }>;
  /** Workflow runs (`GET /actions/workflows/{workflow_id}/runs`), by workflow file name. */
  workflowRuns: FakeWorkflowRun[];
}

export interface FakeWorkflowRun {
  id: number;
  /** The workflow's file name (`nightly.yml`), as `workflow_id` may name it. */
  workflow: string;
  event: string;
  status: 'completed' | 'in_progress' | 'queued';
  conclusion: 'success' | 'failure' | null;
  createdAt: string;
}

let idCounter = 1000;
function nextId(): number {
  idCounter += 1;
  return idCounter;
}

export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export function fakeUser(login: string): FakeUser {
  return {
    login,
    id: Number.parseInt(createHash('sha1').update(login).digest('hex').slice(0, 7), 16),
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
  };
}

export class FakeGithubState {
  private readonly repos = new Map<string, FakeRepo>();
  private issueNumberCounter = new Map<string, number>();

  /** The repository OWNER/NAME, created empty (default branch `main`, one empty commit) on first use. */
  repo(owner: string, name: string): FakeRepo {
    const key = `${owner}/${name}`.toLowerCase();
    let repo = this.repos.get(key);
    if (!repo) {
      const rootSha = createHash('sha1').update(`root ${key}`).digest('hex');
      repo = {
        owner,
        name,
        defaultBranch: 'main',
        comments: [],
        statuses: [],
        checkRuns: [],
        pulls: [],
        issues: [],
        issueEvents: [],
        permissions: new Map(),
        refs: new Map([['refs/heads/main', rootSha]]),
        trees: new Map([[rootSha, new Map()]]),
        parents: new Map(),
        commits: [],
        workflowRuns: [],
      };
      this.repos.set(key, repo);
    }
    return repo;
  }

  /** Pull requests and issues share one number sequence per repository, as on GitHub. */
  nextIssueNumber(repo: FakeRepo, atLeast = 1): number {
    const key = `${repo.owner}/${repo.name}`.toLowerCase();
    const next = Math.max((this.issueNumberCounter.get(key) ?? 0) + 1, atLeast);
    this.issueNumberCounter.set(key, next);
    return next;
  }

  /** Seed a pull request (e.g. the one a webhook payload describes). Returns it. */
  addPull(owner: string, name: string, pull: Partial<FakePull> & { number?: number }): FakePull {
    const repo = this.repo(owner, name);
    const number = pull.number ?? this.nextIssueNumber(repo);
    if (pull.number !== undefined) this.nextIssueNumber(repo, pull.number);
    const created: FakePull = {
      number,
      title: pull.title ?? `PR ${number}`,
      body: pull.body ?? null,
      state: pull.state ?? 'open',
      head: pull.head ?? {
        ref: `feature-${number}`,
        sha: createHash('sha1').update(`head ${number}`).digest('hex'),
        repo: `${owner}/${name}`,
      },
      base: pull.base ?? { ref: repo.defaultBranch, sha: repo.refs.get(`refs/heads/${repo.defaultBranch}`) ?? '' },
      user: pull.user ?? fakeUser('octocat'),
      draft: pull.draft ?? false,
      maintainerCanModify: pull.maintainerCanModify ?? false,
      merged: pull.merged ?? false,
    };
    repo.pulls.push(created);
    return created;
  }

  /** Seed a comment on issue/PR NUMBER written by LOGIN (another user, another bot, or ours from an earlier run). */
  addComment(owner: string, name: string, number: number, body: string, login: string): FakeComment {
    const at = new Date().toISOString();
    const comment: FakeComment = {
      id: nextId(),
      issueNumber: number,
      body,
      user: fakeUser(login),
      createdAt: at,
      updatedAt: at,
    };
    this.repo(owner, name).comments.push(comment);
    return comment;
  }

  /** Put LABEL on issue/PR NUMBER as ACTOR did, with the `labeled` event GitHub records. */
  addLabel(owner: string, name: string, number: number, label: string, actor: string, at = new Date()): void {
    const repo = this.repo(owner, name);
    const issue = this.issueFor(repo, number);
    if (!issue.labels.includes(label)) issue.labels.push(label);
    repo.issueEvents.push({
      id: nextId(),
      issueNumber: number,
      event: 'labeled',
      label,
      actor: fakeUser(actor),
      createdAt: at.toISOString(),
    });
  }

  removeLabel(repo: FakeRepo, number: number, label: string, actor: string): boolean {
    const issue = this.issueFor(repo, number);
    const at = issue.labels.indexOf(label);
    if (at < 0) return false;
    issue.labels.splice(at, 1);
    repo.issueEvents.push({
      id: nextId(),
      issueNumber: number,
      event: 'unlabeled',
      label,
      actor: fakeUser(actor),
      createdAt: new Date().toISOString(),
    });
    return true;
  }

  /**
   * The issue record behind NUMBER: a real issue, or the issue side of a pull request (labels
   * live there on GitHub too), created on first use.
   */
  issueFor(repo: FakeRepo, number: number): FakeIssue {
    let issue = repo.issues.find((i) => i.number === number);
    if (!issue) {
      const pull = repo.pulls.find((p) => p.number === number);
      issue = {
        number,
        title: pull?.title ?? `#${number}`,
        body: pull?.body ?? null,
        state: pull?.state ?? 'open',
        labels: [],
        user: pull?.user ?? fakeUser('octocat'),
      };
      repo.issues.push(issue);
    }
    return issue;
  }

  /** Commit FILES (path -> text) on top of BRANCH, creating the branch from the default one if missing. Returns the new sha. */
  commitFiles(
    owner: string,
    name: string,
    branch: string,
    files: Record<string, string>,
    message = 'seed',
    author = 'octocat',
  ): string {
    const repo = this.repo(owner, name);
    const parentSha = repo.refs.get(`refs/heads/${branch}`) ?? repo.refs.get(`refs/heads/${repo.defaultBranch}`)!;
    const tree = new Map(repo.trees.get(parentSha) ?? []);
    for (const [filePath, content] of Object.entries(files)) tree.set(filePath, { content, sha: gitBlobSha(content) });
    const sha = createHash('sha1').update(`${parentSha} ${message} ${nextId()}`).digest('hex');
    repo.trees.set(sha, tree);
    repo.parents.set(sha, parentSha);
    repo.refs.set(`refs/heads/${branch}`, sha);
    for (const filePath of Object.keys(files)) repo.commits.push({ sha, branch, message, path: filePath, author });
    return sha;
  }

  static newId(): number {
    return nextId();
  }
}
