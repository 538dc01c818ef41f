/**
 * Shared settings and generators of the fuzz properties (fast-check): a fixed seed so a failure
 * is replayed exactly, and run counts that keep all fuzz properties together under a minute on
 * the 2-core CI machine.
 */
import fc from 'fast-check';
import { ReproError } from '../../src/errors.ts';

/** Printed by fast-check with any counterexample; change it to explore new inputs, then fix it again. */
export const FUZZ_SEED = 20261130;

export function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns, endOnFailure: true };
}

/** Longest a single input may take: well above a normal run, far below a hang. */
export const MAX_MS_PER_INPUT = 10_000;

/**
 * Runs BODY on one input: it may return, or throw one of our error classes (a message for the
 * user); anything else (TypeError, RangeError: a crash with a stack) fails the property.
 */
export function returnsOrThrowsOurError(body: () => unknown): void {
  const started = performance.now();
  try {
    body();
  } catch (error) {
    if (!(error instanceof ReproError))
      throw new Error(`not one of our error classes: ${error instanceof Error ? error.stack : String(error)}`);
    if (/\n\s+at /.test(error.message)) throw new Error(`a stack trace in the message: ${error.message}`);
  }
  const elapsed = performance.now() - started;
  if (elapsed > MAX_MS_PER_INPUT) throw new Error(`took ${Math.round(elapsed)} ms`);
}

/** Metric-ish JSON values: numbers (and Python's non-finite tokens via JSON text), nested objects and arrays, the step keys. */
export const metricValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 8 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(
      fc.constantFrom('step', 'global_step', 'epoch', 'loss', 'eval', '__proto__', 'constructor', 'a.b', ''),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

/** One log line: usually an object with a step, sometimes anything at all. */
export const logLine: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      step: fc.oneof(fc.nat(20), fc.double(), fc.constant(-1)),
      metrics: fc.dictionary(fc.constantFrom('loss', 'acc', 'eval', 'lr', 'time'), metricValue, { maxKeys: 4 }),
    })
    .map(({ step, metrics }) => JSON.stringify({ step, ...metrics })),
  metricValue.map((value) => JSON.stringify(value) ?? 'null'),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '{"step": 1, "loss": NaN}',
    '{"step": 2, "loss": -Infinity}',
    '[[[[1]]]]',
    '{"step": 1, "v": [' + '1,'.repeat(2000) + '1]}',
    '{'.repeat(1200) + '}'.repeat(1200),
    '{"a":'.repeat(1200) + '1' + '}'.repeat(1200),
  ),
);

/** Whole metric files: JSONL, a JSON document, CSV/TSV-like text, or noise. */
export const metricFileText: fc.Arbitrary<string> = fc.oneof(
  fc.array(logLine, { maxLength: 12 }).map((lines) => lines.join('\n')),
  fc.array(metricValue, { maxLength: 5 }).map((entries) => JSON.stringify(entries)),
  fc
    .tuple(
      fc.array(fc.constantFrom('step', 'loss', 'acc', '', 'step'), { minLength: 1, maxLength: 4 }),
      fc.array(
        fc.array(fc.oneof(fc.double().map(String), fc.constant(''), fc.string({ maxLength: 4 })), { maxLength: 5 }),
        { maxLength: 6 },
      ),
      fc.constantFrom(',', '\t'),
    )
    .map(([header, rows, sep]) => [header.join(sep), ...rows.map((r) => r.join(sep))].join('\n')),
  fc.string({ maxLength: 200 }),
);
