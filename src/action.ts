// The GitHub Action's entry (dist/action.js, run by the runner on node24): a thin call into runAction.
// It exports run() for tools that import the action and call it (@github/local-action), and runs
// it itself only when executed as the program (the runner's `node dist/action.js`).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAction } from './action/main.ts';

/** Runs the action with the process's environment; failures end in core.setFailed, never a throw. */
export async function run(): Promise<void> {
  await runAction();
}

function isExecutedDirectly(): boolean {
  const program = process.argv[1];
  if (!program) return false;
  try {
    return realpathSync(program) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isExecutedDirectly()) await run();
