/**
 * A JSON reader that also accepts the three tokens Python's `json.dumps` writes for
 * non-finite floats by default (`allow_nan=True`): `NaN`, `Infinity`, `-Infinity`.
 * It is the fallback for text that `JSON.parse` refused, so it only has to be correct,
 * not fast. The tokens are recognised where a value may start, never inside strings, so
 * a string such as "NaN is bad" comes back unchanged.
 */

/** Deeper nesting than this is refused rather than risking a stack overflow. */
const MAX_DEPTH = 1000;

/** Thrown by parsePythonJson for text it cannot read: the problem, and the offset where reading stopped. */
export class PythonJsonSyntaxError extends SyntaxError {
  constructor(
    message: string,
    /** 0-based offset into the text where reading stopped. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'PythonJsonSyntaxError';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/**
 * Objects come back with a null prototype, so a key such as `__proto__` is an ordinary
 * property, as it is in what `JSON.parse` returns. A repeated key keeps its last value,
 * also as `JSON.parse` does.
 */
export function parsePythonJson(text: string): unknown {
  const reader = new Reader(text);
  const value = reader.value(0);
  reader.skipWhitespace();
  if (reader.position < text.length) reader.fail('unexpected text after the JSON value');
  return value;
}

class Reader {
  position = 0;

  constructor(private readonly text: string) {}

  fail(problem: string): never {
    throw new PythonJsonSyntaxError(problem, this.position);
  }

  skipWhitespace(): void {
    WHITESPACE.lastIndex = this.position;
    WHITESPACE.test(this.text);
    this.position = WHITESPACE.lastIndex;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    this.skipWhitespace();
    const char = this.text[this.position];
    switch (char) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      case 'N':
        return this.literal('NaN', NaN);
      case 'I':
        return this.literal('Infinity', Infinity);
      case '-':
        return this.text.startsWith('-Infinity', this.position) ? this.literal('-Infinity', -Infinity) : this.number();
      case undefined:
        return this.fail('unexpected end of text, expected a value');
      default:
        if (char >= '0' && char <= '9') return this.number();
        return this.fail(`unexpected ${JSON.stringify(char)}, expected a value`);
    }
  }

  private literal<T>(token: string, value: T): T {
    if (!this.text.startsWith(token, this.position))
      this.fail(
        `unexpected ${JSON.stringify(this.text.slice(this.position, this.position + token.length))}, expected a value`,
      );
    this.position += token.length;
    return value;
  }

  private number(): number {
    NUMBER.lastIndex = this.position;
    if (!NUMBER.test(this.text)) this.fail('malformed number');
    const start = this.position;
    this.position = NUMBER.lastIndex;
    const value = Number(this.text.slice(start, this.position));
    // Infinity has its own token; a literal that reads as infinite (1e400) is out of range, not infinity.
    if (!Number.isFinite(value)) {
      this.position = start;
      this.fail(`the number ${this.text.slice(start, NUMBER.lastIndex)} is outside the double range (beyond ±1.8e308)`);
    }
    return value;
  }

  private string(): string {
    const start = this.position;
    let index = start + 1;
    for (;;) {
      const code = this.text.charCodeAt(index);
      if (Number.isNaN(code)) {
        this.position = start;
        this.fail('unterminated string');
      }
      if (code === 0x22 /* " */) break;
      index += code === 0x5c /* \ */ ? 2 : 1;
    }
    this.position = index + 1;
    // JSON.parse checks the escapes and control characters exactly as the standard says.
    try {
      return JSON.parse(this.text.slice(start, this.position)) as string;
    } catch {
      this.position = start;
      return this.fail('malformed string (a bad escape or a raw control character)');
    }
  }

  private array(depth: number): unknown[] {
    const items: unknown[] = [];
    this.items(']', 'an array', () => items.push(this.value(depth + 1)));
    return items;
  }

  private object(depth: number): Record<string, unknown> {
    const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    this.items('}', 'an object', () => {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') this.fail('expected a quoted key in an object');
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.position] !== ':') this.fail("expected ':' after an object key");
      this.position++;
      object[key] = this.value(depth + 1);
    });
    return object;
  }

  /** Reads the comma-separated items of an array or object, from its opening bracket past CLOSE. */
  private items(close: ']' | '}', what: string, readItem: () => void): void {
    this.position++; // [ or {
    this.skipWhitespace();
    if (this.text[this.position] === close) {
      this.position++;
      return;
    }
    for (;;) {
      readItem();
      this.skipWhitespace();
      const char = this.text[this.position];
      if (char === close) {
        this.position++;
        return;
      }
      if (char !== ',') this.fail(`expected ',' or '${close}' in ${what}`);
      this.position++;
    }
  }
}
