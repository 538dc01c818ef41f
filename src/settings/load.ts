import YAML, { LineCounter, type Document } from 'yaml';
import { ReproError } from '../errors.ts';
import { configSchema, configKeys, TEXT_KEYS, type ReproConfig } from './schema.ts';
import { crossKeyProblems } from './cross-key-rules.ts';
import { describeIssue, duplicateKeys, MAX_LISTED_PROBLEMS, whereIs, type IssueContext } from './problem-location.ts';

/** A config file as read: PATH as the user named it (problems cite it with their line), TEXT its contents. */
export interface ConfigFile {
  path: string;
  text: string;
}

/** What loadSettings builds the settings from. */
export interface SettingsSources {
  /** The config file, when there is one. */
  file: ConfigFile | null;
  /** Explicit values by key (dotted keys reach into maps: `trainer.steps`). Strings are YAML-parsed except text keys. */
  overrides: Array<{ key: string; value: string; origin: string }>;
  /**
   * Problems the entry found in the invocation itself (a malformed `--set`, a bad `--format`,
   * an unknown action `mode`): reported together with the settings' own, so that one run
   * shows every problem at once.
   */
  problems?: string[];
  /** False for an invocation that trains nothing (the action's `mode: publish`): no command is required. Default true. */
  trains?: boolean;
  /**
   * The file is read for its tolerance keys only (`compare --config`): the rules between keys
   * that only a training needs (`command` or `trainer`, `metrics`) are not applied, so a file
   * holding just `tolerance:` is accepted. Every key is still checked.
   */
  toleranceKeysOnly?: boolean;
}

/** The settings, each key's default applied; code that acts on them takes their plans (plans.ts). */
export interface LoadedSettings {
  config: ReproConfig;
  /**
   * Where each top-level key's value came from: "default", the file path, or an input/flag name.
   * For the report's "tolerance … from" lines (modes/check-tolerance.ts) and debug logs only: no
   * decision depends on it.
   */
  origins: Record<string, string>;
  /** Top-level keys given explicitly (action input or `--set`), as opposed to the file or a default. */
  explicitKeys: string[];
}

/** Settings refused: every problem, each naming its file line or input and what is accepted (exit 2). */
export class SettingsError extends ReproError {
  constructor(readonly problems: string[]) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  - ${p}`);
    if (problems.length > MAX_LISTED_PROBLEMS) listed.push(`  - … and ${problems.length - MAX_LISTED_PROBLEMS} more`);
    super(`Invalid settings (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${listed.join('\n')}`, {
      hint: 'See the README\'s "Settings" section or schema/repro.schema.json for every key and what it accepts.',
    });
    this.name = 'SettingsError';
  }
}

/**
 * Builds the one typed settings object from, lowest to highest precedence: the schema's
 * defaults, the config file (repro.yml), then explicit inputs (action inputs or CLI `--set`).
 * Pure: the caller reads the file and hands in its text. Every problem is collected and
 * reported at once, each naming the file line or the input and what would be accepted.
 * @throws SettingsError listing every problem (with SOURCES.problems first).
 */
export function loadSettings(sources: SettingsSources): LoadedSettings {
  const problems: string[] = [...(sources.problems ?? [])];
  const origins: Record<string, string> = {};
  const explicitKeys = new Set<string>();
  const lineCounter = new LineCounter();
  let document: Document | null = null;
  let merged: Record<string, unknown> = {};

  if (sources.file) {
    // yaml's own duplicate-key check compares each key with every earlier one (20,000 keys: 15 s);
    // duplicates are found here instead, in one pass, with both lines.
    document = YAML.parseDocument(sources.file.text, { lineCounter, prettyErrors: true, uniqueKeys: false });
    for (const error of document.errors) {
      const line = error.linePos?.[0]?.line;
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      problems.push(`${sources.file.path}${line ? `:${line}` : ''}: YAML syntax error: ${message}`);
    }
    if (document.errors.length === 0) {
      for (const duplicate of duplicateKeys(document, lineCounter))
        problems.push(
          `${sources.file.path}:${duplicate.line}: key "${duplicate.key}" appears again (first on line ${duplicate.firstLine}); give each key once`,
        );
    }
    if (document.errors.length === 0) {
      const contents = document.toJS() as unknown;
      if (contents !== null && contents !== undefined) {
        if (typeof contents !== 'object' || Array.isArray(contents))
          problems.push(
            `${sources.file.path}: the top level must be a map of keys (command:, metrics:, ...), got ${Array.isArray(contents) ? 'a list' : typeof contents}`,
          );
        else merged = { ...(contents as Record<string, unknown>) };
      }
      for (const key of Object.keys(merged)) setOwn(origins, key, sources.file.path);
    }
  }

  for (const override of sources.overrides) {
    const path = override.key.split('.');
    const topKey = path[0]!;
    let value: unknown = override.value;
    if (!isTextValue(topKey, path.length, override.value)) {
      try {
        value = YAML.parse(override.value);
      } catch (error) {
        problems.push(`${override.origin}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
    }
    setPath(merged, path, value);
    setOwn(origins, topKey, override.origin);
    explicitKeys.add(topKey);
  }

  const knownKeys = configKeys();
  const parsed = configSchema.safeParse(merged);
  const issueContext: IssueContext = {
    origins,
    file: sources.file,
    document,
    lineCounter,
    knownKeys,
    pairIndexes: new Map(),
  };
  // A file that did not parse says nothing about which keys are set: no cross-key guesses then.
  if ((!document || document.errors.length === 0) && !sources.toleranceKeysOnly) {
    for (const { key, message } of crossKeyProblems(merged, { trains: sources.trains ?? true }))
      problems.push(`${whereIs([key], issueContext)}${message}`);
  }
  if (parsed.success && problems.length === 0) {
    for (const key of knownKeys) origins[key] ??= 'default';
    return { config: parsed.data, origins, explicitKeys: [...explicitKeys] };
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      for (const problem of describeIssue(issue, issueContext)) problems.push(problem);
  }
  throw new SettingsError(problems);
}

/**
 * Text keys are taken as written. `metrics` is text too (a path or glob such as `{out}/m.jsonl`
 * or `*.jsonl` is not valid YAML), unless it is written as a YAML map: `{train: a.jsonl}` or a
 * multi-line `prefix: path` block. The values of that map are paths, so `--set metrics.eval=...`
 * is text as well.
 */
function isTextValue(topKey: string, depth: number, value: string): boolean {
  if (topKey === 'metrics' && depth === 2) return true;
  if (depth > 1) return false;
  if (TEXT_KEYS.has(topKey)) return true;
  if (topKey !== 'metrics') return false;
  const trimmed = value.trim();
  const looksLikeMap = (trimmed.startsWith('{') && !trimmed.startsWith('{out}')) || /\n/.test(trimmed);
  return !looksLikeMap;
}

/**
 * Sets an own property, even one named `__proto__`: a plain assignment would set the object's
 * prototype instead (or reach Object.prototype through `--set __proto__.x=1`). Such a key then
 * stays an ordinary unknown key, reported with its line like any other.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = Object.hasOwn(node, part) ? node[part] : undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next)) setOwn(node, part, {});
    node = node[part] as Record<string, unknown>;
  }
  setOwn(node, path.at(-1)!, value);
}
