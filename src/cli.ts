// The `repro-check` command: a thin entry over runCli (src/cli/main.ts), which the tests call in-process.
import { runCli } from './cli/main.ts';

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
