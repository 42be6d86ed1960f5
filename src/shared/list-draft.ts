// The rows of a list that a run skips (kept in the list's draft, beside the list) and how the estimate says so.

export interface SkippedRow {
  /** The row as the user typed it. */
  value: string;
  /** Why the engine refuses it: "not a hashtag: contains "-": …". */
  reason: string;
}

/** "1 row skipped: slow-living — not a hashtag: …", or "" when none is. */
export function describeSkipped(rows: readonly SkippedRow[]): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, 5).map((r) => `${r.value} — ${r.reason}`);
  const more = rows.length > 5 ? `; and ${rows.length - 5} more` : '';
  return `${rows.length} row${rows.length === 1 ? '' : 's'} skipped: ${shown.join('; ')}${more}`;
}
