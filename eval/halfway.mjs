// A title as a reader has it while typing its last word: that word cut to
// half its letters (at least two). Shared by eval/known-item.mjs and
// eval/peers.mjs, so that every engine is asked the very same text.
export function halfway(title) {
  const t = title.trimEnd();
  const start = t.lastIndexOf(' ') + 1;
  const last = [...t.slice(start)];
  return t.slice(0, start) + last.slice(0, Math.max(2, Math.ceil(last.length / 2))).join('');
}
