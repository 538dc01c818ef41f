import { isMap, isSeq, type Document, type LineCounter, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { configSchema } from './schema.ts';
import { closestMatch } from './suggest.ts';

/**
 * Where a settings problem is: the config file's line of the key at fault, or the input or flag
 * that gave it. Used by loadSettings (load.ts) to word every problem it reports.
 */

/** Problems listed in the message; the rest are counted (a file of 20,000 unknown keys gives one screen, not 20,000 lines). */
export const MAX_LISTED_PROBLEMS = 20;

/** What wording a problem needs: the origins of the top-level keys, and the parsed file to find lines in. */
export interface IssueContext {
  origins: Record<string, string>;
  /** The config file (its path names the lines), or null. */
  file: { path: string } | null;
  document: Document | null;
  lineCounter: LineCounter;
  knownKeys: string[];
  /** Each YAML map's pairs by key, built once: looking a key up per problem would make N problems cost N². */
  pairIndexes: Map<YAMLMap, Map<string, Pair>>;
}

/**
 * Every map key given twice in DOCUMENT, walked with an explicit stack (nesting depth is the
 * file's to choose); lines are 1-based. Pure; throws nothing.
 */
export function duplicateKeys(
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

/**
 * The problems one zod issue stands for, each prefixed with where it is (whereIs): one per
 * unknown key with a did-you-mean and the accepted keys (the first MAX_LISTED_PROBLEMS are
 * worded, the rest counted). Pure; throws nothing.
 */
export function describeIssue(issue: z.core.$ZodIssue, context: IssueContext): string[] {
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

/** "repro.yml:7: " for a key set in the file (with its line), `input "seed": ` for an explicit one, "" for a default. */
export function whereIs(path: string[], context: IssueContext): string {
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
