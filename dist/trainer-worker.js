import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  METRICS_FILE,
  STRICT_DETERMINISM_ENV,
  TRAINER_RESULT_FILE,
  checkBackendName,
  loadBackend,
  wasmBinaryDir
} from "./chunks/chunk-BZG4ZZUQ.js";
import "./chunks/chunk-XU3WJNQF.js";
import {
  parseSafetensors,
  serializeSafetensors
} from "./chunks/chunk-N3HAK6MM.js";
import {
  ReproError
} from "./chunks/chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunks/chunk-FCTVIH2T.js";

// src/trainer/worker.ts
init_define_REPRO_CHART_LIBRARY();
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";

// src/trainer/context.ts
init_define_REPRO_CHART_LIBRARY();

// src/trainer/metrics-line.ts
init_define_REPRO_CHART_LIBRARY();
function formatMetricsLine(step, metrics) {
  if (step !== null && !(Number.isSafeInteger(step) && step >= 0))
    throw new TypeError(`log(step, metrics): step must be a non-negative integer or null, got ${String(step)}`);
  if (Object.hasOwn(metrics, "step"))
    throw new TypeError('log(step, metrics): "step" is the step key; pass the step as the first argument');
  const nonFinite = [];
  const body = formatTree(metrics, "", nonFinite);
  const text = step === null ? body : body === "{}" ? `{"step":${step}}` : `{"step":${step},${body.slice(1)}`;
  return { text, nonFinite };
}
function formatTree(tree, prefix, nonFinite) {
  if (typeof tree !== "object" || tree === null || Array.isArray(tree))
    throw new TypeError(`log(step, metrics): ${prefix || "metrics"} must be an object of numbers (or strings)`);
  const parts = [];
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (key === "") throw new TypeError(`log(step, metrics): empty metric name under ${prefix || "the top level"}`);
    const text = typeof value === "number" ? formatNumber(value, name, nonFinite) : typeof value === "string" ? JSON.stringify(value) : formatTree(value, name, nonFinite);
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}
function formatNumber(value, name, nonFinite) {
  if (Number.isFinite(value)) return Object.is(value, -0) ? "-0" : JSON.stringify(value);
  nonFinite.push({ name, value });
  return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
}

// src/trainer/random.ts
init_define_REPRO_CHART_LIBRARY();
function createRandom(seed) {
  if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295)
    throw new RangeError(`seed must be an integer in [0, 2^32 - 1], got ${seed}`);
  let mix = seed | 0;
  const splitmix32 = () => {
    mix = mix + 2654435769 | 0;
    let z = mix;
    z = Math.imul(z ^ z >>> 16, 2246822507);
    z = Math.imul(z ^ z >>> 13, 3266489909);
    return z ^ z >>> 16 | 0;
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  const rotl = (x, k) => x << k | x >>> 32 - k;
  const nextUint32 = () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const uniform = () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  const int = (n) => {
    if (!Number.isInteger(n) || n < 1 || n > 4294967296)
      throw new RangeError(`int(n) needs an integer n in [1, 2^32], got ${n}`);
    const limit = Math.floor(4294967296 / n) * n;
    for (; ; ) {
      const draw = nextUint32();
      if (draw < limit) return draw % n;
    }
  };
  return {
    uniform,
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
    int,
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
    nextSeed: () => 1 + int(2147483647),
    // The words are kept as signed int32 internally; the saved form is unsigned so it reads the same in any language.
    getState: () => [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0],
    setState(state) {
      const valid = state.length === 4 && state.every((word) => Number.isInteger(word) && word >= 0 && word <= 4294967295);
      if (!valid || state.every((word) => word === 0))
        throw new RangeError(`a generator state is four uint32 words, not all zero; got ${JSON.stringify(state)}`);
      [s0, s1, s2, s3] = state.map((word) => word | 0);
    }
  };
}

// src/trainer/tensor-bytes.ts
init_define_REPRO_CHART_LIBRARY();
var TF_TO_SAFETENSORS = { float32: "F32", int32: "I32", bool: "BOOL" };
async function toSafetensor(name, tensor) {
  const dtype = TF_TO_SAFETENSORS[tensor.dtype];
  if (!dtype)
    throw new TypeError(
      `tensor "${name}" has tfjs dtype ${tensor.dtype}; checkpoints and saved states hold float32, int32 and bool`
    );
  const values = await tensor.data();
  const data = dtype === "BOOL" ? Uint8Array.from(values) : new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  return { name, dtype, shape: [...tensor.shape], data };
}
function fromSafetensor(tf, entry) {
  const bytes = new Uint8Array(entry.data);
  switch (entry.dtype) {
    case "F32":
      return tf.tensor(new Float32Array(bytes.buffer), entry.shape, "float32");
    case "I32":
      return tf.tensor(new Int32Array(bytes.buffer), entry.shape, "int32");
    case "BOOL":
      return tf.tensor(bytes, entry.shape, "bool");
    default:
      throw new TypeError(`tensor "${entry.name}" is ${entry.dtype}; a saved training state holds F32, I32 and BOOL`);
  }
}

// src/trainer/training-state.ts
init_define_REPRO_CHART_LIBRARY();
var WEIGHTS_FILE = "weights.safetensors";
var OPTIMIZER_FILE = "optimizer.safetensors";
var MANIFEST_FILE = "trainer-state.json";
var FORMAT = "repro-check/trainer-state";
var VERSION = 1;
var RUNNING_SCALARS = ["accBeta1", "accBeta2"];
async function captureState(parts, random) {
  const metadata = { step: String(parts.step) };
  const files = /* @__PURE__ */ new Map();
  const weights = await Promise.all(parts.variables.map((variable) => toSafetensor(variable.name, variable.read())));
  files.set(WEIGHTS_FILE, serializeSafetensors(weights, metadata));
  let optimizer = null;
  if (parts.optimizer) {
    const named = await parts.optimizer.getWeights();
    const slots = await Promise.all(named.map(({ name, tensor }) => toSafetensor(name, tensor)));
    files.set(OPTIMIZER_FILE, serializeSafetensors(slots, metadata));
    const held = parts.optimizer;
    const scalars = Object.fromEntries(
      RUNNING_SCALARS.flatMap((key) => held[key] ? [[key, held[key].dataSync()[0]]] : [])
    );
    optimizer = { className: parts.optimizer.getClassName(), slots: named.map(({ name }) => name), scalars };
  }
  const manifest = {
    format: FORMAT,
    version: VERSION,
    step: parts.step,
    generator: random.getState(),
    optimizer,
    extra: parts.extra
  };
  files.set(MANIFEST_FILE, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}
`));
  return files;
}
async function restoreState(tf, readFile, target, random) {
  const manifest = parseManifest(readFile(MANIFEST_FILE));
  const saved = new Map(
    parseSafetensors(readFile(WEIGHTS_FILE), WEIGHTS_FILE).tensors.map((tensor) => [tensor.name, tensor])
  );
  const wanted = new Set(target.variables.map((variable) => variable.name));
  const unknown = [...saved.keys()].filter((name) => !wanted.has(name));
  if (unknown.length > 0)
    throw mismatch(`${WEIGHTS_FILE} holds variables the model does not have: ${unknown.join(", ")}`);
  for (const variable of target.variables) {
    const entry = saved.get(variable.name);
    if (!entry) throw mismatch(`${WEIGHTS_FILE} has no variable "${variable.name}"`);
    assertShape(entry, variable.read().shape, WEIGHTS_FILE);
    const value = fromSafetensor(tf, entry);
    variable.write(value);
    value.dispose();
  }
  if (manifest.optimizer === null !== (target.optimizer === null)) {
    throw mismatch(
      manifest.optimizer === null ? "the state was saved without an optimizer, but one is given to restore" : `the state holds a ${manifest.optimizer.className} optimizer, but none is given to restore`
    );
  }
  if (manifest.optimizer && target.optimizer)
    await restoreOptimizer(tf, readFile(OPTIMIZER_FILE), manifest.optimizer, target.optimizer);
  random.setState(manifest.generator);
  return { step: manifest.step, extra: manifest.extra };
}
async function restoreOptimizer(tf, bytes, saved, optimizer) {
  if (optimizer.getClassName() !== saved.className)
    throw mismatch(`the state holds a ${saved.className} optimizer, the trainer built a ${optimizer.getClassName()}`);
  const slots = new Map(parseSafetensors(bytes, OPTIMIZER_FILE).tensors.map((tensor) => [tensor.name, tensor]));
  const named = saved.slots.map((name) => {
    const entry = slots.get(name);
    if (!entry) throw mismatch(`${OPTIMIZER_FILE} has no slot "${name}" (listed in ${MANIFEST_FILE})`);
    return { name, tensor: fromSafetensor(tf, entry) };
  });
  await optimizer.setWeights(named);
  for (const { tensor } of named) tensor.dispose();
  const held = optimizer;
  for (const [key, value] of Object.entries(saved.scalars)) {
    const scalar = tf.scalar(value, "float32");
    held[key]?.assign(scalar);
    scalar.dispose();
  }
}
function parseManifest(bytes) {
  let manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw mismatch(`${MANIFEST_FILE} is not JSON: ${error.message}`);
  }
  if (manifest.format !== FORMAT || manifest.version !== VERSION) {
    throw mismatch(
      `${MANIFEST_FILE} is not a ${FORMAT} version ${VERSION} file (format ${JSON.stringify(manifest.format)}, version ${JSON.stringify(manifest.version)})`
    );
  }
  if (!Number.isSafeInteger(manifest.step) || !Array.isArray(manifest.generator))
    throw mismatch(`${MANIFEST_FILE} lacks its step or generator state`);
  return manifest;
}
function assertShape(entry, shape, file) {
  if (entry.shape.length !== shape.length || entry.shape.some((size, axis) => size !== shape[axis])) {
    throw mismatch(
      `${file}: "${entry.name}" has shape [${entry.shape.join(", ")}], the model's is [${shape.join(", ")}]`
    );
  }
}
function mismatch(what) {
  return new ReproError(`The saved training state does not fit this trainer: ${what}`, {
    hint: "Resume with the trainer, options and backend that saved the state; the resume audit does this for you."
  });
}

// src/trainer/context.ts
function createTrainerContext(tf, job, output) {
  const random = createRandom(job.seed);
  const checkpoints = [];
  let linesLogged = 0;
  let divergence = null;
  let defaultWeights = null;
  let resumeFollowed = false;
  const context = {
    tf,
    seed: job.seed,
    steps: job.steps,
    checkpointEvery: job.checkpointEvery,
    options: Object.freeze({ ...job.options }),
    random,
    log(step, metrics) {
      const { text, nonFinite } = formatMetricsLine(step, readValues(metrics, ""));
      if (nonFinite.length > 0) {
        divergence ??= divergedError(job.module, step, nonFinite);
        throw divergence;
      }
      output.appendMetricsLine(text);
      linesLogged++;
    },
    async checkpoint(step, weights) {
      const source = weights ?? defaultWeights;
      if (source === null || source === void 0) {
        throw new TypeError(
          `ctx.checkpoint(${step}): no weights to save. Call ctx.useModel(model) once after building the model, or pass them: ctx.checkpoint(step, model)`
        );
      }
      const due = job.checkpointEvery > 0 && (step % job.checkpointEvery === 0 || step === job.steps);
      if (!due) return false;
      const tensors = await Promise.all(namedTensors(source).map(([name, tensor]) => toSafetensor(name, tensor)));
      checkpoints.push({
        path: output.writeCheckpoint(step, serializeSafetensors(tensors, { step: String(step) })),
        step
      });
      return true;
    },
    useModel(weights) {
      defaultWeights = weights;
    },
    async resume(target) {
      if (job.resume?.kind !== "resume") return { firstStep: 1, extra: null };
      const variables = stateVariables(target.weights);
      const { step, extra } = await restoreState(
        tf,
        (name) => output.readStateFile(name),
        { variables, optimizer: target.optimizer ?? null },
        random
      );
      resumeFollowed = true;
      return { firstStep: step + 1, extra };
    },
    async stopAfter(step, target) {
      if (job.resume?.kind !== "stop" || step !== job.resume.step) return false;
      const parts = {
        step,
        variables: stateVariables(target.weights),
        optimizer: target.optimizer ?? null,
        extra: target.extra ?? null
      };
      for (const [name, bytes] of await captureState(parts, random)) output.writeStateFile(name, bytes);
      resumeFollowed = true;
      return true;
    },
    dropout(x, rate) {
      return rate === 0 ? x : tf.dropout(x, rate, void 0, random.nextSeed());
    }
  };
  return {
    context,
    linesLogged: () => linesLogged,
    divergence: () => divergence,
    checkpoints: () => [...checkpoints],
    resumeNotFollowed: () => job.resume === null || resumeFollowed ? null : resumeNotFollowedError(job.module, job.resume)
  };
}
function resumeNotFollowedError(module, request) {
  const what = request.kind === "stop" ? `was asked to stop after step ${request.step} and save its state, but never reached ctx.stopAfter(${request.step}, \u2026)` : "was asked to resume from a saved state, but never called ctx.resume(\u2026)";
  return new ReproError(`The trainer ${module} ${what}: it does not implement the exact-resume protocol`, {
    hint: "Call `const { firstStep } = await ctx.resume({ weights: model, optimizer })` before the loop, start the loop at firstStep, and end each step with `if (await ctx.stopAfter(step, { weights: model, optimizer })) return;` (docs/trainer.md)."
  });
}
function stateVariables(weights) {
  const holders = weightHolders(weights);
  if (holders !== null)
    return holders.flatMap(
      (holder) => holder.weights.map((variable) => ({
        name: variable.name,
        read: () => variable.read(),
        write: (value) => void variable.write(value)
      }))
    );
  return Object.entries(weights).map(([name, tensor]) => {
    const variable = tensor;
    if (typeof variable.assign !== "function")
      throw new TypeError(
        `ctx.resume/stopAfter: weights.${name} is a tensor, not a tf.Variable; a resumed state is written into variables`
      );
    return { name, read: () => tensor, write: (value) => variable.assign(value) };
  });
}
function divergedError(module, step, values) {
  const where = step === null ? "as a final value" : `at step ${step}`;
  const listed = values.map(({ name, value }) => `${name} = ${String(value)}`).join(", ");
  return new ReproError(
    `The trainer ${module} logged a non-finite value ${where}: ${listed}. The training diverged (NaN/Inf loss).`,
    {
      hint: "Lower the learning rate (trainer.options) or check the data for NaN or huge inputs and out-of-range labels. If the value may be non-finite on purpose, log it as a string (String(value): written, never compared) or leave it out of that log call."
    }
  );
}
function readValues(metrics, prefix) {
  const tree = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (isTensor(value)) {
      if (value.size !== 1)
        throw new TypeError(
          `log(step, metrics): ${prefix}${key} is a tensor of shape [${value.shape.join(", ")}]; log scalars`
        );
      tree[key] = value.dataSync()[0];
    } else
      tree[key] = typeof value === "object" && value !== null ? readValues(value, `${prefix}${key}.`) : value;
  }
  return tree;
}
function weightHolders(weights) {
  return Array.isArray(weights) ? weights : "weights" in weights && Array.isArray(weights.weights) ? [weights] : null;
}
function namedTensors(weights) {
  const holders = weightHolders(weights);
  if (holders === null) return Object.entries(weights);
  return holders.flatMap(
    (holder) => holder.weights.map((variable) => [variable.name, variable.read()])
  );
}
function isTensor(value) {
  return typeof value === "object" && value !== null && typeof value.dataSync === "function" && Array.isArray(value.shape);
}

// src/trainer/worker.ts
async function runJob(job) {
  if (job.strictDeterminism) Object.assign(process.env, STRICT_DETERMINISM_ENV);
  const backend = await loadBackend(checkBackendName(job.backend), job.backendSearchDirs, bundledBackends());
  for (const note of backend.notes) console.log(`repro-check trainer: ${note}`);
  const simd = backend.info.simd === void 0 ? "" : backend.info.simd ? ", SIMD" : ", no SIMD";
  console.log(
    `repro-check trainer: backend ${backend.info.name} ${backend.info.version} on ${backend.info.device}${simd}`
  );
  const mathRandomUse = guardMathRandom(job.seed);
  const train = await importTrainer(job.module);
  mkdirSync(path.join(job.outDir, "checkpoints"), { recursive: true });
  const metricsFd = openSync(path.join(job.outDir, METRICS_FILE), "w");
  const state = createTrainerContext(backend.tf, job, {
    appendMetricsLine: (text) => writeSync(metricsFd, `${text}
`),
    writeCheckpoint: (step, bytes) => {
      const relative = path.join("checkpoints", `step-${step}.safetensors`);
      writeFileSync(path.join(job.outDir, relative), bytes);
      return relative;
    },
    writeStateFile: (name, bytes) => writeFileSync(path.join(stateDir(job), name), bytes),
    readStateFile: (name) => {
      const file = path.join(stateDir(job), name);
      if (!existsSync(file))
        throw new ReproError(`The saved training state has no ${name} (looked for ${file})`, {
          hint: "Resume from the folder a first leg (REPRO_STOP_AT_STEP) saved into, left as it wrote it."
        });
      return readFileSync(file);
    }
  });
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  try {
    await train(state.context);
  } catch (error) {
    if (error === state.divergence()) throw error;
    const missingKernel = MISSING_KERNEL.exec(error instanceof Error ? error.message : "");
    if (missingKernel) {
      const [, op, backendName] = missingKernel;
      const calls = (error.stack ?? "").split("\n").filter((line) => line.includes(job.module));
      throw new ReproError(
        `The trainer ${job.module} uses the op ${op}, which the ${backendName} backend does not support (no kernel '${op}' for '${backendName}'); repro-check never falls back to another backend for one op.${calls.length > 0 ? `
${calls.join("\n")}` : ""}`,
        {
          hint: "Use a backend that has it (the README's built-in trainer section lists the layers and ops of each; backend: cpu runs every tfjs op), or avoid the op."
        }
      );
    }
    throw new ReproError(
      `The trainer ${job.module} threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`,
      {
        hint: "Fix the error in the trainer module; its stack is above."
      }
    );
  }
  const divergence = state.divergence();
  if (divergence) throw divergence;
  const notFollowed = state.resumeNotFollowed();
  if (notFollowed) throw notFollowed;
  if (state.linesLogged() === 0) {
    throw new ReproError(`The trainer ${job.module} finished without logging any metrics`, {
      hint: "Call ctx.log(step, { train: { loss } }) at each step; repro-check compares those series."
    });
  }
  const cpuUsed = process.cpuUsage(cpuAtStart);
  const training = {
    wallSeconds: (performance.now() - startedAt) / 1e3,
    cpuSeconds: (cpuUsed.user + cpuUsed.system) / 1e6
  };
  return { ok: true, backend: backend.info, training, checkpoints: state.checkpoints(), warnings: mathRandomUse() };
}
function stateDir(job) {
  if (job.resume === null) throw new Error("no resume state folder: the job is not a leg of a resume audit");
  return job.resume.stateDir;
}
var MISSING_KERNEL = /Kernel '(\w+)' not registered for backend '(\w+)'/;
function bundledBackends() {
  return {
    importTf: () => importCommonJs(import("./chunks/tf.node-U2GEBJ35.js")),
    importWasm: () => importCommonJs(import("./chunks/tf-backend-wasm.node-MKGJ6CNS.js")),
    wasmDir: wasmBinaryDir(
      import.meta.url,
      () => createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm")
    ),
    wasmSimd: process.env.REPRO_WASM_SIMD !== "0",
    fastCpuKernels: process.env.REPRO_CPU_KERNELS !== "stock"
  };
}
async function importCommonJs(loading) {
  const namespace = await loading;
  return namespace.default ?? namespace;
}
async function importTrainer(module) {
  let loaded;
  try {
    loaded = module === "builtin:smoke" ? await import("./chunks/smoke-HPUH2LXU.js") : await import(pathToFileURL(module).href);
  } catch (error) {
    if (error.code === "ERR_UNKNOWN_FILE_EXTENSION") {
      throw new ReproError(
        `Node ${process.versions.node} cannot load the trainer module ${module}: it does not know the file extension ${path.extname(module) || "(none)"}`,
        {
          hint: "trainer.module must be a .js or .mjs ES module (or .ts on Node 22.6 or later)."
        }
      );
    }
    throw new ReproError(
      `Could not load the trainer module ${module}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`
    );
  }
  if (typeof loaded.default !== "function") {
    throw new ReproError(`The trainer module ${module} has no default export function`, {
      hint: "Export `export default async function train(ctx) { ... }`."
    });
  }
  return loaded.default;
}
function guardMathRandom(seed) {
  const standIn = createRandom((seed ^ 1540483477) >>> 0);
  let calls = 0;
  let firstCaller = "";
  Math.random = () => {
    if (calls++ === 0) firstCaller = new Error().stack?.split("\n")[2]?.trim() ?? "unknown";
    return standIn.uniform();
  };
  return () => calls === 0 ? [] : [
    `The trainer called Math.random ${calls} time(s), first ${firstCaller}; repro-check replaced it with a generator seeded from the run's seed, so runs still repeat, but use ctx.random (seeded, shared with the data and batch order) instead.`
  ];
}
async function main() {
  const job = JSON.parse(process.argv[2] ?? "null");
  let result;
  try {
    result = await runJob(job);
  } catch (error) {
    result = error instanceof ReproError ? { ok: false, message: error.message, ...error.hint ? { hint: error.hint } : {} } : {
      ok: false,
      message: `The trainer worker failed: ${error instanceof Error ? error.message : String(error)}`,
      ...error instanceof Error && error.stack ? { stack: error.stack } : {}
    };
  }
  writeFileSync(path.join(job.outDir, TRAINER_RESULT_FILE), `${JSON.stringify(result, null, 2)}
`);
  process.exit(result.ok ? 0 : 2);
}
await main();
