/**
 * Running the committed action bundle (`dist/action.js`) the way the GitHub runner does: a child
 * `node` process with its cwd in the workspace, inputs as `INPUT_<NAME>` variables, the event
 * payload in a file named by GITHUB_EVENT_PATH, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files
 * read back after it exits. The workspace is a real git repository holding a tiny, really
 * training Node.js program (test/modes/project-fixture.ts) and a baseline made by the bundled CLI.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseDocument } from 'yaml';
import { GIT_ENV } from '../github/baseline-update-fixture.ts';
import { REPRO_YML, TRAIN_SCRIPT } from '../modes/project-fixture.ts';
import { webhookExample } from '../github/webhook-payloads.ts';
import type { FakeResultsService } from '../support/fake-results-service.ts';

const execFileAsync = promisify(execFile);

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ACTION_BUNDLE = path.join(PACKAGE_ROOT, 'dist/action.js');
const CLI_BUNDLE = path.join(PACKAGE_ROOT, 'dist/cli.js');

export const OWNER = 'octo';
export const REPO = 'models';
export const WORKFLOW_TOKEN = 'ghs_e2eWorkflowToken0123456789';
/** Steps of the toy training: enough for a curve, few enough to keep each run quick. */
export const TRAINING_STEPS = 30;
export const BASE_LEARNING_RATE = 0.5;

/** The training script at LEARNING_RATE, as committed in the workspace. */
export function trainScript(learningRate: number): string {
  return TRAIN_SCRIPT(learningRate, TRAINING_STEPS);
}

/** Git with the tests' isolated configuration (no user or system config) in CWD; returns trimmed stdout. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
  });
  return stdout.trim();
}

export interface Workspace {
  /** The repository root (GITHUB_WORKSPACE). */
  dir: string;
  write(file: string, text: string): Promise<void>;
  /** Stages everything and commits; returns the new commit's sha. */
  commit(message: string): Promise<string>;
}

/** A temp folder that removes itself, holding a workspace and the runner's folders. */
export interface Sandbox {
  root: string;
  /** A fresh folder below the root. */
  folder(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function createSandbox(): Promise<Sandbox> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'repro-e2e-'));
  return {
    root,
    async folder(name) {
      const dir = path.join(root, name);
      await mkdir(dir, { recursive: true });
      return dir;
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
}

export function workspaceAt(dir: string): Workspace {
  return {
    dir,
    async write(file, text) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    },
    async commit(message) {
      await git(dir, 'add', '-A');
      await git(dir, 'commit', '-q', '-m', message);
      return git(dir, 'rev-parse', 'HEAD');
    },
  };
}

/** Runs the bundled CLI in CWD (as a user does before the first PR); throws with its output when it fails. */
export async function cli(cwd: string, args: string[], runnerTemp: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(process.execPath, [CLI_BUNDLE, ...args], {
      cwd,
      env: { ...GIT_ENV, RUNNER_TEMP: runnerTemp },
      encoding: 'utf8',
    });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `repro-check ${args.join(' ')} failed: ${failed.message}\n${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    );
  }
}

/**
 * A repository on `main` with the training script, repro.yml and a baseline made by
 * `repro-check baseline update` and committed. Returns the workspace and the baseline commit.
 */
export async function createTrainingRepo(sandbox: Sandbox): Promise<{ workspace: Workspace; baseSha: string }> {
  const workspace = workspaceAt(await sandbox.folder('workspace'));
  await git(workspace.dir, 'init', '-q', '-b', 'main');
  await workspace.write('train.mjs', trainScript(BASE_LEARNING_RATE));
  await workspace.write('repro.yml', REPRO_YML);
  await workspace.commit('Add the training');
  await cli(
    workspace.dir,
    ['baseline', 'update', '--config', 'repro.yml'],
    await sandbox.folder('baseline-runner-temp'),
  );
  return { workspace, baseSha: await workspace.commit('Add repro-check baseline') };
}

export interface PullRequestCheckout {
  number: number;
  baseSha: string;
  headSha: string;
  /** What `refs/pull/N/merge` points at and actions/checkout leaves checked out (detached). */
  mergeSha: string;
  headRef: string;
}

/**
 * On top of BASESHA, a branch whose head commit writes FILES; then the merge commit GitHub makes
 * for `refs/pull/N/merge` (base first, head second, never fast-forward), checked out detached.
 */
export async function checkOutPullRequest(
  workspace: Workspace,
  baseSha: string,
  files: Record<string, string>,
  number = 7,
): Promise<PullRequestCheckout> {
  const headRef = `feature-${number}`;
  await git(workspace.dir, 'checkout', '-q', '-b', headRef, baseSha);
  for (const [file, text] of Object.entries(files)) await workspace.write(file, text);
  const headSha = await workspace.commit(`Change ${Object.keys(files).join(', ')}`);
  await git(workspace.dir, 'checkout', '-q', '--detach', baseSha);
  await git(workspace.dir, 'merge', '-q', '--no-ff', '-m', `Merge ${headSha} into ${baseSha}`, headSha);
  const mergeSha = await git(workspace.dir, 'rev-parse', 'HEAD');
  return { number, baseSha, headSha, mergeSha, headRef };
}

/**
 * A real `pull_request.opened` payload from @octokit/webhooks-examples, pointed at our repository
 * and commits. HEADREPO (`owner/name`) differs from ours for a fork PR.
 */
export function pullRequestPayload(pr: PullRequestCheckout, headRepo = `${OWNER}/${REPO}`): Record<string, any> {
  const payload = webhookExample('pull_request', 'opened');
  pointAtRepository(payload);
  const pull = payload['pull_request'];
  payload['number'] = pr.number;
  pull.number = pr.number;
  pull.head.sha = pr.headSha;
  pull.head.ref = pr.headRef;
  pull.head.label = `${headRepo.split('/')[0]}:${pr.headRef}`;
  pull.head.repo.full_name = headRepo;
  pull.head.repo.name = headRepo.split('/')[1];
  pull.head.repo.owner.login = headRepo.split('/')[0];
  pull.head.repo.fork = headRepo !== `${OWNER}/${REPO}`;
  pull.base.sha = pr.baseSha;
  pull.base.ref = 'main';
  pull.base.repo.full_name = `${OWNER}/${REPO}`;
  pull.base.repo.name = REPO;
  pull.base.repo.owner.login = OWNER;
  pull.base.repo.default_branch = 'main';
  return payload;
}

/** A real payload of EVENTNAME (first example), pointed at our repository, default branch `main`. */
export function eventPayload(eventName: string): Record<string, any> {
  const payload = webhookExample(eventName);
  pointAtRepository(payload);
  return payload;
}

function pointAtRepository(payload: Record<string, any>): void {
  const repository = payload['repository'];
  repository.full_name = `${OWNER}/${REPO}`;
  repository.name = REPO;
  repository.owner.login = OWNER;
  repository.default_branch = 'main';
}

export interface ActionRunOptions {
  workspace: string;
  /** The fake GitHub's URL (GITHUB_API_URL). */
  apiUrl: string;
  eventName: string;
  payload: Record<string, unknown>;
  /** GITHUB_SHA: the merge commit on pull_request, the pushed commit on push. */
  sha: string;
  ref: string;
  /** Inputs by their action.yml names (`fail-on-drift`), as the workflow's `with:` gives them. */
  inputs?: Record<string, string>;
  /** GITHUB_RUN_ATTEMPT: a re-run of the same run gets 2, 3, … (and its own run link). Default 1. */
  runAttempt?: number;
  /** GITHUB_RUN_ID: each workflow run (a new push, another workflow) has its own. Default 4242. */
  runId?: string;
  /** GITHUB_JOB, and the job whose artifact credentials it gets from `results`. Default `repro`. */
  job?: string;
  /** The runner's artifact backend (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN); none when absent, as in a `run:` step. */
  results?: FakeResultsService;
  /**
   * The action's stdout an anonymous pipe, as the runner gives it, instead of Node's socket pair:
   * only a pipe can be opened again through /proc/<pid>/fd/1, as a training may try.
   */
  stdoutPipe?: boolean;
  /** Leave GITHUB_STEP_SUMMARY unset, as a local runner such as @github/local-action does. */
  noStepSummary?: boolean;
  /**
   * How the bundle is started: `execute` as the runner does (`node dist/action.js`), `import-and-run`
   * as @github/local-action does (import it, call its exported run()), `import-only` (import, nothing else).
   */
  start?: 'execute' | 'import-and-run' | 'import-only';
}

export interface ActionRun {
  /** The process's exit code: 1 when the step failed (core.setFailed). */
  code: number;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>;
  /** GITHUB_STEP_SUMMARY's text. */
  summary: string;
}

export interface ActionManifest {
  /** The raw text of action.yml, for checks of the YAML itself. */
  text: string;
  runs: { using: string; main: string };
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

/** action.yml, read once: the runner passes every declared input ('' when the workflow leaves it out). */
export const ACTION_MANIFEST: ActionManifest = await readManifest();

async function readManifest(): Promise<ActionManifest> {
  const text = await readFile(path.join(PACKAGE_ROOT, 'action.yml'), 'utf8');
  // Strict parse: the runner refuses an action.yml that is not valid YAML.
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0)
    throw new Error(`action.yml is not valid YAML:\n${document.errors.map((e) => e.message).join('\n')}`);
  return { text, ...(document.toJS() as Omit<ActionManifest, 'text'>) };
}

/** Runs `node dist/action.js` as the runner does, in a fresh runner folder below SANDBOX. */
export async function runAction(sandbox: Sandbox, options: ActionRunOptions): Promise<ActionRun> {
  const runner = await mkdtemp(path.join(sandbox.root, 'runner-'));
  const eventPath = path.join(runner, 'event.json');
  const outputPath = path.join(runner, 'github_output');
  const summaryPath = path.join(runner, 'step_summary');
  const runnerTemp = path.join(runner, 'temp');
  await mkdir(runnerTemp);
  await writeFile(eventPath, JSON.stringify(options.payload));
  // The runner creates both files empty before the step starts.
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');

  const inputs: Record<string, string> = { 'github-token': WORKFLOW_TOKEN, ...options.inputs };
  const env: NodeJS.ProcessEnv = {
    ...GIT_ENV,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    ...headRefOf(options.payload),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: options.runId ?? '4242',
    GITHUB_RUN_ATTEMPT: String(options.runAttempt ?? 1),
    GITHUB_JOB: options.job ?? 'repro',
    GITHUB_WORKFLOW: 'repro-check',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputPath,
    ...(options.noStepSummary ? {} : { GITHUB_STEP_SUMMARY: summaryPath }),
    ...(options.results
      ? {
          ACTIONS_RESULTS_URL: options.results.url,
          ACTIONS_RUNTIME_TOKEN: options.job ? options.results.jobToken(options.job) : options.results.runtimeToken,
        }
      : {}),
  };
  for (const name of Object.keys(ACTION_MANIFEST.inputs)) env[inputVariable(name)] = inputs[name] ?? '';

  const bundleUrl = JSON.stringify(pathToFileURL(ACTION_BUNDLE).href);
  const start = options.start ?? 'execute';
  const args = options.stdoutPipe
    ? ['-e', PIPED_RUN, ACTION_BUNDLE]
    : start === 'execute'
      ? [ACTION_BUNDLE]
      : [
          '--input-type=module',
          '-e',
          start === 'import-only'
            ? `await import(${bundleUrl});`
            : `const { run } = await import(${bundleUrl}); await run();`,
        ];
  const { code, stdout, stderr } = await runNode(args, options.workspace, env);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8'),
  };
}

/** Node code that runs the bundle in argv[1] with its stdout a pipe (through `cat`) and exits with its code. */
const PIPED_RUN = `const { spawnSync } = require('node:child_process');
const run = spawnSync('bash', ['-c', '"$0" "$1" | cat; exit \${PIPESTATUS[0]}', process.execPath, process.argv[1]], { stdio: 'inherit' });
process.exit(run.status ?? 1);`;

/** The run's exit code and log, for assertion messages. */
export function describeRun(run: ActionRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

/** `INPUT_<NAME>` as the runner spells it: upper case, spaces to `_`, dashes kept. */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function runNode(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Asynchronous on purpose: the fake GitHub answers from this process's event loop.
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** GITHUB_OUTPUT's `name<<DELIMITER` … `DELIMITER` blocks (and plain `name=value` lines) as a map. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const end = lines.indexOf(delimiter, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${delimiter} for ${name}`);
      outputs[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/** The `::warning::` workflow commands in a step's log, with their messages unescaped. */
export function warningCommands(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('::warning'))
    .map((line) =>
      line
        .slice(line.indexOf('::', 2) + 2)
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%'),
    );
}

/** GITHUB_HEAD_REF, as the runner sets it on pull request events: the PR's head branch. */
function headRefOf(payload: Record<string, unknown>): { GITHUB_HEAD_REF?: string } {
  const ref = (payload['pull_request'] as { head?: { ref?: unknown } } | undefined)?.head?.ref;
  return typeof ref === 'string' ? { GITHUB_HEAD_REF: ref } : {};
}

/**
 * The workflow commands in a step's log that the runner would act on: those outside
 * `::stop-commands::TOKEN` … `::TOKEN::` stretches (the runner's rule: inside one, only the
 * line `::TOKEN::` means anything).
 */
export function commandsInEffect(stdout: string): string[] {
  const found: string[] = [];
  let stopToken: string | null = null;
  for (const line of stdout.split('\n')) {
    if (stopToken !== null) {
      if (line === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const command = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line);
    if (!command) continue;
    if (command[1] === 'stop-commands') stopToken = command[3]!;
    else found.push(line);
  }
  return found;
}
