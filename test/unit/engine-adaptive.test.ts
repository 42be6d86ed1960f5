// Adaptive sampling's decision rule on hand-made samples: a clearly dead tag stops after one page, a tag on the
// top-10 boundary is fetched further, the band always sampled narrows from 2k to k once two pages are in hand, identical samples have a zero-width interval, and the seed preset never
// samples adaptively.
import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, decideSampling } from '../../src/core/engine/adaptive';
import { resolveSettings } from '../../src/core/engine/presets';
import type { RegionEntry } from '../../src/core/engine/score';
import type { Challenge, Post } from '../../src/shared/model';

const NOW = 1_795_000_000;
const DAY = 86_400;
const organic = resolveSettings('organic', { sampling: 'adaptive' });

const challenge = (name: string): Challenge => ({
  id: name,
  name,
  desc: '',
  userCount: 1000,
  viewCount: 100_000,
  isCommerce: false,
});

/** n posts; `fresh` of them inside the window; likes around `likes` (with some spread), by `authors` authors. */
function posts(name: string, n: number, fresh: number, likes: number, authors = 10): Post[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${name}-${i}`,
    createTime: i < fresh ? NOW - 2 * DAY : NOW - 60 * DAY,
    likes: Math.round(likes * (0.5 + ((i * 37) % 10) / 10)),
    comments: 0,
    shares: 0,
    plays: 0,
    authorId: `${name}_a${i % authors}`,
    caption: '',
  }));
}

/** 30 tags with well-spread scores; #0 best. */
function region(): RegionEntry[] {
  return Array.from({ length: 30 }, (_, i) => {
    const name = `tag${i}`;
    return {
      candidate: name,
      challenge: challenge(name),
      posts: posts(name, 30, Math.max(0, 30 - i), 5000 / (i + 1)),
    };
  });
}

describe('adaptive sampling', () => {
  it('a clearly dead tag stops after one page, and says why', () => {
    const entries = region();
    const dead = entries[29]!;
    dead.posts = posts('tag29', 30, 0, 1);
    const d = decideSampling(entries, new Set(['tag29']), new Set(), organic, NOW, 'US');
    expect(d.fetch.has('tag29')).toBe(false);
    expect(d.stop.get('tag29')).toMatch(
      /^the ranking was decided: score \d+\.\d–\d+\.\d \(90 %\), clearly outside the top 10 \(cut \d+\.\d\)$/,
    );
  });

  it('a tag on the top-10 boundary gets another page', () => {
    const entries = region();
    const open = new Set(entries.map((e) => e.candidate));
    const d = decideSampling(entries, open, new Set(), organic, NOW, 'US');
    // Ranks 10 and 11 (tag9, tag10) sit on the cut: both are fetched further.
    expect(d.fetch.has('tag9')).toBe(true);
    expect(d.fetch.has('tag10')).toBe(true);
    // Every open candidate is either fetched or stopped with a reason.
    expect(d.fetch.size + d.stop.size).toBe(open.size);
  });

  it('on one page the top 20 are sampled further whatever their interval; on two pages the top 10 and the undecided', () => {
    const entries = region();
    const open = new Set(entries.map((e) => e.candidate));
    const onePage = decideSampling(entries, open, new Set(), organic, NOW, 'US');
    const twoPages = decideSampling(entries, open, new Set(), organic, NOW, 'US', { pagesInHand: 2 });
    // Rank 18 (tag17) is well below the cut: fetched while only a first page is in hand, decided on two.
    expect(onePage.fetch.has('tag17')).toBe(true);
    expect(twoPages.fetch.has('tag17')).toBe(false);
    expect(twoPages.stop.get('tag17')).toMatch(/clearly outside the top 10/);
    // The top 10 themselves are always sampled in full.
    for (let i = 0; i < 10; i++) expect(twoPages.fetch.has(`tag${i}`)).toBe(true);
    expect(twoPages.fetch.size).toBeLessThan(onePage.fetch.size);
  });

  it('identical samples give a zero-width interval; a small sample a wider one than a large one', () => {
    const same = posts('s', 30, 30, 100).map((p) => ({ ...p, likes: 100 }));
    const entries: RegionEntry[] = [
      { candidate: 'same', challenge: challenge('same'), posts: same },
      { candidate: 'small', challenge: challenge('small'), posts: posts('small', 7, 3, 800) },
      { candidate: 'large', challenge: challenge('large'), posts: posts('large', 90, 45, 800) },
      { candidate: 'other', challenge: challenge('other'), posts: posts('other', 30, 10, 50) },
    ];
    const iv = bootstrapIntervals(entries, new Set(), organic, NOW, 'US');
    const width = (c: string): number => iv.get(c)!.high - iv.get(c)!.low;
    expect(width('small')).toBeGreaterThan(width('large'));
    // Repeatable: a fixed seed gives the same intervals.
    expect(bootstrapIntervals(entries, new Set(), organic, NOW, 'US')).toEqual(iv);
    const alone = bootstrapIntervals([entries[0]!], new Set(), organic, NOW, 'US');
    expect(alone.get('same')!.high - alone.get('same')!.low).toBe(0);
  });

  it('seed samples in full, always; organic and paid sample adaptively when asked', () => {
    expect(resolveSettings('seed').sampling).toBe('full');
    expect(resolveSettings('organic', { sampling: 'adaptive' }).sampling).toBe('adaptive');
    expect(resolveSettings('paid', { sampling: 'adaptive' }).sampling).toBe('adaptive');
    expect(() => resolveSettings('seed', { sampling: 'adaptive' })).toThrow(
      'Invalid setting sampling: the seed preset always samples in full, so it stays identical to the reference method.',
    );
  });
});
