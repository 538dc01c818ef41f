import type { Logger } from '../log.ts';

/** What a mode function gets from its entry (action or CLI): the outside world, passed in. */
export interface ModeContext {
  /** The directory the user invoked from (the action: GITHUB_WORKSPACE). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Where training output lines go (the action wraps them so they cannot issue workflow commands). */
  writeTrainingOutput: (line: string) => void;
  /** The pull request being checked, when there is one (on `pull_request` the checkout is a merge commit). */
  pullRequest: { headSha: string; baseSha: string; number: number } | null;
  /** Cancels the training (the job was cancelled). */
  signal?: AbortSignal;
  now: () => Date;
}
