import type { Tf } from './backend.ts';
import type { GeneratorState, SeededRandom } from './random.ts';
import { parseSafetensors, serializeSafetensors, type SafetensorsTensor } from '../safetensors/format.ts';
import { fromSafetensor, toSafetensor } from './tensor-bytes.ts';
import { ReproError } from '../errors.ts';

type Tensor = import('@tensorflow/tfjs').Tensor;
type Optimizer = import('@tensorflow/tfjs').Optimizer;

/**
 * The built-in trainer's saved training state (the exact-resume protocol, docs/trainer.md):
 * three files in the state folder.
 * - `weights.safetensors`: every model variable by name (layers' trainable and non-trainable
 *   weights: batch-norm moving statistics too), F32/I32/BOOL; metadata `step`.
 * - `optimizer.safetensors`: the optimizer's `getWeights()` (tfjs: `iter`, then the slots, e.g.
 *   Adam's `<variable>/m` and `<variable>/v`); absent for a trainer that saves no optimizer.
 * - `trainer-state.json`: `format`, `version`, `step`, `generator` (ctx.random's xoshiro128**
 *   state, four uint32 words), `optimizer` (`className`, slot names in setWeights order,
 *   `scalars`: running values getWeights leaves out) or null, `extra` (the trainer's JSON).
 */
export const WEIGHTS_FILE = 'weights.safetensors';
export const OPTIMIZER_FILE = 'optimizer.safetensors';
export const MANIFEST_FILE = 'trainer-state.json';
const FORMAT = 'repro-check/trainer-state';
const VERSION = 1;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A model variable that can be read and overwritten: a tfjs-layers LayerVariable, or a tf.Variable under a name. */
export interface StateVariable {
  name: string;
  read(): Tensor;
  write(value: Tensor): void;
}

/** What a training state holds besides the generator: the step just finished, the variables, the optimizer, the trainer's own values. */
export interface StateParts {
  step: number;
  variables: StateVariable[];
  optimizer: Optimizer | null;
  extra: JsonValue | null;
}

interface Manifest {
  format: typeof FORMAT;
  version: typeof VERSION;
  step: number;
  generator: GeneratorState;
  optimizer: { className: string; slots: string[]; scalars: Record<string, number> } | null;
  extra: JsonValue | null;
}

/**
 * Running scalars tfjs optimizers keep outside getWeights(). Adam's setWeights rebuilds its
 * bias-correction products as beta^(iter+1) with pow(), which differs in the last bits from the
 * product an uninterrupted run multiplied up step by step; so they are saved and put back as they were.
 */
const RUNNING_SCALARS = ['accBeta1', 'accBeta2'] as const;

/**
 * The files of a training state, by name (reads the tensors; writes nothing).
 * @throws TypeError for a variable of an unsupported dtype; the optimizer's getWeights errors
 * (tfjs's Adamax has none) pass through.
 */
export async function captureState(parts: StateParts, random: SeededRandom): Promise<Map<string, Uint8Array>> {
  const metadata = { step: String(parts.step) };
  const files = new Map<string, Uint8Array>();
  const weights = await Promise.all(parts.variables.map((variable) => toSafetensor(variable.name, variable.read())));
  files.set(WEIGHTS_FILE, serializeSafetensors(weights, metadata));
  let optimizer: Manifest['optimizer'] = null;
  if (parts.optimizer) {
    const named = await parts.optimizer.getWeights();
    const slots = await Promise.all(named.map(({ name, tensor }) => toSafetensor(name, tensor)));
    files.set(OPTIMIZER_FILE, serializeSafetensors(slots, metadata));
    const held = parts.optimizer as unknown as Record<string, Tensor | undefined>;
    const scalars = Object.fromEntries(
      RUNNING_SCALARS.flatMap((key) => (held[key] ? [[key, held[key].dataSync()[0]!]] : [])),
    );
    optimizer = { className: parts.optimizer.getClassName(), slots: named.map(({ name }) => name), scalars };
  }
  const manifest: Manifest = {
    format: FORMAT,
    version: VERSION,
    step: parts.step,
    generator: random.getState(),
    optimizer,
    extra: parts.extra,
  };
  files.set(MANIFEST_FILE, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

/**
 * Puts a saved state back: overwrites the variables and the optimizer's slots, sets the
 * generator. The variables and optimizer must be built as the saving run built them.
 * @returns the step the state was saved after, and the trainer's extra values.
 * @throws ReproError naming the file and what does not match (a missing file, another format
 * or version, a variable or slot missing or of another shape, another optimizer class).
 */
export async function restoreState(
  tf: Tf,
  readFile: (name: string) => Uint8Array,
  target: { variables: StateVariable[]; optimizer: Optimizer | null },
  random: SeededRandom,
): Promise<{ step: number; extra: JsonValue | null }> {
  const manifest = parseManifest(readFile(MANIFEST_FILE));
  const saved = new Map(
    parseSafetensors(readFile(WEIGHTS_FILE), WEIGHTS_FILE).tensors.map((tensor) => [tensor.name, tensor]),
  );
  const wanted = new Set(target.variables.map((variable) => variable.name));
  const unknown = [...saved.keys()].filter((name) => !wanted.has(name));
  if (unknown.length > 0)
    throw mismatch(`${WEIGHTS_FILE} holds variables the model does not have: ${unknown.join(', ')}`);
  for (const variable of target.variables) {
    const entry = saved.get(variable.name);
    if (!entry) throw mismatch(`${WEIGHTS_FILE} has no variable "${variable.name}"`);
    assertShape(entry, variable.read().shape, WEIGHTS_FILE);
    const value = fromSafetensor(tf, entry);
    variable.write(value);
    value.dispose();
  }
  if ((manifest.optimizer === null) !== (target.optimizer === null)) {
    throw mismatch(
      manifest.optimizer === null
        ? 'the state was saved without an optimizer, but one is given to restore'
        : `the state holds a ${manifest.optimizer!.className} optimizer, but none is given to restore`,
    );
  }
  if (manifest.optimizer && target.optimizer)
    await restoreOptimizer(tf, readFile(OPTIMIZER_FILE), manifest.optimizer, target.optimizer);
  random.setState(manifest.generator);
  return { step: manifest.step, extra: manifest.extra };
}

async function restoreOptimizer(
  tf: Tf,
  bytes: Uint8Array,
  saved: NonNullable<Manifest['optimizer']>,
  optimizer: Optimizer,
): Promise<void> {
  if (optimizer.getClassName() !== saved.className)
    throw mismatch(`the state holds a ${saved.className} optimizer, the trainer built a ${optimizer.getClassName()}`);
  const slots = new Map(parseSafetensors(bytes, OPTIMIZER_FILE).tensors.map((tensor) => [tensor.name, tensor]));
  const named = saved.slots.map((name) => {
    const entry = slots.get(name);
    if (!entry) throw mismatch(`${OPTIMIZER_FILE} has no slot "${name}" (listed in ${MANIFEST_FILE})`);
    return { name, tensor: fromSafetensor(tf, entry) };
  });
  // setWeights keeps the tensors as its slot variables' initial values and reads `iter` itself.
  await optimizer.setWeights(named);
  for (const { tensor } of named) tensor.dispose();
  const held = optimizer as unknown as Record<string, { assign(value: Tensor): void } | undefined>;
  for (const [key, value] of Object.entries(saved.scalars)) {
    const scalar = tf.scalar(value, 'float32');
    held[key]?.assign(scalar);
    scalar.dispose();
  }
}

function parseManifest(bytes: Uint8Array): Manifest {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Manifest>;
  } catch (error) {
    throw mismatch(`${MANIFEST_FILE} is not JSON: ${(error as Error).message}`);
  }
  if (manifest.format !== FORMAT || manifest.version !== VERSION) {
    throw mismatch(
      `${MANIFEST_FILE} is not a ${FORMAT} version ${VERSION} file (format ${JSON.stringify(manifest.format)}, version ${JSON.stringify(manifest.version)})`,
    );
  }
  if (!Number.isSafeInteger(manifest.step) || !Array.isArray(manifest.generator))
    throw mismatch(`${MANIFEST_FILE} lacks its step or generator state`);
  return manifest as Manifest;
}

function assertShape(entry: SafetensorsTensor, shape: readonly number[], file: string): void {
  if (entry.shape.length !== shape.length || entry.shape.some((size, axis) => size !== shape[axis])) {
    throw mismatch(
      `${file}: "${entry.name}" has shape [${entry.shape.join(', ')}], the model's is [${shape.join(', ')}]`,
    );
  }
}

function mismatch(what: string): ReproError {
  return new ReproError(`The saved training state does not fit this trainer: ${what}`, {
    hint: 'Resume with the trainer, options and backend that saved the state; the resume audit does this for you.',
  });
}
