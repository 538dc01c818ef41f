import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePythonJson, PythonJsonSyntaxError } from '../../src/metrics/python-json.ts';

describe('parsePythonJson', () => {
  it('reads what JSON.parse reads, to the same values', () => {
    const text = '{"a": [1, -2.5e-3, 0, true, false, null], "b": {"c": "x\\u00e9\\n\\"q\\""}, "a": 3, "__proto__": 4}';
    const parsed = parsePythonJson(text) as Record<string, unknown>;
    assert.deepEqual(JSON.stringify(parsed), JSON.stringify(JSON.parse(text)));
    assert.equal(parsed.__proto__, 4, '__proto__ is an ordinary key, as in JSON.parse');
  });

  it("reads Python's NaN, Infinity and -Infinity where a value starts, never inside strings", () => {
    const parsed = parsePythonJson(
      '[NaN, Infinity, -Infinity, "NaN is bad, -Infinity too", {"Infinity": NaN}]',
    ) as unknown[];
    assert.ok(Number.isNaN(parsed[0]));
    assert.equal(parsed[1], Infinity);
    assert.equal(parsed[2], -Infinity);
    assert.equal(parsed[3], 'NaN is bad, -Infinity too');
    assert.ok(Number.isNaN((parsed[4] as Record<string, number>).Infinity));
  });

  it('refuses what is not JSON, with the offset where reading stopped', () => {
    for (const [text, offset] of [
      ['{"a": nan}', 6],
      ['{"a": 1,}', 8],
      ['[1 2]', 3],
      ['{"a" 1}', 5],
      ['"open', 0],
      ['"bad \\x escape"', 0],
      ['01', 1],
      ['{"a": 1} x', 9],
      ['[', 1],
    ] as const) {
      assert.throws(
        () => parsePythonJson(text),
        (error: unknown) => error instanceof PythonJsonSyntaxError && error.offset === offset,
        text,
      );
    }
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    assert.throws(() => parsePythonJson('['.repeat(5000)), /nested more than 1000 levels/);
  });
});
