// The GitHub Action's entry (dist/action.js, run by the runner on node24): a thin call into runAction.
import * as core from '@actions/core';
import { runAction } from './action/main.ts';
import { describeError } from './errors.ts';

// Last resort: whatever escapes runAction fails the step with one line; the stack goes to the debug log.
const lastResort = (error: unknown) => {
  if (error instanceof Error && error.stack) core.debug(error.stack);
  core.setFailed(describeError(error, { stackHint: 'Debug logging (ACTIONS_STEP_DEBUG)' }));
  process.exit(1);
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);

await runAction().catch(lastResort);
