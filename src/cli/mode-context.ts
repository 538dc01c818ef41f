import type { Logger } from '../log.ts';
import type { ModeContext } from '../modes/context.ts';
import type { CliIo } from './main.ts';

/** The mode functions' outside world for a terminal: training output on stderr, no pull request. */
export function cliModeContext(io: CliIo, log: Logger): ModeContext {
  return {
    cwd: io.cwd,
    env: io.env,
    log,
    trainingOutput: { line: (text) => io.stderr(`${text}\n`), end: () => undefined },
    pullRequest: null,
    ...(io.signal ? { signal: io.signal } : {}),
    now: () => new Date(),
  };
}
