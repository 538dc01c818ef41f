import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/trainer/smoke.ts
init_define_REPRO_CHART_LIBRARY();
var WORKLOAD = {
  imageSize: 10,
  classes: 4,
  trainExamples: 1024,
  evalExamples: 256,
  evalEvery: 10,
  dropoutRate: 0.2
};
async function train(ctx) {
  const { tf, random } = ctx;
  const learningRate = numberOption(ctx, "learning-rate", 5e-3);
  const batchSize = numberOption(ctx, "batch-size", 32);
  const prototypes = Array.from(
    { length: WORKLOAD.classes },
    () => Float32Array.from({ length: WORKLOAD.imageSize * WORKLOAD.imageSize }, () => random.normal())
  );
  const makeExamples = (count) => {
    const pixels = new Float32Array(count * WORKLOAD.imageSize * WORKLOAD.imageSize);
    const labels = new Int32Array(count);
    for (let example = 0; example < count; example++) {
      const label = random.int(WORKLOAD.classes);
      const scale = 0.5 + random.uniform();
      labels[example] = label;
      prototypes[label].forEach((value, pixel) => {
        pixels[example * WORKLOAD.imageSize * WORKLOAD.imageSize + pixel] = scale * value + 3 * random.normal();
      });
    }
    return {
      x: tf.tensor4d(pixels, [count, WORKLOAD.imageSize, WORKLOAD.imageSize, 1]),
      y: tf.oneHot(tf.tensor1d(labels, "int32"), WORKLOAD.classes).toFloat(),
      labels: tf.tensor1d(labels, "int32")
    };
  };
  const trainSet = makeExamples(WORKLOAD.trainExamples);
  const evalSet = makeExamples(WORKLOAD.evalExamples);
  const glorot = () => tf.initializers.glorotUniform({ seed: random.nextSeed() });
  const conv1 = tf.layers.conv2d({
    name: "conv1",
    filters: 8,
    kernelSize: 3,
    activation: "relu",
    kernelInitializer: glorot()
  });
  const bn1 = tf.layers.batchNormalization({ name: "bn1" });
  const flatten = tf.layers.flatten({ name: "flatten" });
  const dense1 = tf.layers.dense({ name: "dense1", units: 32, activation: "relu", kernelInitializer: glorot() });
  const logitsLayer = tf.layers.dense({ name: "logits", units: WORKLOAD.classes, kernelInitializer: glorot() });
  const layers = [conv1, bn1, dense1, logitsLayer];
  const forward = (x, training) => {
    const features = flatten.apply(bn1.apply(conv1.apply(x), { training }));
    const hidden = dense1.apply(features);
    return logitsLayer.apply(training ? ctx.dropout(hidden, WORKLOAD.dropoutRate) : hidden);
  };
  const evaluate = () => tf.tidy(() => {
    const logits = forward(evalSet.x, false);
    const loss = tf.losses.softmaxCrossEntropy(evalSet.y, logits);
    const accuracy = logits.argMax(-1).equal(evalSet.labels).mean();
    return { loss: loss.dataSync()[0], accuracy: accuracy.dataSync()[0] };
  });
  tf.tidy(() => forward(evalSet.x.slice(0, 1), false));
  const optimizer = tf.train.adam(learningRate);
  const resumed = await ctx.resume({ weights: layers, optimizer });
  let order = resumed.extra?.order ?? [];
  for (let step = resumed.firstStep; step <= ctx.steps; step++) {
    if (order.length < batchSize)
      order = random.shuffle(Array.from({ length: WORKLOAD.trainExamples }, (_, index) => index));
    const batch = order.splice(0, batchSize);
    const loss = tf.tidy(() => {
      const indices = tf.tensor1d(batch, "int32");
      const xb = tf.gather(trainSet.x, indices);
      const yb = tf.gather(trainSet.y, indices);
      return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, forward(xb, true)), true);
    });
    ctx.log(step, { train: { loss } });
    loss.dispose();
    if (step % WORKLOAD.evalEvery === 0 || step === ctx.steps) ctx.log(step, { eval: evaluate() });
    await ctx.checkpoint(step, layers);
    if (await ctx.stopAfter(step, { weights: layers, optimizer, extra: { order } })) return;
  }
  ctx.log(null, { accuracy: evaluate().accuracy });
}
function numberOption(ctx, key, fallback) {
  const value = ctx.options[key] ?? fallback;
  if (typeof value !== "number" || !(value > 0))
    throw new TypeError(
      `builtin:smoke: trainer.options.${key} must be a positive number, got ${JSON.stringify(value)}`
    );
  return value;
}
export {
  train as default
};
