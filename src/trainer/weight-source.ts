import type { StateVariable } from './training-state.ts';

/**
 * The weights a trainer hands to `ctx.checkpoint`, `ctx.useModel`, `ctx.resume` and
 * `ctx.stopAfter`, in the three shapes it may give them, read as named tensors (to save) or as
 * overwritable variables (to restore a resume state into).
 */

type Tensor = import('@tensorflow/tfjs').Tensor;

/** A layer weight as tfjs-layers exposes it (LayerVariable): its unique name, its value, and a setter (used on resume). */
type NamedWeight = { name: string; read(): Tensor; write(value: Tensor): unknown };

/** What `ctx.checkpoint` saves: a model or layer (its `.weights`), a list of them, or name -> tensor. */
export type WeightSource = { weights: NamedWeight[] } | Array<{ weights: NamedWeight[] }> | Record<string, Tensor>;

/** The models or layers in a weight source, or null for a name -> tensor map. */
function weightHolders(weights: WeightSource): Array<{ weights: NamedWeight[] }> | null {
  return Array.isArray(weights)
    ? weights
    : 'weights' in weights && Array.isArray(weights.weights)
      ? [weights as { weights: NamedWeight[] }]
      : null;
}

/**
 * The tensors of a weight source with their names: a model's or layer's weights under their
 * unique tfjs-layers names (`dense_Dense1/kernel`), a map under its keys. The tensors are the
 * variables' current values, not copies.
 */
export function namedTensors(weights: WeightSource): Array<[string, Tensor]> {
  const holders = weightHolders(weights);
  if (holders === null) return Object.entries(weights as Record<string, Tensor>);
  return holders.flatMap((holder) =>
    holder.weights.map((variable): [string, Tensor] => [variable.name, variable.read()]),
  );
}

/**
 * A weight source as overwritable variables, named as namedTensors names them, each read and
 * written in place (a layer weight through its setter, a map entry through tf.Variable.assign).
 * @throws TypeError for a name -> tensor entry that is not a tf.Variable.
 */
export function stateVariables(weights: WeightSource): StateVariable[] {
  const holders = weightHolders(weights);
  if (holders !== null)
    return holders.flatMap((holder) =>
      holder.weights.map((variable) => ({
        name: variable.name,
        read: () => variable.read(),
        write: (value: Tensor) => void variable.write(value),
      })),
    );
  return Object.entries(weights as Record<string, Tensor>).map(([name, tensor]) => {
    const variable = tensor as Tensor & { assign?: (value: Tensor) => void };
    if (typeof variable.assign !== 'function')
      throw new TypeError(
        `ctx.resume/stopAfter: weights.${name} is a tensor, not a tf.Variable; a resumed state is written into variables`,
      );
    return { name, read: () => tensor, write: (value: Tensor) => variable.assign!(value) };
  });
}
