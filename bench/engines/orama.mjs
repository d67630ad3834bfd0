import { create, insertMultiple, search, save, load } from '@orama/orama';

const schema = { id: 'string', title: 'string', body: 'string' };

export default {
  name: 'orama',
  code: '@orama/orama/dist/browser/index.js',
  async build(docs) {
    const db = create({ schema });
    await insertMultiple(db, docs, 5000);
    return db;
  },
  serialize: (db) => JSON.stringify(save(db)),
  load(text) {
    const db = create({ schema });
    load(db, JSON.parse(text));
    return db;
  },
  // Variant `plain`: without typo tolerance.
  variants: ['plain'],
  search(db, q, limit = 10, variant = null) {
    const tolerance = variant === 'plain' ? 0 : 1;
    const r = search(db, { term: q, properties: ['title', 'body'], boost: { title: 2 }, tolerance, limit });
    return r.hits.map((h) => [h.document.id, h.document.title]);
  },
};
