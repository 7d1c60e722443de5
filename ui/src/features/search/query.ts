// The search query lives in the URL (`/search?q=…`), so Back returns to the same results.
// With hash routing wouter keeps it in the page's real query string (`?q=…#/search`), and
// wouter's useSearch reads it there; in tests the memory location keeps it after the path.

/** The id of the search page's field (the header box hands focus to it). */
export const SEARCH_INPUT_ID = "search-page-input";

export function searchPath(query: string): string {
  return `/search?q=${encodeURIComponent(query)}`;
}

/** The query in a search string such as "?q=ledger" or "q=ledger". */
export function queryOf(search: string): string {
  return new URLSearchParams(search).get("q") ?? "";
}
