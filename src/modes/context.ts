import type { Logger } from '../log.ts';
import type { TrainingOutput } from '../proc/workflow-commands.ts';

export type { TrainingOutput };

/** What a mode function gets from its entry (action or CLI): the outside world, passed in. */
export interface ModeContext {
  /** The directory the user invoked from (the action: GITHUB_WORKSPACE). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /**
   * Where training output lines go. The action wraps them so that they cannot issue workflow
   * commands: `begin()` opens that wrapping before each training is spawned, `end()` closes it
   * after the training and its leftovers are done, before our own log resumes.
   */
  trainingOutput: TrainingOutput;
  /**
   * The pull request being checked, when there is one (on `pull_request` the checkout is a merge
   * commit); `headRef` is the PR's head branch name (GITHUB_HEAD_REF), recorded as the run's ref.
   */
  pullRequest: { headSha: string; baseSha: string; number: number; headRef?: string | null } | null;
  /** `kill-escaped` when the settings leave it out: true under the action, false in the CLI. */
  killEscapedByDefault?: boolean;
  /** Cancels the training (the job was cancelled). */
  signal?: AbortSignal;
  now: () => Date;
}
