// The GitHub Action's entry (dist/action.js, run by the runner on node24): a thin call into runAction.
// It exports run() for tools that import the action and call it (@github/local-action), and runs
// it itself only when executed as the program (the runner's `node dist/action.js`).
import * as core from '@actions/core';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAction } from './action/main.ts';
import { describeError } from './errors.ts';

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

// Last resort: whatever escapes runAction fails the step with one line; the stack goes to the debug log.
const lastResort = (error: unknown) => {
  if (error instanceof Error && error.stack) core.debug(error.stack);
  core.setFailed(describeError(error, { stackHint: 'Debug logging (ACTIONS_STEP_DEBUG)' }));
  process.exit(1);
};

if (isExecutedDirectly()) {
  process.on('uncaughtException', lastResort);
  process.on('unhandledRejection', lastResort);
  await run().catch(lastResort);
}
