// Timing shared by the benchmark's workers: every engine gets the same
// warm-up and the same passes.
import { gzipSync } from 'node:zlib';

export const gz = (buf) => gzipSync(buf, { level: 9 }).length;
export const now = () => performance.now();
export const gc = () => { if (global.gc) { global.gc(); global.gc(); } };
export const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

// Warm-up: passes over the log until 2 s have passed, at least one. One
// pass leaves V8 half-way: a WebAssembly function moves from its baseline
// code (Liftoff) to optimized code only after enough of it has run, and
// JavaScript tiers up the same way, so the timed passes would measure the
// tiering as much as the engine. A cap of 10 passes, as before, stopped the
// fast engines after 50 ms at 1,000 documents, before all of Quarry's
// functions had tiered up. Every engine gets the same time; the slow ones
// reach it in one pass.
function warmUp(queries, search) {
  const t = now();
  do {
    for (const q of queries) search(q);
  } while (now() - t < 2000);
}

// p50 and p95 in µs over `passes` timed passes, and the queries of the
// first pass that found nothing.
export function time(queries, search, passes = 3) {
  const { p50, p95, noAnswer } = timeEach(queries, search, passes);
  return { p50, p95, noAnswer };
}

// `time`, with which queries found something (`found`) and each query's
// times in ns (`each`), so that two engines can be compared over the
// queries both answer.
export function timeEach(queries, search, passes = 3) {
  warmUp(queries, search);
  const times = [];
  const each = queries.map(() => []);
  const found = queries.map(() => false);
  for (let p = 0; p < passes; p++) {
    queries.forEach((q, i) => {
      const t = now();
      const r = search(q);
      const dt = (now() - t) * 1000;
      times.push(dt);
      each[i].push(Math.round(dt * 1000));
      if (p === 0) found[i] = r.length > 0;
    });
  }
  const noAnswer = found.filter((f) => !f).length;
  return { p50: pct(times, 0.5), p95: pct(times, 0.95), noAnswer, found, each };
}
