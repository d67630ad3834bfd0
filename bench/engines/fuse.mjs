import Fuse from 'fuse.js';

const keys = [{ name: 'title', weight: 2 }, { name: 'body', weight: 1 }];
const options = { keys, ignoreLocation: true, threshold: 0.3 };

export default {
  name: 'fuse.js',
  code: 'fuse.js/dist/fuse.min.mjs',
  maxDocs: 10000,
  build(docs) {
    return { docs, index: Fuse.createIndex(keys, docs) };
  },
  serialize: ({ docs, index }) => JSON.stringify({ docs, index: index.toJSON() }),
  load(text) {
    const { docs, index } = JSON.parse(text);
    return new Fuse(docs, options, Fuse.parseIndex(index));
  },
  search: (fuse, q, limit = 10) => fuse.search(q, { limit }).map((r) => [r.item.id, r.item.title]),
};
