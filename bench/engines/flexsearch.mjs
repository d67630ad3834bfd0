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
  // Title results first (its boost), then body, as FlexSearch merges them.
  search(index, q) {
    const res = index.search(q, { limit: 10, enrich: true, merge: true });
    return res.slice(0, 10).map((r) => [r.id, r.doc?.title]);
  },
};
