// The command palette's matching, as VS Code's quick open: the letters typed in order anywhere in a title ("exrep"
// finds "Export reports"), ranked so that letters starting words and running together come first.

const WORD_START = /[\s:.\-(/]/;

/** How well `query` matches `title` (higher is better), or null when its letters are not all there in order. */
export function fuzzyScore(query: string, title: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return 0;
  const t = title.toLowerCase();
  // best[i][j]: the best score for q[i..] with the previous letter matched at j - 1 (j = 0: none yet).
  const memo = new Map<number, number | null>();
  const best = (i: number, from: number, prev: number): number | null => {
    if (i === q.length) return 0;
    const key = i * 1000 + prev + 1;
    if (memo.has(key)) return memo.get(key)!;
    let top: number | null = null;
    for (let j = t.indexOf(q[i]!, from); j >= 0; j = t.indexOf(q[i]!, j + 1)) {
      const rest = best(i + 1, j + 1, j);
      if (rest === null) continue;
      const here =
        1 + (j === 0 || WORD_START.test(t[j - 1]!) ? 8 : 0) + (prev >= 0 && j === prev + 1 ? 5 : 0);
      if (top === null || here + rest > top) top = here + rest;
    }
    memo.set(key, top);
    return top;
  };
  const score = best(0, 0, -1);
  if (score === null) return null;
  const plain = query.trim().toLowerCase();
  // The words as typed, whole, beat letters found apart; a shorter title beats a longer one at the same match.
  return score + (t.startsWith(plain) ? 40 : t.includes(plain) ? 25 : 0) - t.length / 100;
}

/** The items whose title matches, best first (ties keep their order); all of them, in order, for an empty query. */
export function fuzzyFilter<T extends { title: string }>(query: string, items: readonly T[]): T[] {
  if (query.trim() === '') return [...items];
  return items
    .map((item, i) => ({ item, i, score: fuzzyScore(query, item.title) }))
    .filter((x): x is { item: T; i: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.item);
}
