import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  loadSettings,
  readConfigFile
} from "./chunk-47OEPHDA.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/training-settings.ts
init_define_REPRO_CHART_LIBRARY();
var DEFAULT_CONFIG_FILE = "repro.yml";
async function settingsFromFlags(options) {
  const name = options.config ?? DEFAULT_CONFIG_FILE;
  const file = await readConfigFile({
    dir: options.cwd,
    name,
    given: options.config !== void 0,
    label: `--config ${name}`,
    showAbsolute: true,
    hint: "Give the path of a repro.yml, or run where one is."
  });
  const overrides = [];
  const flagProblems = [...options.flagProblems ?? []];
  for (const assignment of options.set) {
    const equals = assignment.indexOf("=");
    if (equals <= 0) flagProblems.push(`--set ${assignment}: expected key=value, e.g. --set tolerance.rtol=1e-4`);
    else
      overrides.push({
        key: assignment.slice(0, equals),
        value: assignment.slice(equals + 1),
        origin: `--set ${assignment.slice(0, equals)}`
      });
  }
  if (options.seed !== void 0) overrides.push({ key: "seed", value: options.seed, origin: "--seed" });
  if (file === null && !overrides.some((o) => o.key === "command" || o.key.split(".")[0] === "trainer")) {
    throw new ReproError(
      `No config file found: there is no ${DEFAULT_CONFIG_FILE} in ${options.cwd} (the current directory), and no --config was given`,
      {
        hint: `Pass --config path/to/repro.yml, or create ${DEFAULT_CONFIG_FILE} here, e.g.:
  command: python train.py --steps 200
  metrics: "{out}/metrics.jsonl"
(or, with no Python: trainer: { module: builtin:smoke })`
      }
    );
  }
  const settings = loadSettings({ file, overrides, problems: flagProblems });
  return { settings, configPath: file ? file.absolutePath : null };
}
async function trainingInvocation(input, io, log) {
  const { values } = input;
  const { settings, configPath } = await settingsFromFlags({
    cwd: io.cwd,
    config: values.config,
    set: values.set,
    seed: values.seed,
    flagProblems: input.flagProblems
  });
  log.debug(`settings: ${JSON.stringify(settings.config)}`);
  log.debug(`where each setting came from: ${JSON.stringify(settings.origins)}`);
  const context = {
    cwd: io.cwd,
    env: io.env,
    log,
    trainingOutput: { begin: () => void 0, line: (text) => io.stderr(`${text}
`), end: () => void 0 },
    pullRequest: null,
    ...io.signal ? { signal: io.signal } : {},
    now: () => /* @__PURE__ */ new Date()
  };
  return { settings, configPath, context };
}
function expectNoArguments(command, args) {
  if (args.length > 0) throw new ReproError(`${command} takes no arguments; got ${args.join(" ")}`);
}
function allowDirtyFlag(given, env) {
  if (given && env.GITHUB_ACTIONS === "true") {
    throw new ReproError(
      "--allow-dirty is refused in GitHub Actions (GITHUB_ACTIONS=true): a result there gates a pull request and must come from a commit",
      {
        hint: "Commit the change and push it; use --allow-dirty on your own machine."
      }
    );
  }
  return given;
}
function withAuditCounts(input) {
  const { runs, seeds, set } = input.values;
  const counts = [
    ...runs === void 0 ? [] : [`audit.runs=${runs}`],
    ...seeds === void 0 ? [] : [`audit.seeds=${seeds}`]
  ];
  return { ...input, values: { ...input.values, set: [...set, ...counts] } };
}

export {
  trainingInvocation,
  expectNoArguments,
  allowDirtyFlag,
  withAuditCounts
};
