// Which of a competitor's hashtags to offer as candidates, and what Add says it did: a tag with no discovery value
// (a mega tag such as #viral) or excluded in every region is not added unless the user ticks it, and never silently.
import type { CompetitorTag } from './decode';
import { hashtagKey } from './hashtag';
import { MEGA_TAGS } from './mega-tags';

export interface AddAdvice {
  /** Ticked for Add by default. */
  add: boolean;
  /** Why it is not, in a word or two ("generic", "excluded in every region"). */
  why?: string;
}

/** A decoded tag, judged as a candidate: generic, excluded everywhere and saturated everywhere are left out. */
export function addAdvice(t: Pick<CompetitorTag, 'tag' | 'regions'>): AddAdvice {
  if (MEGA_TAGS.has(hashtagKey(t.tag))) return { add: false, why: 'generic' };
  const standings = Object.values(t.regions);
  if (standings.length > 0 && standings.every((s) => s.status === 'excluded'))
    return { add: false, why: 'excluded in every region' };
  const ranked = standings.filter((s) => s.status === 'ranked');
  if (ranked.length > 0 && ranked.every((s) => s.flags.includes('saturated')))
    return { add: false, why: 'saturated' };
  return { add: true };
}

/** "Added #a, #b to Candidates; skipped #viral (generic)": what Add did, the tags left out with why. */
export function describeAdded(
  added: readonly string[],
  skipped: readonly { tag: string; why: string }[],
  list = 'Candidates',
): string {
  const tags = (ts: readonly string[]): string => ts.map((t) => `#${t}`).join(', ');
  const did = added.length > 0 ? `Added ${tags(added)} to ${list}` : `Added nothing to ${list}`;
  // A long list of left-out tags says the first few and how many more: each has its note in the table.
  const shown = skipped.slice(0, 8).map((s) => `#${s.tag} (${s.why})`);
  const left = `${shown.join(', ')}${skipped.length > 8 ? ` and ${skipped.length - 8} more` : ''}`;
  return skipped.length > 0 ? `${did}; skipped ${left}.` : `${did}.`;
}
