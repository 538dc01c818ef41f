// The GitHub Action's entry (dist/action.js, run by the runner on node24): a thin call into runAction.
import { runAction } from './action/main.ts';

await runAction();
