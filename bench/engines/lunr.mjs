import lunr from 'lunr';

export default {
  name: 'lunr',
  code: 'lunr/lunr.min.js',
  build(docs) {
    const titles = new Map(docs.map((d) => [d.id, d.title]));
    const index = lunr(function () {
      this.ref('id');
      this.field('title', { boost: 2 });
      this.field('body');
      for (const d of docs) this.add(d);
    });
    return { index, titles };
  },
  serialize: ({ index, titles }) => JSON.stringify({ index, titles: [...titles] }),
  load(text) {
    const { index, titles } = JSON.parse(text);
    return { index: lunr.Index.load(index), titles: new Map(titles) };
  },
  // Variant `plain`: the words alone, the last one not completed.
  variants: ['plain'],
  search({ index, titles }, q, limit = 10, variant = null) {
    // lunr's own syntax: OR of words, the last one completing as a prefix.
    const words = q.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    if (!words.length) return [];
    const last = (w) => (variant === 'plain' ? w : `${w} ${w}*`);
    const text = words.map((w, i) => (i === words.length - 1 ? last(w) : w)).join(' ');
    let res;
    try { res = index.search(text); } catch { return []; }
    return res.slice(0, limit).map((r) => [r.ref, titles.get(r.ref)]);
  },
};
