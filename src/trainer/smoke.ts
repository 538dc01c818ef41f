import type { Scalar, Tensor } from '@tensorflow/tfjs';
import type { TrainerContext } from './context.ts';

/**
 * `builtin:smoke`, the reference workload: a small CNN on images generated from the seed (no
 * downloads), touching conv2d, batch norm, dense, dropout and Adam so that numeric drift in
 * any of them shows in the loss curve or the weights. Everything random comes from ctx.random:
 * data, batch order (never model.fit's unseeded shuffle), initializer seeds (explicit and
 * non-zero) and a fresh dropout seed per step. It implements the exact-resume protocol through
 * ctx.resume / ctx.stopAfter (weights, Adam's slots, ctx.random, the batch queue). Layers are named so the checkpoint's tensor
 * names are stable (`conv1/kernel`, `bn1/moving_mean`, ...).
 */
/** The workload's sizes: 10×10 images of 4 classes, evaluated every 10 steps. Changing one changes every baseline made with it. */
const WORKLOAD = {
  imageSize: 10,
  classes: 4,
  trainExamples: 1024,
  evalExamples: 256,
  evalEvery: 10,
  dropoutRate: 0.2,
} as const;

/**
 * Trains for ctx.steps steps of one batch each, logging `train.loss` every step and `eval`
 * (loss, accuracy on the held-out images) every 10 steps and at the last, checkpointing through
 * ctx.checkpoint, and the final `accuracy` as a value without a step.
 */
export default async function train(ctx: TrainerContext): Promise<void> {
  const { tf, random } = ctx;
  const learningRate = numberOption(ctx, 'learning-rate', 0.005);
  const batchSize = numberOption(ctx, 'batch-size', 32);

  // Each class is a random 10x10 prototype; an example is its class's prototype, scaled and noised.
  const prototypes = Array.from({ length: WORKLOAD.classes }, () =>
    Float32Array.from({ length: WORKLOAD.imageSize * WORKLOAD.imageSize }, () => random.normal()),
  );
  const makeExamples = (count: number) => {
    const pixels = new Float32Array(count * WORKLOAD.imageSize * WORKLOAD.imageSize);
    const labels = new Int32Array(count);
    for (let example = 0; example < count; example++) {
      const label = random.int(WORKLOAD.classes);
      const scale = 0.5 + random.uniform();
      labels[example] = label;
      prototypes[label]!.forEach((value, pixel) => {
        pixels[example * WORKLOAD.imageSize * WORKLOAD.imageSize + pixel] = scale * value + 3 * random.normal();
      });
    }
    return {
      x: tf.tensor4d(pixels, [count, WORKLOAD.imageSize, WORKLOAD.imageSize, 1]),
      y: tf.oneHot(tf.tensor1d(labels, 'int32'), WORKLOAD.classes).toFloat(),
      labels: tf.tensor1d(labels, 'int32'),
    };
  };
  const trainSet = makeExamples(WORKLOAD.trainExamples);
  const evalSet = makeExamples(WORKLOAD.evalExamples);

  const glorot = () => tf.initializers.glorotUniform({ seed: random.nextSeed() });
  const conv1 = tf.layers.conv2d({
    name: 'conv1',
    filters: 8,
    kernelSize: 3,
    activation: 'relu',
    kernelInitializer: glorot(),
  });
  const bn1 = tf.layers.batchNormalization({ name: 'bn1' });
  const flatten = tf.layers.flatten({ name: 'flatten' });
  const dense1 = tf.layers.dense({ name: 'dense1', units: 32, activation: 'relu', kernelInitializer: glorot() });
  const logitsLayer = tf.layers.dense({ name: 'logits', units: WORKLOAD.classes, kernelInitializer: glorot() });
  const layers = [conv1, bn1, dense1, logitsLayer];

  const forward = (x: Tensor, training: boolean) => {
    const features = flatten.apply(bn1.apply(conv1.apply(x), { training }) as Tensor) as Tensor;
    const hidden = dense1.apply(features) as Tensor;
    return logitsLayer.apply(training ? ctx.dropout(hidden, WORKLOAD.dropoutRate) : hidden) as Tensor;
  };

  const evaluate = () =>
    tf.tidy(() => {
      const logits = forward(evalSet.x, false);
      const loss = tf.losses.softmaxCrossEntropy(evalSet.y, logits);
      const accuracy = logits.argMax(-1).equal(evalSet.labels).mean();
      return { loss: loss.dataSync()[0]!, accuracy: accuracy.dataSync()[0]! };
    });

  // Layers create their weights on first use; build them before minimize() lists the variables to train.
  tf.tidy(() => forward(evalSet.x.slice(0, 1), false));
  const optimizer = tf.train.adam(learningRate);
  // The batch queue is kept between steps, so a resumed run needs it back (the state's `extra`).
  const resumed = await ctx.resume({ weights: layers, optimizer });
  let order = (resumed.extra as { order: number[] } | null)?.order ?? [];
  for (let step = resumed.firstStep; step <= ctx.steps; step++) {
    if (order.length < batchSize)
      order = random.shuffle(Array.from({ length: WORKLOAD.trainExamples }, (_, index) => index));
    const batch = order.splice(0, batchSize);
    const loss = tf.tidy(() => {
      const indices = tf.tensor1d(batch, 'int32');
      const xb = tf.gather(trainSet.x, indices);
      const yb = tf.gather(trainSet.y, indices);
      return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, forward(xb, true)) as Scalar, true)!;
    });
    ctx.log(step, { train: { loss } });
    loss.dispose();
    if (step % WORKLOAD.evalEvery === 0 || step === ctx.steps) ctx.log(step, { eval: evaluate() });
    await ctx.checkpoint(step, layers);
    if (await ctx.stopAfter(step, { weights: layers, optimizer, extra: { order } })) return;
  }
  ctx.log(null, { accuracy: evaluate().accuracy });
}

function numberOption(ctx: TrainerContext, key: string, fallback: number): number {
  const value = ctx.options[key] ?? fallback;
  if (typeof value !== 'number' || !(value > 0))
    throw new TypeError(
      `builtin:smoke: trainer.options.${key} must be a positive number, got ${JSON.stringify(value)}`,
    );
  return value;
}
