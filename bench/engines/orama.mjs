import { create, insertMultiple, search, save, load } from '@orama/orama';
import { stopwords } from '@orama/stopwords/english';

const schema = { id: 'string', title: 'string', body: 'string' };
// Orama's defaults keep stop words and stem nothing; variant `stemmed`
// is `plain` with its English stop-word list and stemmer, which lunr has
// by default.
// The tokenizer is not saved with the index, so loading makes it again.
const options = (variant) => (variant === 'stemmed'
  ? { schema, components: { tokenizer: { stemming: true, stopWords: stopwords } } }
  : { schema });

export default {
  name: 'orama',
  code: '@orama/orama/dist/browser/index.js',
  async build(docs, variant = null) {
    const db = create(options(variant));
    await insertMultiple(db, docs, 5000);
    return db;
  },
  serialize: (db) => JSON.stringify(save(db)),
  load(text, variant = null) {
    const db = create(options(variant));
    load(db, JSON.parse(text));
    return db;
  },
  // Variant `plain`: without typo tolerance (nor has `stemmed`).
  variants: ['plain'],
  // Variants that need their own index (eval/peers.mjs only).
  buildVariants: ['stemmed'],
  search(db, q, limit = 10, variant = null) {
    const tolerance = variant ? 0 : 1;
    const r = search(db, { term: q, properties: ['title', 'body'], boost: { title: 2 }, tolerance, limit });
    return r.hits.map((h) => [h.document.id, h.document.title]);
  },
};
