// What a decode and a creator-fit job did, in one Output line each: who was read, what was found and scored, who
// failed and why, and the credits it spent.
import type { CreatorFitResult, DecodeResult, FailedCreator } from './decode';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const credits = (n: number): string => plural(n, 'credit');

function failures(failed: readonly FailedCreator[]): string {
  if (failed.length === 0) return '';
  const shown = failed.slice(0, 3).map((f) => `@${f.username}: ${f.error}`);
  const more = failed.length > 3 ? `; and ${failed.length - 3} more` : '';
  return `; ${failed.length} failed (${shown.join('; ')}${more})`;
}

/** "Decoded @acme_designs (60 posts, 23 hashtags): 23 tags scored in US, GB; 41 credits." */
export function describeDecode(r: DecodeResult): string {
  const read = r.competitors.map(
    (c) => `@${c.username} (${plural(c.sample, 'post')}, ${plural(c.tags.length, 'hashtag')})`,
  );
  const regions = r.scoring ? Object.keys(r.scoring.regions) : [];
  const scored =
    r.candidates.length === 0
      ? 'no hashtag found to score'
      : `${plural(r.candidates.length, 'tag')} scored${regions.length > 0 ? ` in ${regions.join(', ')}` : ''}`;
  const who = read.length > 0 ? `Decoded ${read.join(', ')}: ${scored}` : 'Decoded no competitor';
  return `${who}${failures(r.failed)}; ${credits(r.credits.used)}.`;
}

/** "Scored 2 creators by fit: @acme_designs first; 1 failed (@x: No TikTok account @x); 6 credits." */
export function describeCreatorFit(r: CreatorFitResult): string {
  const first = r.ranked[0];
  const who =
    r.ranked.length === 0
      ? 'Scored no creator by fit'
      : `Scored ${plural(r.ranked.length, 'creator')} by fit: @${first!.username} first`;
  return `${who}${failures(r.failed)}; ${credits(r.credits.used)}.`;
}
