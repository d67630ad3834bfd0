import MiniSearch from 'minisearch';

const options = { fields: ['title', 'body'], storeFields: ['title'], idField: 'id' };
const searchOptions = {
  boost: { title: 2 },
  fuzzy: 0.2,
  prefix: (term, i, terms) => i === terms.length - 1,
  combineWith: 'OR',
};

// Variant `plain`: BM25 alone, without typo tolerance or completion.
const plainOptions = { boost: { title: 2 }, combineWith: 'OR' };

export default {
  name: 'minisearch',
  code: 'minisearch/dist/umd/index.js',
  build(docs) {
    const ms = new MiniSearch(options);
    ms.addAll(docs);
    return ms;
  },
  serialize: (ms) => JSON.stringify(ms),
  load: (text) => MiniSearch.loadJSON(text, options),
  variants: ['plain'],
  search: (ms, q, limit = 10, variant = null) => ms.search(q, variant === 'plain' ? plainOptions : searchOptions).slice(0, limit).map((r) => [r.id, r.title]),
};
