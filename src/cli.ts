// The `repro-check` command: a thin entry over runCli (src/cli/main.ts), which the tests call in-process.
import { runCli } from './cli/main.ts';
import { describeError, EXIT_BAD_INPUT } from './errors.ts';

const verbose = process.argv.includes('-v') || process.argv.includes('--verbose');
// Last resort: whatever escapes runCli (an error thrown from a callback) is exit 2 with one line, not a stack.
const lastResort = (error: unknown) => {
  process.stderr.write(`error: ${describeError(error, { stack: verbose, stackHint: '-v' })}\n`);
  process.exit(EXIT_BAD_INPUT);
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);
// A reader that stops early (`| head`) closes our stdout: the rest of the output is simply not wanted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  lastResort(error);
});

const controller = new AbortController();
// A first Ctrl-C stops the training's process group; the run then ends with exit code 2.
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: controller.signal,
  terminal: process.stdout.isTTY ? { columns: process.stdout.columns || 80 } : null,
});
