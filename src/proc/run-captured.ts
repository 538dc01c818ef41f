/**
 * Short helper commands (git, nvidia-smi) whose whole output is the answer: runProcess with
 * stdout and stderr kept whole and apart, as the text the command wrote (no line splitting, no
 * tail limit), so a file read with `git show` comes back byte for byte as UTF-8 text.
 */
import { runProcess, type ProcessOptions, type ProcessResult } from './run-process.ts';

export interface CapturedProcessResult extends ProcessResult {
  /** Everything the command wrote to stdout, decoded as UTF-8. */
  stdout: string;
  /** Everything the command wrote to stderr, decoded as UTF-8. */
  stderr: string;
}

/**
 * Runs ARGV (no shell) through runProcess and keeps its whole output. `timeoutMs` stops the
 * command's group as runProcess does (1 s grace, it is no training); `input` goes to its stdin.
 * Never rejects for what the command does (a missing program is exit code 127); throws a
 * TypeError for an empty ARGV.
 */
export async function runCapturedProcess(
  argv: string[],
  options: Pick<ProcessOptions, 'cwd' | 'env' | 'timeoutMs' | 'input' | 'signal'>,
): Promise<CapturedProcessResult> {
  const output = { stdout: [] as string[], stderr: [] as string[] };
  const result = await runProcess({
    ...options,
    argv,
    killGraceMs: 1000,
    maxCapturedBytes: 16 * 1024,
    onOutput: (text, stream) => output[stream].push(text),
  });
  return { ...result, stdout: output.stdout.join(''), stderr: output.stderr.join('') };
}
