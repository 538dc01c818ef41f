import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.ts';

/**
 * A real git repository in a temp folder holding a small, really training, deterministic
 * program: logistic regression by SGD on a fixed toy problem, seeded by REPRO_SEED, writing
 * JSONL to $REPRO_OUT_DIR. The learning rate sits in the script so a test can change and commit it.
 */
export const TRAIN_SCRIPT = (
  learningRate: number,
  steps = 40,
) => `// Logistic regression by SGD on a seeded toy problem.
import { writeFileSync, appendFileSync } from 'node:fs';
const LEARNING_RATE = ${learningRate};
const STEPS = ${steps};
let state = Number(process.env.REPRO_SEED ?? 1) >>> 0;
const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const points = Array.from({ length: 64 }, () => { const x = [random() * 2 - 1, random() * 2 - 1]; return { x, y: x[0] + 0.5 * x[1] > 0 ? 1 : 0 }; });
let w = [0, 0], b = 0;
const out = process.env.REPRO_OUT_DIR + '/metrics.jsonl';
writeFileSync(out, '');
for (let step = 1; step <= STEPS; step++) {
  let loss = 0; const grad = [0, 0]; let gradB = 0;
  for (const { x, y } of points) {
    const p = 1 / (1 + Math.exp(-(w[0] * x[0] + w[1] * x[1] + b)));
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
    grad[0] += (p - y) * x[0]; grad[1] += (p - y) * x[1]; gradB += p - y;
  }
  w = [w[0] - LEARNING_RATE * grad[0] / points.length, w[1] - LEARNING_RATE * grad[1] / points.length];
  b -= LEARNING_RATE * gradB / points.length;
  appendFileSync(out, JSON.stringify({ step, train: { loss: loss / points.length }, timestamp: Date.now() }) + '\\n');
}
const accuracy = points.filter(({ x, y }) => (w[0] * x[0] + w[1] * x[1] + b > 0 ? 1 : 0) === y).length / points.length;
appendFileSync(out, JSON.stringify({ accuracy }) + '\\n');
console.log('trained', STEPS, 'steps');
`;

export const REPRO_YML = `command: node train.mjs
metrics: "{out}/metrics.jsonl"
seed: 7
timeout-minutes: 1
`;

export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
}

export interface Project {
  dir: string;
  cli(args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }>;
  write(file: string, text: string): Promise<void>;
  commit(message: string): void;
  cleanup(): Promise<void>;
}

export async function createProject(
  files: Record<string, string> = { 'train.mjs': TRAIN_SCRIPT(0.5), 'repro.yml': REPRO_YML },
): Promise<Project> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-project-'));
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'repro-runner-temp-'));
  git(dir, 'init', '-q', '-b', 'main');
  const project: Project = {
    dir,
    async cli(args, env = {}) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(args, {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: runnerTemp, ...env },
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
      });
      return { code, stdout, stderr };
    },
    async write(file, text) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    },
    commit(message) {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', message);
    },
    async cleanup() {
      await rm(dir, { recursive: true, force: true });
      await rm(runnerTemp, { recursive: true, force: true });
    },
  };
  for (const [file, text] of Object.entries(files)) await project.write(file, text);
  project.commit('initial');
  return project;
}
