import { ReproError } from '../errors.ts';
import type { MetricTree } from './metrics-line.ts';

/**
 * The values a trainer passes to `ctx.log`, read into a metric tree (tensors read out), and the
 * refusal of a non-finite one.
 */

type Tensor = import('@tensorflow/tfjs').Tensor;

/**
 * A metric value: a number, or a one-element tensor (read for you). A string is written to
 * metrics.jsonl but never compared: the way to record a value that may be non-finite on purpose.
 */
export type LoggedValue = number | string | Tensor | { [name: string]: LoggedValue };

/**
 * `metrics` with every tensor read out as a number (nested objects kept as nested trees).
 * @param prefix the dotted path of `metrics` itself ('' at the top), for the error
 * @throws TypeError naming the key for a tensor that is not one element.
 */
export function readValues(metrics: { [name: string]: LoggedValue }, prefix: string): MetricTree {
  const tree: MetricTree = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (isTensor(value)) {
      if (value.size !== 1)
        throw new TypeError(
          `log(step, metrics): ${prefix}${key} is a tensor of shape [${value.shape.join(', ')}]; log scalars`,
        );
      tree[key] = value.dataSync()[0]!;
    } else
      tree[key] =
        typeof value === 'object' && value !== null
          ? readValues(value, `${prefix}${key}.`)
          : (value as number | string);
  }
  return tree;
}

/**
 * The error for a non-finite value logged `step` (null: as a final value) by the trainer
 * `module`: the training diverged, and the hint says what to try and how to log such a value
 * on purpose.
 */
export function divergedError(
  module: string,
  step: number | null,
  values: Array<{ name: string; value: number }>,
): ReproError {
  const where = step === null ? 'as a final value' : `at step ${step}`;
  const listed = values.map(({ name, value }) => `${name} = ${String(value)}`).join(', ');
  return new ReproError(
    `The trainer ${module} logged a non-finite value ${where}: ${listed}. The training diverged (NaN/Inf loss).`,
    {
      hint: 'Lower the learning rate (trainer.options) or check the data for NaN or huge inputs and out-of-range labels. If the value may be non-finite on purpose, log it as a string (String(value): written, never compared) or leave it out of that log call.',
    },
  );
}

function isTensor(value: unknown): value is Tensor {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Tensor).dataSync === 'function' &&
    Array.isArray((value as Tensor).shape)
  );
}
