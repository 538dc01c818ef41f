#!/usr/bin/env node
import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  EXIT_BAD_INPUT,
  EXIT_DRIFT,
  EXIT_PASS,
  ReproError,
  describeError
} from "./chunks/chunk-BKTBR2MQ.js";
import {
  writeFileAtomic
} from "./chunks/chunk-UCXDISJA.js";
import "./chunks/chunk-GFWGNPAP.js";

// src/cli/main.ts
import { parseArgs } from "node:util";
import path from "node:path";
import { copyFile } from "node:fs/promises";

// src/log.ts
function streamLogger(write, verbose = false) {
  return {
    info: (message) => write(`${message}
`),
    warning: (message, where) => write(`warning: ${where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ` : ""}${message}
`),
    error: (message) => write(`error: ${message}
`),
    debug: (message) => {
      if (verbose) write(`debug: ${message}
`);
    },
    group: async (name, body) => {
      write(`\u2500\u2500 ${name}
`);
      return body();
    }
  };
}

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
    schema: "node scripts/build.mjs --schema-only"
  },
  devDependencies: {
    "@actions/artifact": "6.2.1",
    "@actions/core": "3.0.1",
    "@actions/exec": "3.0.0",
    "@actions/github": "9.1.1",
    "@octokit/openapi": "23.0.2",
    "@octokit/plugin-retry": "8.1.1",
    "@octokit/plugin-throttling": "11.0.5",
    "@octokit/webhooks-examples": "7.6.1",
    "@tensorflow/tfjs": "4.22.0",
    "@types/node": "20.19.43",
    ajv: "8.20.0",
    "ajv-formats": "3.0.1",
    bottleneck: "2.19.5",
    c8: "12.0.0",
    esbuild: "0.28.2",
    "simple-git": "4.0.2",
    tsx: "4.23.15",
    typescript: "5.9.3",
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
  }
};

// src/version.ts
var VERSION = package_default.version;

// src/cli/main.ts
var USAGE = `repro-check ${VERSION} \u2014 reproducibility checks for ML training

Usage:
  repro-check check [--config F] [--set KEY=VALUE]... [--seed N] [--format markdown|json] [-o RECORD.json]
      Refuse an unclean tree, run the seeded training, compare with the baseline, report.
  repro-check baseline update [--config F] [--set KEY=VALUE]... [--seed N]
      Refuse an unclean tree, run the training, write the baseline file (commit it yourself).
  repro-check run [--config F] [--set KEY=VALUE]... [--seed N] [-o RECORD.json]
      Run the training and write its run record, without comparing.
  repro-check compare BASELINE CURRENT [--rtol R] [--atol A] [--exact] [--config F] [--metric GLOB]... [--ignore GLOB]... [--format markdown|json] [-o VERDICT.json]
      Compare two metric files, run records or baselines (told apart by content).
  repro-check env [--format json|text] [-o FINGERPRINT.json]
      Print this machine's environment fingerprint.

Options:
  --config F        settings file (default: repro.yml in the current directory, when present)
  --set KEY=VALUE   override a setting; dotted keys reach into maps (--set trainer.steps=50)
  --seed N          same as --set seed=N
  -o, --out FILE    also write the machine-readable result to FILE: the run record (check, run),
                    the verdict JSON (compare), the fingerprint JSON (env)
  -v, --verbose     debug output on stderr
  -h, --help        this help;  --version  the version

Exit codes: 0 pass, 1 drift or non-determinism, 2 bad input, bad config, unclean tree or failed training.
`;
var COMMON_OPTIONS = {
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
  ignore: { type: "string", multiple: true, default: [] }
};
var COMMAND_OPTIONS = {
  check: ["config", "set", "seed", "format", "out", "verbose"],
  baseline: ["config", "set", "seed", "verbose"],
  run: ["config", "set", "seed", "out", "verbose"],
  compare: ["rtol", "atol", "exact", "config", "metric", "ignore", "format", "out", "verbose"],
  env: ["format", "out", "verbose"]
};
function optionLabel(name) {
  const short = COMMON_OPTIONS[name].short;
  return short ? `-${short}/--${name}` : `--${name}`;
}
function commandLabel(command) {
  return command === "baseline" ? "baseline update" : command;
}
function notAnOptionOf(command, flags) {
  const accepted = COMMAND_OPTIONS[command];
  const what = accepted ? `not an option of \`${commandLabel(command)}\`; it accepts ${accepted.map(optionLabel).join(", ")}` : "not an option of repro-check";
  return new ReproError(`${flags.join(", ")}: ${what}`, { hint: "Run `repro-check --help` for every command and its options." });
}
function refuseForeignOptions(command, parsed) {
  const accepted = COMMAND_OPTIONS[command];
  if (!accepted) return;
  const given = new Set(parsed.tokens.filter((t) => t.kind === "option").map((t) => t.name));
  const foreign = [...given].filter((name) => !accepted.includes(name) && name !== "help" && name !== "version");
  if (foreign.length > 0) throw notAnOptionOf(command, foreign.map((n) => `--${n}`));
}
function parseCommandLine(argv) {
  try {
    return parseArgs({ args: argv, options: COMMON_OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    if (error.code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new ReproError(error.message, { hint: "Run `repro-check --help` for usage." });
    const lenient = parseArgs({ args: argv, options: COMMON_OPTIONS, allowPositionals: true, strict: false, tokens: true });
    const unknown = lenient.tokens.flatMap((t) => t.kind === "option" && !Object.hasOwn(COMMON_OPTIONS, t.name) ? [t.rawName] : []);
    throw notAnOptionOf(lenient.positionals[0] ?? "", [...new Set(unknown)]);
  }
}
async function runCli(argv, io) {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    io.stderr(`repro-check: ${describeError(error)}
`);
    return EXIT_BAD_INPUT;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}
`);
    return EXIT_PASS;
  }
  if (values.help || positionals.length === 0) {
    io.stdout(USAGE);
    return positionals.length === 0 && !values.help ? EXIT_BAD_INPUT : EXIT_PASS;
  }
  const log = streamLogger(io.stderr, values.verbose);
  try {
    const [command, ...rest] = positionals;
    refuseForeignOptions(command, parsed);
    const { format, problem: formatProblem } = parseFormat(values.format, command === "env" ? ["text", "json"] : ["markdown", "json"]);
    switch (command) {
      case "compare": {
        const { runCompareCommand } = await import("./chunks/compare-command-K46GFUDJ.js");
        return await runCompareCommand({ files: rest, cwd: io.cwd, rtol: values.rtol, atol: values.atol, exact: values.exact, include: values.metric, ignore: values.ignore, format, out: values.out, config: values.config, flagProblems: formatProblem ? [formatProblem] : [] }, io);
      }
      case "env": {
        expectNoArguments(command, rest);
        if (formatProblem) throw new ReproError(formatProblem);
        const { collectEnvironment, execText } = await import("./chunks/fingerprint-XL63WV3H.js");
        const fingerprint = await collectEnvironment({ cwd: io.cwd, fingerprintPaths: [], env: io.env, exec: execText });
        io.stdout(format === "json" ? JSON.stringify(fingerprint, null, 2) + "\n" : describeEnvironment(fingerprint));
        if (values.out) await writeFileAtomic(path.resolve(io.cwd, values.out), JSON.stringify(fingerprint, null, 2) + "\n");
        return EXIT_PASS;
      }
      case "check":
      case "run":
      case "baseline":
        return await runTrainingCommand(command, rest, values, { format, problem: formatProblem }, io, log);
      default:
        throw new ReproError(`unknown command "${command}"; accepted: check, baseline update, run, compare, env`);
    }
  } catch (error) {
    log.error(describeError(error));
    return EXIT_BAD_INPUT;
  }
}
async function runTrainingCommand(command, rest, values, { format, problem: formatProblem }, io, log) {
  if (command === "baseline") {
    if (rest[0] !== "update" || rest.length !== 1) throw new ReproError(`baseline takes one subcommand, "update"; got ${rest.join(" ") || "none"}`);
  } else expectNoArguments(command, rest);
  const { settingsFromFlags } = await import("./chunks/settings-from-flags-T7NORZJJ.js");
  const { settings, configPath } = await settingsFromFlags({ cwd: io.cwd, config: values.config, set: values.set, seed: values.seed, flagProblems: formatProblem ? [formatProblem] : [] });
  log.debug(`settings: ${JSON.stringify(settings.config)}`);
  log.debug(`where each setting came from: ${JSON.stringify(settings.origins)}`);
  const context = {
    cwd: io.cwd,
    env: io.env,
    log,
    trainingOutput: { line: (text) => io.stderr(`${text}
`), end: () => void 0 },
    pullRequest: null,
    ...io.signal ? { signal: io.signal } : {},
    now: () => /* @__PURE__ */ new Date()
  };
  if (command === "baseline") {
    const { runBaselineUpdate } = await import("./chunks/baseline-SEPG4N67.js");
    const result2 = await runBaselineUpdate(settings, context);
    io.stdout(`Baseline written to ${result2.baselineRepoPath}. Commit it:
  git add ${result2.baselineRepoPath} && git commit -m "Update repro-check baseline"
`);
    return EXIT_PASS;
  }
  if (command === "run") {
    const { recordOnly } = await import("./chunks/record-only-VQ5M364R.js");
    const result2 = await recordOnly(settings, context);
    if (values.out) await copyFile(result2.recordPath, path.resolve(io.cwd, values.out));
    io.stdout(`Run record: ${values.out ? path.resolve(io.cwd, values.out) : result2.recordPath}
`);
    return EXIT_PASS;
  }
  const { runCheck } = await import("./chunks/check-452IJM5I.js");
  const result = await runCheck({ settings, configPath, onMissingBaseline: "fail" }, context);
  if (values.out) await copyFile(result.recordPath, path.resolve(io.cwd, values.out));
  if (format === "json" && result.verdict) {
    const { checkReportToJson } = await import("./chunks/json-RSTA42E2.js");
    io.stdout(JSON.stringify(checkReportToJson({ ...result.report, verdict: result.verdict }), null, 2) + "\n");
  } else io.stdout(result.markdown);
  log.info(`Run record: ${result.recordPath}
Report: ${result.reportPath}`);
  return result.exitCode === EXIT_DRIFT ? EXIT_DRIFT : result.exitCode;
}
function parseFormat(format, accepted) {
  if (format === void 0 || accepted.includes(format)) return { format: format ?? accepted[0], problem: null };
  return { format: accepted[0], problem: `--format ${format}: not accepted; accepted: ${accepted.join(", ")}` };
}
function expectNoArguments(command, rest) {
  if (rest.length > 0) throw new ReproError(`${command} takes no arguments; got ${rest.join(" ")}`);
}
function describeEnvironment(fingerprint) {
  const lines = [
    `os: ${fingerprint.os.platform} ${fingerprint.os.release} ${fingerprint.os.arch}`,
    `cpu: ${fingerprint.cpu.model} (${fingerprint.cpu.cores} cores)`,
    `node: ${fingerprint.node}`,
    `python: ${fingerprint.python ?? "not found"}`,
    `gpu: ${fingerprint.gpu ? `driver ${fingerprint.gpu.driver}, CUDA ${fingerprint.gpu.cuda}` : "none (nvidia-smi not found)"}`,
    ...(fingerprint.gpu?.devices ?? []).map((d) => `  [${d.index}] ${d.name} ${d.uuid}`),
    ...Object.entries(fingerprint.files).map(([file, hash]) => `file ${file}: sha256 ${hash}`)
  ];
  return lines.join("\n") + "\n";
}

// src/cli.ts
var controller = new AbortController();
process.once("SIGINT", () => controller.abort());
process.once("SIGTERM", () => controller.abort());
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: controller.signal
});
