import YAML, { LineCounter, isMap, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { ReproError } from '../errors.ts';
import { configSchema, configKeys, TEXT_KEYS, type ReproConfig } from './schema.ts';
import { crossKeyProblems } from './cross-key-rules.ts';
import { closestMatch } from './suggest.ts';

export interface ConfigFile {
  path: string;
  text: string;
}

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

export interface LoadedSettings {
  config: ReproConfig;
  /** Where each top-level key's value came from: "default", the file path, or an input/flag name. */
  origins: Record<string, string>;
  /** Top-level keys given explicitly (action input or `--set`), as opposed to the file or a default. */
  explicitKeys: string[];
}

/** Problems listed in the message; the rest are counted (a file of 20,000 unknown keys gives one screen, not 20,000 lines). */
const MAX_LISTED_PROBLEMS = 20;

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
 * Pure: the caller reads the file and hands in a lookup. Every problem is collected and
 * reported at once, each naming the file line or the input and what would be accepted.
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

interface IssueContext {
  origins: Record<string, string>;
  file: ConfigFile | null;
  document: Document | null;
  lineCounter: LineCounter;
  knownKeys: string[];
  /** Each YAML map's pairs by key, built once: looking a key up per problem would make N problems cost N². */
  pairIndexes: Map<YAMLMap, Map<string, Pair>>;
}

/** Every map key given twice in DOCUMENT, walked with an explicit stack (nesting depth is the file's to choose). */
function duplicateKeys(
  document: Document,
  lineCounter: LineCounter,
): Array<{ key: string; line: number; firstLine: number }> {
  const found: Array<{ key: string; line: number; firstLine: number }> = [];
  const lineOf = (node: unknown) => {
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
    return offset === undefined ? 0 : lineCounter.linePos(offset).line;
  };
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Map<string, unknown>();
      for (const item of node.items) {
        const key = String((item.key as { value?: unknown })?.value ?? item.key);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, item.key);
        else found.push({ key, line: lineOf(item.key), firstLine: lineOf(first) });
        pending.push(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The problems one zod issue stands for: one per unknown key (the first MAX_LISTED_PROBLEMS are worded, the rest counted). */
function describeIssue(issue: z.core.$ZodIssue, context: IssueContext): string[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const siblings = path.length === 0 ? context.knownKeys : knownKeysAt(path);
    const worded = issue.keys.slice(0, MAX_LISTED_PROBLEMS);
    const rest = issue.keys.length - worded.length;
    return worded
      .map((key) => {
        const suggestion = closestMatch(key, siblings);
        const where = whereIs([...path, key], context);
        return `${where}unknown key "${[...path, key].join('.')}"${suggestion ? ` (did you mean "${[...path, suggestion].join('.')}"?)` : ''}; accepted: ${siblings.join(', ')}`;
      })
      .concat(
        rest > 0
          ? [`${rest} more unknown key${rest === 1 ? '' : 's'}${path.length > 0 ? ` under ${path.join('.')}` : ''}`]
          : [],
      );
  }
  return [`${whereIs(path, context)}${path.join('.') || '(top level)'}: ${issue.message}`];
}

function knownKeysAt(path: string[]): string[] {
  let schema: unknown = configSchema;
  for (const part of path) {
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    let next = shape?.[part];
    // Unwrap optional/default wrappers to reach the nested object's shape.
    while (next && !(next as { shape?: unknown }).shape && (next as { unwrap?: () => unknown }).unwrap)
      next = (next as { unwrap: () => unknown }).unwrap();
    // A map keyed by the user (metric-tolerances' globs): its values share one shape.
    if (!next && (schema as { valueType?: unknown }).valueType) next = (schema as { valueType: unknown }).valueType;
    while (next && !(next as { shape?: unknown }).shape && (next as { unwrap?: () => unknown }).unwrap)
      next = (next as { unwrap: () => unknown }).unwrap();
    if (!next) return [];
    schema = next;
  }
  return Object.keys((schema as { shape?: Record<string, unknown> }).shape ?? {});
}

/** "repro.yml:7: " for a key set in the file (with its line), `input "seed": ` for an explicit one. */
function whereIs(path: string[], context: IssueContext): string {
  const origin = path.length > 0 && Object.hasOwn(context.origins, path[0]!) ? context.origins[path[0]!] : undefined;
  if (origin && context.file && origin === context.file.path && context.document) {
    const node = findNode(context.document, path, context.pairIndexes);
    const offset = node?.range?.[0];
    const line = offset === undefined ? undefined : context.lineCounter.linePos(offset).line;
    return `${context.file.path}${line ? `:${line}` : ''}: `;
  }
  return origin && origin !== 'default' ? `${origin}: ` : '';
}

function findNode(
  document: Document,
  path: string[],
  indexes: Map<YAMLMap, Map<string, Pair>>,
): { range?: [number, number, number] | null } | undefined {
  // The deepest node that exists on the path, so a wrong nested value still gets its own line.
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? document.contents : document.getIn(path.slice(0, depth - 1), true);
    if (isMap(parent)) {
      let index = indexes.get(parent);
      if (!index) {
        // The first pair of a key, as the lookup by find() gave before; YAML refuses duplicate keys anyway.
        index = new Map();
        for (const item of parent.items) {
          const key = String((item.key as { value?: unknown })?.value ?? item.key);
          if (!index.has(key)) index.set(key, item as Pair);
        }
        indexes.set(parent, index);
      }
      const pair = index.get(path[depth - 1]!);
      if (pair)
        return (
          (pair.value as { range?: [number, number, number] } | null) ??
          (pair.key as { range?: [number, number, number] })
        );
    }
  }
  return undefined;
}
