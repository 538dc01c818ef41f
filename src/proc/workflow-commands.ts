import { randomBytes } from 'node:crypto';

/**
 * Streams training output so that it cannot issue workflow commands (`::set-output`,
 * `::add-mask`, `::error` …): under GitHub Actions the lines go between
 * `::stop-commands::<token>` and `::<token>::`, the runner's documented way to pause command
 * processing; the token is random so the training cannot guess it and resume early.
 */
export function protectWorkflowCommands(write: (text: string) => void, env: NodeJS.ProcessEnv): { line(text: string): void; end(): void } {
  if (env.GITHUB_ACTIONS !== 'true') return { line: (text) => write(`${text}\n`), end: () => undefined };
  // A fresh token for each stretch of training output: one that appeared in the log before
  // cannot be replayed by a later training to resume commands.
  let token: string | null = null;
  return {
    line(text) {
      if (token === null) {
        token = randomBytes(16).toString('hex');
        write(`::stop-commands::${token}\n`);
      }
      write(`${text}\n`);
    },
    end() {
      if (token !== null) write(`::${token}::\n`);
      token = null;
    },
  };
}
