/**
 * GitHub's published REST description (`@octokit/openapi`, api.github.com) as a request checker
 * for the fake GitHub server: which operation a method + path is, and whether its query and JSON
 * body are what that operation accepts. Loaded once per process (13 MB of JSON, ~0.1 s); each
 * operation's schemas are dereferenced and compiled on first use only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext the default import is module.exports, whose .default is the plugin.
const addFormats = (addFormatsModule as unknown as { default: FormatsPlugin }).default;

type JsonObject = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
  'x-multi-segment'?: boolean;
}

interface Operation {
  operationId: string;
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonObject }> };
}

interface Spec {
  paths: Record<string, Record<string, unknown>>;
  components: JsonObject;
}

/** One operation of the description, as matched for a request. */
export interface MatchedOperation {
  operationId: string;
  /** The templated path from the description, e.g. `/repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  template: string;
  /** Path parameters, URL-decoded. */
  params: Record<string, string>;
}

interface CompiledRoute {
  template: string;
  method: string;
  operation: Operation;
  pattern: RegExp;
  paramNames: string[];
  /** Characters outside `{...}`: a more literal template wins when two match (`pulls/comments` over `pulls/{pull_number}`). */
  literalLength: number;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head']);

let cachedSpec: OpenApiRequestChecker | undefined;

/** The process-wide checker over api.github.com's description (loaded on first call). */
export function githubRequestChecker(): OpenApiRequestChecker {
  cachedSpec ??= new OpenApiRequestChecker(loadSpec());
  return cachedSpec;
}

function loadSpec(): Spec {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('@octokit/openapi/package.json'));
  return JSON.parse(readFileSync(path.join(packageDir, 'generated', 'api.github.com.json'), 'utf8')) as Spec;
}

export class OpenApiRequestChecker {
  private readonly routes: CompiledRoute[] = [];
  private readonly ajv: Ajv;
  private readonly bodyValidators = new Map<string, ValidateFunction | null>();
  private readonly queryValidators = new Map<string, ValidateFunction>();

  constructor(private readonly spec: Spec) {
    // strict: false tolerates OpenAPI/GitHub keywords (`example`, `x-github`, `discriminator`).
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    for (const [template, item] of Object.entries(spec.paths)) {
      const pathLevelParams = (item['parameters'] as Operation['parameters']) ?? [];
      for (const [method, value] of Object.entries(item)) {
        if (!HTTP_METHODS.has(method)) continue;
        const operation = value as Operation;
        const parameters = [...pathLevelParams, ...(operation.parameters ?? [])].map(
          (p) => this.resolve(p) as Parameter,
        );
        const multiSegment = new Set(
          parameters.filter((p) => p.in === 'path' && p['x-multi-segment']).map((p) => p.name),
        );
        const paramNames: string[] = [];
        const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_whole, name: string) => {
          paramNames.push(name);
          return multiSegment.has(name) ? '(.+)' : '([^/]+)';
        });
        this.routes.push({
          template,
          method: method.toUpperCase(),
          operation: { ...operation, parameters },
          pattern: new RegExp(`^${source}$`),
          paramNames,
          literalLength: template.replace(/\{\w+\}/g, '').length,
        });
      }
    }
  }

  /** The operation for METHOD + PATH (path without query), or null when the description has none. */
  match(method: string, requestPath: string): MatchedOperation | null {
    let best: { route: CompiledRoute; values: string[] } | undefined;
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const found = route.pattern.exec(requestPath);
      if (!found) continue;
      if (!best || route.literalLength > best.route.literalLength) best = { route, values: found.slice(1) };
    }
    if (!best) return null;
    const params: Record<string, string> = {};
    best.route.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(best.values[i] ?? '');
    });
    return { operationId: best.route.operation.operationId, template: best.route.template, params };
  }

  /** Whether METHOD + PATH exists under any other method (for a 404 message that says so). */
  methodsFor(requestPath: string): string[] {
    return this.routes.filter((r) => r.pattern.test(requestPath)).map((r) => r.method);
  }

  /**
   * Problems with the request's query and body for the matched operation, as readable lines;
   * empty when it is valid. `body` is undefined when the request had none.
   */
  validate(method: string, matched: MatchedOperation, query: Record<string, string>, body: unknown): string[] {
    const key = `${method.toUpperCase()} ${matched.template}`;
    const route = this.routes.find((r) => r.method === method.toUpperCase() && r.template === matched.template)!;
    const problems: string[] = [];

    const queryValidator = this.queryValidator(key, route);
    if (!queryValidator(coerceQuery(query, route))) problems.push(...formatErrors('query', queryValidator));

    const requestBody = route.operation.requestBody;
    if (body === undefined) {
      if (requestBody?.required) problems.push('body: required by the operation but missing');
      return problems;
    }
    if (!requestBody) {
      // GitHub ignores a body on operations without one, but our code never means to send one.
      problems.push('body: sent to an operation that takes none');
      return problems;
    }
    const bodyValidator = this.bodyValidator(key, route);
    if (bodyValidator === null)
      problems.push(`body: the operation takes ${Object.keys(requestBody.content ?? {}).join(', ')}, not JSON`);
    else if (!bodyValidator(body)) problems.push(...formatErrors('body', bodyValidator));
    return problems;
  }

  private queryValidator(key: string, route: CompiledRoute): ValidateFunction {
    let validator = this.queryValidators.get(key);
    if (!validator) {
      const queryParams = (route.operation.parameters as Parameter[]).filter((p) => p.in === 'query');
      const schema = {
        type: 'object',
        properties: Object.fromEntries(queryParams.map((p) => [p.name, this.deref(p.schema ?? {})])),
        required: queryParams.filter((p) => p.required).map((p) => p.name),
        additionalProperties: false,
      };
      validator = this.ajv.compile(schema);
      this.queryValidators.set(key, validator);
    }
    return validator;
  }

  private bodyValidator(key: string, route: CompiledRoute): ValidateFunction | null {
    if (!this.bodyValidators.has(key)) {
      const schema = route.operation.requestBody?.content?.['application/json']?.schema;
      this.bodyValidators.set(key, schema ? this.ajv.compile(this.deref(schema)) : null);
    }
    return this.bodyValidators.get(key)!;
  }

  private resolve(node: unknown): unknown {
    if (node && typeof node === 'object' && '$ref' in node && typeof node.$ref === 'string') {
      const pointer = node.$ref.replace(/^#\//, '').split('/');
      let target: unknown = this.spec;
      for (const segment of pointer) target = (target as JsonObject)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
      if (target === undefined) throw new Error(`openapi: unresolved $ref ${node.$ref}`);
      return target;
    }
    return node;
  }

  /** A copy of SCHEMA with every $ref inlined; a ref that recurses into itself accepts anything. */
  private deref(schema: unknown, open: Set<string> = new Set()): JsonObject {
    const walk = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(walk);
      if (!node || typeof node !== 'object') return node;
      if ('$ref' in node && typeof node.$ref === 'string') {
        if (open.has(node.$ref)) return {};
        open.add(node.$ref);
        const inlined = walk(this.resolve(node));
        open.delete(node.$ref);
        return inlined;
      }
      const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
      // OpenAPI 3.0's `nullable` next to oneOf/anyOf and no `type` (issues/update's `title`,
      // `milestone`): Ajv takes `nullable` only beside `type`, so spell it as "that, or null".
      if (copy['nullable'] === true && copy['type'] === undefined) {
        const { nullable: _nullable, ...rest } = copy;
        return { anyOf: [rest, { type: 'null' }] };
      }
      return copy;
    };
    return walk(schema) as JsonObject;
  }
}

/** Query strings are text: turn the values whose schema says integer/number/boolean into those. */
function coerceQuery(query: Record<string, string>, route: CompiledRoute): JsonObject {
  const types = new Map(
    (route.operation.parameters as Parameter[])
      .filter((p) => p.in === 'query')
      .map((p) => [p.name, p.schema?.['type']]),
  );
  return Object.fromEntries(
    Object.entries(query).map(([name, text]) => {
      const type = types.get(name);
      if ((type === 'integer' || type === 'number') && text.trim() !== '' && Number.isFinite(Number(text)))
        return [name, Number(text)];
      if (type === 'boolean' && (text === 'true' || text === 'false')) return [name, text === 'true'];
      return [name, text];
    }),
  );
}

function formatErrors(where: string, validator: ValidateFunction): string[] {
  return (validator.errors ?? []).map(
    (e) =>
      `${where}${e.instancePath || ''}: ${e.message ?? 'invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}
