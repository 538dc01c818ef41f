import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/github/text-limits.ts
init_define_REPRO_CHART_LIBRARY();
var COMMENT_BODY_LIMIT = 65536;
var CHECK_SUMMARY_LIMIT = 65535;
var STATUS_DESCRIPTION_LIMIT = 140;
var CHECK_TITLE_LIMIT = 255;
function fitMarkdown(text, limit, note) {
  if (text.length <= limit) return text;
  const tail = `

${note}`;
  let cut = cutAtLineEnd(text, limit - tail.length);
  for (; ; ) {
    const closers = closersFor(cut);
    const room = limit - tail.length - closers.length;
    if (cut.length <= room) return `${cut}${closers}${tail}`;
    cut = cutAtLineEnd(cut, room);
  }
}
function fitLine(text, limit) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= limit ? line : `${cutAt(line, limit - 1).trimEnd()}\u2026`;
}
var LINE_END_SEARCH = 2e3;
function cutAtLineEnd(text, length) {
  const cut = cutAt(text, length);
  if (cut.length === text.length) return cut;
  const lineEnd = cut.lastIndexOf("\n");
  return lineEnd > 0 && lineEnd >= cut.length - LINE_END_SEARCH ? cut.slice(0, lineEnd) : cut;
}
function cutAt(text, length) {
  if (length <= 0) return "";
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 55296 && last <= 56319 ? length - 1 : length);
}
function closersFor(markdown) {
  let closers = "";
  const fences = markdown.match(/^\s{0,3}(```|~~~)/gm) ?? [];
  if (fences.length % 2 === 1) closers += `
${fences[fences.length - 1].trim()}`;
  const opened = (markdown.match(/<details[\s>]/g) ?? []).length;
  const closed = (markdown.match(/<\/details>/g) ?? []).length;
  for (let i = closed; i < opened; i += 1) closers += "\n</details>";
  return closers;
}

export {
  COMMENT_BODY_LIMIT,
  CHECK_SUMMARY_LIMIT,
  STATUS_DESCRIPTION_LIMIT,
  CHECK_TITLE_LIMIT,
  fitMarkdown,
  fitLine
};
