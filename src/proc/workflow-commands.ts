import { randomBytes } from 'node:crypto';

/**
 * Streams training output so that it cannot issue workflow commands (`::set-output`,
 * `::add-mask`, `::error` …): under GitHub Actions the lines go between
 * `::stop-commands::<token>` and `::<token>::`, the runner's documented way to pause command
 * processing; the token is random so the training cannot guess it and resume early.
 */
export function protectWorkflowCommands(write: (text: string) => void, env: NodeJS.ProcessEnv): { line(text: string): void; end(): void } {
  if (env.GITHUB_ACTIONS !== 'true') return { line: (text) => write(`${text}\n`), end: () => undefined };
  const token = randomBytes(16).toString('hex');
  let started = false;
  return {
    line(text) {
      if (!started) {
        write(`::stop-commands::${token}\n`);
        started = true;
      }
      write(`${text}\n`);
    },
    end() {
      if (started) write(`::${token}::\n`);
      started = false;
    },
  };
}
