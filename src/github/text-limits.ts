/**
 * GitHub's size limits on text we send, enforced here so that an oversized report becomes a
 * truncated one with a visible note, never a refused API call.
 */

/** Issue and PR comment bodies. */
export const COMMENT_BODY_LIMIT = 65_536;
/** Check run `output.summary` (and `output.text`). */
export const CHECK_SUMMARY_LIMIT = 65_535;
/** Commit status `description`. */
export const STATUS_DESCRIPTION_LIMIT = 140;
/** Check run `output.title` is not documented as limited; keep it to one readable line. */
export const CHECK_TITLE_LIMIT = 255;

/**
 * TEXT cut to at most LIMIT UTF-16 code units (GitHub counts characters, which are never more),
 * ending with NOTE on its own paragraph. A cut inside a code fence or an open `<details>` closes
 * them first, so the note renders as text and the rest of the page is not swallowed.
 */
export function fitMarkdown(text: string, limit: number, note: string): string {
  if (text.length <= limit) return text;
  const tail = `\n\n${note}`;
  let cut = cutAtLineEnd(text, limit - tail.length);
  // Closing what the cut left open costs characters: shrink until body + closers + note fit.
  for (;;) {
    const closers = closersFor(cut);
    const room = limit - tail.length - closers.length;
    if (cut.length <= room) return `${cut}${closers}${tail}`;
    cut = cutAtLineEnd(cut, room);
  }
}

/** TEXT on one line and at most LIMIT characters, ending with `…` when cut (for descriptions and titles). */
export function fitLine(text: string, limit: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= limit ? line : `${cutAt(line, limit - 1).trimEnd()}…`;
}

/** How far back a cut may move to end on a whole line (a table row, a code line) instead of mid-line. */
const LINE_END_SEARCH = 2000;

function cutAtLineEnd(text: string, length: number): string {
  const cut = cutAt(text, length);
  if (cut.length === text.length) return cut;
  const lineEnd = cut.lastIndexOf('\n');
  return lineEnd > 0 && lineEnd >= cut.length - LINE_END_SEARCH ? cut.slice(0, lineEnd) : cut;
}

/** The first LENGTH code units of TEXT, one fewer when that would split a surrogate pair. */
function cutAt(text: string, length: number): string {
  if (length <= 0) return '';
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

function closersFor(markdown: string): string {
  let closers = '';
  const fences = markdown.match(/^\s{0,3}(```|~~~)/gm) ?? [];
  if (fences.length % 2 === 1) closers += `\n${fences[fences.length - 1]!.trim()}`;
  const opened = (markdown.match(/<details[\s>]/g) ?? []).length;
  const closed = (markdown.match(/<\/details>/g) ?? []).length;
  for (let i = closed; i < opened; i += 1) closers += '\n</details>';
  return closers;
}
