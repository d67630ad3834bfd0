// Assembles search results from ordinals and scores that Rust passes as
// typed arrays. Document metadata arrives once per document (cacheDoc) and
// is reused, so a query decodes no strings but its snippets.

const docs = [];

export function cacheDoc(ord, id, title, url, fields) {
  docs[ord] = { id, title, url: url ?? null, fields };
}

const round = (x) => Math.round(x * 1e4) / 1e4;

export function makeResult(total, ords, scores, snippets, snippetEnds, highlights, suggestion, facets) {
  const hits = new Array(ords.length);
  let h = 0;
  let start = 0;
  for (let i = 0; i < ords.length; i++) {
    const d = docs[ords[i]];
    let snippet = '';
    const marks = [];
    if (snippets !== undefined && snippets !== null) {
      snippet = snippets.slice(start, snippetEnds[i]);
      start = snippetEnds[i];
      for (let n = highlights[h++]; n > 0; n--) marks.push([highlights[h++], highlights[h++]]);
    }
    hits[i] = {
      id: d.id,
      title: d.title,
      url: d.url,
      score: round(scores[i]),
      snippet,
      highlights: marks,
      fields: { ...d.fields },
    };
  }
  return { total, hits, suggestion: suggestion ?? null, facets };
}
