// The name an answer is cached under: what was asked, never who asked (no key, no base URL).

/**
 * The cache key of a call: the endpoint path and its parameters sorted by name, e.g.
 * `/challenge-posts/?challenge_id=42&count=30&cursor=0`. Never the key, never the base URL.
 */
export function cacheKey(endpoint: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ).toString();
  return query ? `${endpoint}?${query}` : endpoint;
}
