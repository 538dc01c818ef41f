import path from 'node:path';
import { EXIT_PASS, ReproError } from '../../errors.ts';
import { writeFileAtomic } from '../../fs/atomic-write.ts';
import type { EnvironmentFingerprint } from '../../record/types.ts';
import type { CliCommand } from '../command.ts';
import { expectNoArguments } from '../training-settings.ts';

/** `repro-check env`: this machine's environment fingerprint, as text or JSON. */
export const command: CliCommand = {
  name: 'env',
  usage: `repro-check env [--format text|json] [-o FINGERPRINT.json]
    Print this machine's environment fingerprint.`,
  options: ['format', 'out', 'verbose'],
  formats: ['text', 'json'],
  async run(input, io) {
    expectNoArguments('env', input.args);
    if (input.flagProblems.length > 0) throw new ReproError(input.flagProblems.join('\n'));
    const { collectEnvironment, execText } = await import('../../env/fingerprint.ts');
    const fingerprint = await collectEnvironment({ cwd: io.cwd, fingerprintPaths: [], env: io.env, exec: execText });
    const json = JSON.stringify(fingerprint, null, 2) + '\n';
    io.stdout(input.format === 'json' ? json : describeEnvironment(fingerprint));
    if (input.values.out) await writeFileAtomic(path.resolve(io.cwd, input.values.out), json);
    return EXIT_PASS;
  },
};

function describeEnvironment(fingerprint: EnvironmentFingerprint): string {
  const lines = [
    `os: ${fingerprint.os.platform} ${fingerprint.os.release} ${fingerprint.os.arch}`,
    `cpu: ${fingerprint.cpu.model} (${fingerprint.cpu.cores} cores)`,
    `node: ${fingerprint.node}`,
    `python: ${fingerprint.python ?? 'not found'}`,
    `gpu: ${fingerprint.gpu ? `driver ${fingerprint.gpu.driver}, CUDA ${fingerprint.gpu.cuda}` : 'none (nvidia-smi not found)'}`,
    ...(fingerprint.gpu?.devices ?? []).map((d) => `  [${d.index}] ${d.name} ${d.uuid}`),
    ...Object.entries(fingerprint.files).map(([file, hash]) => `file ${file}: sha256 ${hash}`),
  ];
  return lines.join('\n') + '\n';
}
