import { randomBytes } from 'node:crypto';

/** Where training output goes while a training runs; `begin()` before it is spawned, `end()` once it and its output are done. */
export interface TrainingOutput {
  begin(): void;
  line(text: string): void;
  end(): void;
}

/**
 * Streams training output so that it cannot issue workflow commands (`::set-output`,
 * `::add-mask`, `::error` …): under GitHub Actions the whole training runs inside one
 * `::stop-commands::<token>` … `::<token>::` stretch, the runner's documented way to pause
 * command processing (docs.github.com, "Workflow commands for GitHub Actions", Stopping and
 * starting workflow commands). The stretch is opened by `begin()`, before the training is
 * spawned: a training can also write to our stdout directly through `/proc/<our pid>/fd/1`,
 * and any byte it gets into the runner's pipe must land inside the stretch. The token is
 * random (128 bits) and fresh for each stretch, so it cannot be guessed or replayed.
 */
export function protectWorkflowCommands(write: (text: string) => void, env: NodeJS.ProcessEnv): TrainingOutput {
  if (env.GITHUB_ACTIONS !== 'true')
    return { begin: () => undefined, line: (text) => write(`${text}\n`), end: () => undefined };
  let token: string | null = null;
  return {
    begin() {
      if (token !== null) return;
      token = randomBytes(16).toString('hex');
      write(`::stop-commands::${token}\n`);
    },
    line(text) {
      // Output outside begin()/end() (none is expected) is wrapped too rather than let through.
      if (token === null) this.begin();
      write(`${text}\n`);
    },
    end() {
      if (token !== null) write(`::${token}::\n`);
      token = null;
    },
  };
}
