/**
 * JSON cannot carry NaN, ±Infinity or -0. Run records and baselines write them as
 * the strings "NaN", "Infinity", "-Infinity", "-0" (DESIGN.md); finite doubles go out
 * in JavaScript's shortest round-trip form, which JSON.stringify already uses, so a
 * value read back is bit-identical.
 */
export type EncodedNumber = number | 'NaN' | 'Infinity' | '-Infinity' | '-0';

/** VALUE as it is written into JSON: finite numbers as they are, the rest as their names (see above). Pure. */
export function encodeNumber(value: number): EncodedNumber {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return value;
}

/**
 * The number a JSON field holds (a number, or one of the names encodeNumber writes).
 * @throws TypeError naming WHERE for anything else; callers reading a file wrap it in an
 *   InputFileError naming the file.
 */
export function decodeNumber(value: unknown, where: string): number {
  if (typeof value === 'number') return value;
  switch (value) {
    case 'NaN':
      return NaN;
    case 'Infinity':
      return Infinity;
    case '-Infinity':
      return -Infinity;
    case '-0':
      return -0;
    default:
      throw new TypeError(
        `${where}: expected a number or one of "NaN", "Infinity", "-Infinity", "-0", got ${JSON.stringify(value)}`,
      );
  }
}
