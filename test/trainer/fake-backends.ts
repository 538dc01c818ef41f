import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Stand-ins for the native tfjs packages, written into a project's node_modules as real
 * packages, so that backend resolution and its messages run for real: one that fails the
 * way a native load does, and one whose TensorFlow reports where it placed the work.
 */
export type FakeBackendBehaviour = { fails: string } | { usingGpu: boolean };

export async function writeFakeBackend(
  projectDir: string,
  packageName: string,
  behaviour: FakeBackendBehaviour,
): Promise<void> {
  const dir = path.join(projectDir, 'node_modules', packageName);
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: packageName, version: '4.22.0-fake', main: 'index.js' }),
  );
  await writeFile(
    path.join(dir, 'index.js'),
    'fails' in behaviour
      ? `throw new Error(${JSON.stringify(behaviour.fails)});\n`
      : `module.exports = { ready: async () => {}, backend: () => ({ isUsingGpuDevice: ${behaviour.usingGpu}, binding: { TF_Version: '2.9.1' } }) };\n`,
  );
}

/** A trainer that needs nothing from tf, for runs on the fake backends. */
export const TRIVIAL_TRAINER =
  'export default async function train(ctx) { for (let step = 1; step <= ctx.steps; step++) ctx.log(step, { loss: 1 / step }); }\n';
