// Settings merged field by field: an edit applies only the fields it changed to the file as it is now, and two
// computers' copies of tagfit.json become one, the newer copy winning each field where they differ (and said).

type Fields = Record<string, unknown>;

/** Stable JSON of a value, keys sorted, so field comparisons ignore key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Fields)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The top-level fields whose value differs between two settings objects (a field set in only one counts). */
export function changedFields(before: Fields, after: Fields): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !sameValue(before[k], after[k])).sort();
}

/** `current` with only the fields the edit (`base` → `edited`) changed set (or removed) as the edit has them. */
export function applyEdit<T extends Fields>(current: T, base: Fields, edited: Fields): T {
  const out: Fields = { ...current };
  for (const k of changedFields(base, edited)) {
    if (edited[k] === undefined) delete out[k];
    else out[k] = edited[k];
  }
  return out as T;
}

export interface SettingsCopy {
  /** The file, for the list of what differed. */
  file: string;
  value: Fields;
  /** When the copy was last written (its file time): the newer wins where copies differ. */
  mtimeMs: number;
}

export interface SettingsMerge {
  merged: Fields;
  /** One line per field the copies set differently: which value was kept, from which file, and the other. */
  differed: string[];
}

/**
 * Merges copies of tagfit.json field by field. A field only one copy sets is kept; where copies set a field
 * differently the most recently written copy wins and the field is listed, since no file says which edit was meant.
 */
export function mergeSettingsCopies(copies: readonly SettingsCopy[]): SettingsMerge {
  const newestFirst = [...copies].sort((a, b) => b.mtimeMs - a.mtimeMs);
  const merged: Fields = {};
  const differed: string[] = [];
  const keys = new Set(newestFirst.flatMap((c) => Object.keys(c.value)));
  for (const k of [...keys].sort()) {
    const setters = newestFirst.filter((c) => c.value[k] !== undefined);
    const kept = setters[0]!;
    merged[k] = kept.value[k];
    const others = setters.filter((c) => !sameValue(c.value[k], kept.value[k]));
    if (others.length > 0)
      differed.push(
        `${k}: kept ${canonical(kept.value[k])} (${kept.file}, the newer); ` +
          others.map((o) => `${o.file} had ${canonical(o.value[k])}`).join('; '),
      );
  }
  return { merged, differed };
}
