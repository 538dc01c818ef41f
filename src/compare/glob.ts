/**
 * Metric-name globs (DESIGN.md): a glob matches the whole name and `*` matches any
 * characters, dots and slashes included. `?` matches one character. Nothing else is special.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (const char of glob) {
    if (char === '*') pattern += '.*';
    else if (char === '?') pattern += '.';
    else pattern += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`, 's');
}

/** Whether NAME (a dotted metric name) matches any of GLOBS (from globToRegExp: whole-name matches). */
export function matchesAnyGlob(name: string, globs: readonly RegExp[]): boolean {
  return globs.some((glob) => glob.test(name));
}
