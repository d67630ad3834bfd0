import MiniSearch from 'minisearch';

const options = { fields: ['title', 'body'], storeFields: ['title'], idField: 'id' };
const searchOptions = {
  boost: { title: 2 },
  fuzzy: 0.2,
  prefix: (term, i, terms) => i === terms.length - 1,
  combineWith: 'OR',
};

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
  search: (ms, q) => ms.search(q, searchOptions).slice(0, 10).map((r) => [r.id, r.title]),
};
