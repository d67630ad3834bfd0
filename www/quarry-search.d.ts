// Types for Quarry's JavaScript API (pkg/quarry.js) and <quarry-search>.

/** One ranked document. */
export interface QuarryHit {
  id: string;
  title: string;
  url: string | null;
  /** BM25F relevance, to four decimals; hits are ranked before rounding. */
  score: number;
  /** A window of body text; empty when `snippet: false`. */
  snippet: string;
  /** `[start, end)` of each matched word in `snippet`, in UTF-16 code units. */
  highlights: [number, number][];
  /** `[start, end)` of each matched word in `title`; empty when `snippet: false`. */
  titleHighlights: [number, number][];
  /** The document's metadata, e.g. `date` and `place`. */
  fields: Record<string, string | number>;
  /**
   * The part of an HTML page the snippet comes from, when a heading with an
   * id (or an API entry such as Sphinx's `os.path.join`) starts it and it is
   * not the page's first heading; null otherwise and with `snippet: false`.
   */
  section: { title: string; id: string; url: string; highlights: [number, number][] } | null;
}

export interface QuarryResults {
  /** Matching documents before `offset` and `limit`. */
  total: number;
  hits: QuarryHit[];
  /** A respelled query ("did you mean"), or null. */
  suggestion: string | null;
  /** Value counts over all matches: `{ place: { HANOI: 3 }, year: { "2024": 2 } }`. */
  facets: Record<string, Record<string, number>>;
  /**
   * No document has every word of the query (two or three words), and the
   * hits are those with some of them.
   */
  partial: boolean;
}

export interface QuarryOptions {
  /** Hits to return, 0–1000; default 10. */
  limit?: number;
  /** Hits to skip; default 0. */
  offset?: number;
  filters?: {
    place?: string;
    /** `"2024"`, `"2024-03"`, or a range with either end open. */
    date?: string | { from?: string; to?: string };
  };
  sort?: 'relevance' | 'date' | '-date';
  /** The last word completes as typed; default true. */
  prefix?: boolean;
  /** Words missing from the corpus match close spellings; default true. */
  fuzzy?: boolean;
  /**
   * A query of two or three words that no document has together finds the
   * documents with some of them (`partial` in the results); default true.
   */
  partial?: boolean;
  /** Make snippets; default true. */
  snippet?: boolean;
}

export interface QuarryStats {
  documents: number;
  terms: number;
  sections: { name: string; bytes: number; gzipBytes: number }[];
}

/**
 * `<quarry-search placeholder="…" limit="10" base="/docs/" autofocus>`;
 * `base` is the URL that hits' relative links are resolved against when one
 * is chosen (default: the page's own URL).
 */
export declare class QuarrySearch extends HTMLElement {
  /** The query in the box; setting it runs the search. */
  value: string;
  /** Results per page (the `limit` attribute, 1–100, default 10). */
  readonly limit: number;
  focus(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'quarry-search': QuarrySearch;
  }
  interface HTMLElementEventMap {
    /** A result was chosen; cancel it to stay on the page. */
    'quarry-select': CustomEvent<QuarryHit>;
    /** A search ran. */
    'quarry-results': CustomEvent<{ query: string; total: number; partial: boolean; ms: number }>;
    /** The module loaded. */
    'quarry-ready': CustomEvent<QuarryStats>;
  }
}
