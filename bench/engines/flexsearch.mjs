import FlexSearch from 'flexsearch';

const make = () => new FlexSearch.Document({
  tokenize: 'forward',
  document: { id: 'id', index: ['title', 'body'], store: ['title'] },
});

export default {
  name: 'flexsearch',
  code: 'flexsearch/dist/flexsearch.bundle.min.js',
  build(docs) {
    const index = make();
    for (const d of docs) index.add(d);
    return index;
  },
  async serialize(index) {
    const parts = {};
    await index.export((key, data) => { parts[key] = data; });
    return JSON.stringify(parts);
  },
  async load(text) {
    const index = make();
    const parts = JSON.parse(text);
    for (const [key, data] of Object.entries(parts)) await index.import(key, data);
    return index;
  },
  // Variant `suggest` lets a document match only some of the words (its
  // default needs every word).
  variants: ['suggest'],
  // Title results first (its boost), then body, as FlexSearch merges them.
  search(index, q, limit = 10, variant = null) {
    const res = index.search(q, { limit, enrich: true, merge: true, suggest: variant === 'suggest' });
    return res.slice(0, limit).map((r) => [r.id, r.doc?.title]);
  },
};
