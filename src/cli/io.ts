/** What a CLI command gets from the process: its directory, environment and output streams. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Aborted on SIGINT/SIGTERM: stops the training's process group. */
  signal?: AbortSignal;
  /** Set when stdout is a terminal: reports are then drawn for it (src/report/terminal.ts). */
  terminal?: { columns: number } | null;
}
