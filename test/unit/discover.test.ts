// Discovery, the tag set and the watchlist's rules on hand-made samples: co-occurrence counted on tricky captions
// (the decoder's hashtag parser), the picker keeping one of two near-duplicates, each alert rule, and when a watch
// run is due.
import { describe, expect, it } from 'vitest';
import { sharedReach, suggestCreators, suggestTags } from '../../src/core/discover/cooccurrence';
import { pickTagSet } from '../../src/core/discover/pick';
import { alertsFor, isDue } from '../../src/core/discover/watch';
import type { StoredRun } from '../../src/core/workspace/history';
import type { Flag, Post, RegionResult, RunResult, ScoredTag } from '../../src/shared/model';
import { settingsSchema } from '../../src/shared/workspace-settings';

let nextId = 0;
const post = (caption: string, authorId = `a${nextId}`, id = `p${++nextId}`): Post => ({
  id,
  createTime: 1_795_000_000,
  likes: 10,
  comments: 0,
  shares: 0,
  plays: 0,
  authorId,
  caption,
});

function tag(name: string, score: number, rank: number, extra: Partial<ScoredTag> = {}): ScoredTag {
  return {
    tag: name,
    candidate: name,
    rank,
    score,
    velocity: 0.5,
    density: 100,
    overlap: 0.1,
    normalised: { velocity: 0.5, density: 0.5, overlap: 0.5 },
    sample: 30,
    served: 30,
    distinctAuthors: 20,
    targetAuthors: 1,
    medianLikes: 10,
    meanLikes: 10,
    newestPostAt: 1_795_000_000,
    userCount: 1000,
    viewCount: 1e6,
    isCommerce: false,
    flags: [],
    ...extra,
  };
}

describe('co-occurrence', () => {
  it('counts tags on tricky captions the way the decoder parses them, each post once, never a candidate or a mega tag', () => {
    const shared = post('both samples served me #HomeOffice');
    const samples: Record<string, Post[]> = {
      desksetup: [
        post('#desksetup#homeoffice chained'),
        post('new desk https://x.example/#homeoffice-not-a-tag page#top #ﾎｰﾑ'),
        post('#Homeoffice #fyp &#39;quoted&#39; #️⃣ keycap'),
        post('#homeoffice #cafe\u0301'),
        shared,
      ],
      founderlife: [post('#founderlife #homeoffice'), shared, post('#founderlife #café')],
      lowtag: Array.from({ length: 12 }, () => post('#lowtag #other')),
    };
    const result: RegionResult = {
      region: 'US',
      ranked: [
        tag('desksetup', 80, 1),
        tag('founderlife', 70, 2),
        tag('nosample', 60, 3),
        tag('lowtag', 10, 4),
        tag('x1', 5, 5),
        tag('x2', 4, 6),
        tag('x3', 3, 7),
        tag('x4', 2, 8),
        tag('x5', 1, 9),
      ],
      excluded: [],
    };
    const s = suggestTags(result, (c) => samples[c] ?? [], new Set(['desksetup', 'founderlife', 'lowtag']), {
      minPosts: 2,
      fdr: 1,
    });
    const home = s.find((x) => x.tag === 'homeoffice')!;
    // The high scorers are the top three. desksetup: 1 (chained), 3 (case), 4, and the shared post once;
    // founderlife: its own one. The URL fragment is no tag. 7 high scorers' posts, 19 in all.
    expect(home.posts).toBe(5);
    expect(home.nextTo).toEqual(['desksetup', 'founderlife']);
    expect(home.highPosts).toBe(7);
    expect(home.lift).toBeCloseTo(5 / 7 / (5 / 19), 10);
    // NFC: "cafe\u0301" and "café" are one tag, suggested with both posts.
    expect(s.find((x) => x.tag === 'café')?.posts).toBe(2);
    expect(s.map((x) => x.tag)).not.toContain('fyp');
    expect(s.map((x) => x.tag)).not.toContain('desksetup');
    expect(s.map((x) => x.tag)).not.toContain('other'); // only next to a low scorer
    // By default two creators do not stand out from the rest (Fisher's test, the false discovery rate), five do.
    const strict = suggestTags(
      result,
      (c) => samples[c] ?? [],
      new Set(['desksetup', 'founderlife', 'lowtag']),
      {
        minPosts: 2,
      },
    );
    expect(strict.map((x) => x.tag)).toEqual(['homeoffice']);
  });

  it("suggests authors in several high scorers' samples who are not targets yet", () => {
    const samples: Record<string, Post[]> = {
      a: [post('x', 'Sam'), post('x', 'target1'), post('x', 'solo')],
      b: [post('x', 'sam'), post('x', 'target1')],
      c: [post('x', 'sam')],
    };
    const r: RegionResult = {
      region: 'US',
      ranked: [tag('a', 9, 1), tag('b', 8, 2), tag('c', 7, 3)],
      excluded: [],
    };
    const out = suggestCreators([r], (_r, c) => samples[c] ?? [], new Set(['target1']));
    expect(out).toEqual([{ username: 'sam', posts: 3, tags: ['a', 'b', 'c'], regions: ['US'] }]);
  });
});

describe('the tag set', () => {
  it('of two near-duplicate high scorers only one is picked when a distinct tag scores close behind', () => {
    // twin posts all carry #twin1 and #twin2; the distinct tag's posts carry neither.
    const twin = Array.from({ length: 20 }, () => post('#twin1 #twin2 #x'));
    const samples: Record<string, Post[]> = {
      twin1: twin,
      twin2: [...twin.slice(0, 18), post('#twin2'), post('#twin2')],
      distinct: Array.from({ length: 20 }, () => post('#distinct')),
      other: Array.from({ length: 20 }, () => post('#other')),
    };
    const r: RegionResult = {
      region: 'US',
      ranked: [tag('twin1', 80, 1), tag('twin2', 79, 2), tag('distinct', 78.5, 3), tag('other', 40, 4)],
      excluded: [],
    };
    expect(sharedReach(r.ranked[0]!, r.ranked[1]!, (c) => samples[c]!)).toBe(1);
    expect(sharedReach(r.ranked[0]!, r.ranked[2]!, (c) => samples[c]!)).toBe(0);
    const set = pickTagSet(r, (c) => samples[c]!, { k: 3 });
    expect(set.picks.map((p) => p.tag)).toEqual(['twin1', 'distinct', 'other']);
    expect(set.passedOver).toEqual([
      {
        tag: 'twin2',
        score: 79,
        reason: 'reaches the same posts as #twin1 (100 % shared), which scores higher',
      },
    ]);
    expect(set.picks[0]!.reason).toBe('the highest score in US');
  });

  it('keeps at most one saturated broad tag and leaves out shadow-limited ones, saying why', () => {
    const sat: Flag = { kind: 'saturated', reason: 'mega' };
    const shadow: Flag = { kind: 'shadow-limited', reason: 'limited' };
    const samples = (c: string): Post[] => Array.from({ length: 5 }, () => post(`#${c}`));
    const r: RegionResult = {
      region: 'GB',
      ranked: [
        tag('fyp', 90, 1, { flags: [sat] }),
        tag('viral', 85, 2, { flags: [sat] }),
        tag('ghost', 80, 3, { flags: [shadow] }),
        tag('niche', 60, 4),
      ],
      excluded: [],
    };
    const set = pickTagSet(r, samples, { k: 5 });
    expect(set.picks.map((p) => p.tag)).toEqual(['fyp', 'niche']);
    expect(set.passedOver.map((p) => p.reason)).toEqual([
      'a second saturated broad tag; the set keeps one (#fyp)',
      'shadow-limited: limited',
    ]);
  });

  it('proposes no tag under half the best score, however few the candidates', () => {
    // Six candidates, min-max scored: the last is at 0 whatever it is worth.
    const samples = (c: string): Post[] => Array.from({ length: 5 }, () => post(`#${c}`));
    const r: RegionResult = {
      region: 'US',
      ranked: [tag('a', 100, 1), tag('b', 50.8, 2), tag('c', 45.2, 3), tag('d', 22.8, 4), tag('e', 0, 5)],
      excluded: [],
    };
    expect(pickTagSet(r, samples, { k: 5 }).picks.map((p) => p.tag)).toEqual(['a', 'b']);
  });
});

describe('alert rules', () => {
  const rules = settingsSchema.parse({ version: 1, preset: 'organic' }).watch.rules;
  const previous = {
    now: '2026-11-13T09:00:00.000Z',
    regions: {
      US: {
        ranked: [
          { candidate: 'a', tag: 'a', rank: 1, score: 80, velocity: 0.4, sample: 90, flags: [] },
          { candidate: 'b', tag: 'b', rank: 2, score: 70, velocity: 0.9, sample: 90, flags: [] },
          { candidate: 'c', tag: 'c', rank: 9, score: 30, velocity: 0.2, sample: 90, flags: ['saturated'] },
        ],
        excluded: [],
      },
    },
  } as unknown as StoredRun;
  const history = (
    before: { rank: number; score: number; velocity: number },
    now: ScoredTag,
    threshold = 0.5,
  ) => ({
    ...now,
    // A 90 % interval of ±3 points: a score move of 10 stands out from it, one of 3 does not.
    confidence: { low: now.score - 3, high: now.score + 3 } as ScoredTag['confidence'],
    history: {
      previousRunAt: previous.now,
      userCountGrowthPerWeek: null,
      viewCountGrowthPerWeek: null,
      scoreChange: now.score - before.score,
      rankChange: before.rank - now.rank,
      previousVelocity: before.velocity,
      crossedVelocityThreshold: before.velocity < threshold !== now.velocity < threshold,
    },
  });
  it('each rule fires for what crossed it, once, with the values before and after', () => {
    const current = {
      regions: {
        US: {
          region: 'US',
          ranked: [
            history(
              { rank: 9, score: 30, velocity: 0.2 },
              tag('c', 75, 1, { velocity: 0.3, flags: [{ kind: 'saturated', reason: 'mega' }] }),
            ),
            history({ rank: 1, score: 80, velocity: 0.4 }, tag('a', 74, 2, { velocity: 0.7 })),
            history(
              { rank: 2, score: 70, velocity: 0.9 },
              tag('b', 71, 3, { velocity: 0.85, flags: [{ kind: 'shadow-limited', reason: 'limited now' }] }),
            ),
          ],
          excluded: [],
        },
      },
    } as unknown as RunResult;
    const alerts = alertsFor(
      current,
      previous,
      rules,
      0.5,
      [
        {
          tag: 'homeoffice',
          region: 'US',
          posts: 6,
          highPosts: 40,
          share: 0.15,
          overallShare: 0.05,
          lift: 3,
          nextTo: ['a'],
        },
        {
          tag: 'known',
          region: 'US',
          posts: 9,
          highPosts: 40,
          share: 0.2,
          overallShare: 0.05,
          lift: 4,
          nextTo: ['a'],
        },
        {
          tag: 'weak',
          region: 'US',
          posts: 2,
          highPosts: 40,
          share: 0.05,
          overallShare: 0.01,
          lift: 5,
          nextTo: ['a'],
        },
      ],
      new Set(['US|known']),
    );
    expect(alerts.map((a) => [a.rule, a.tag, a.before, a.after])).toEqual([
      ['rank-move', 'c', 9, 1],
      ['score-move', 'c', 30, 75],
      // Saturated in this run and the last: two runs in a row. #b is shadow-limited in this run only: no alert yet.
      ['became-flagged', 'c', null, 'saturated'],
      ['velocity-threshold', 'a', 0.4, 0.7],
      ['new-suggestion', 'homeoffice', null, 6],
    ]);
    expect(alerts[3]!.message).toBe(
      '#a in US: velocity rose above 0.50, from 0.40 (90 posts) to 0.70 (30 posts)',
    );
    // Already saturated the run before: alerted then, not again.
    expect(
      alertsFor(current, previous, rules, 0.5, [], new Set(), previous).map((a) => a.rule),
    ).not.toContain('became-flagged');
    // Runs that measured differently raise one alert saying so, and no movement alert.
    const unlike = alertsFor(
      { ...current, settings: { windowDays: 7 } } as unknown as RunResult,
      { ...previous, settings: { windowDays: 14 } } as unknown as StoredRun,
      rules,
      0.5,
    );
    expect(unlike.map((a) => [a.rule, a.message])).toEqual([
      ['not-comparable', 'No movement alert: the last two runs are not comparable: window 14 → 7 days.'],
    ]);
    // Nothing against a first run but the suggestions, and nothing when every rule is off.
    expect(alertsFor(current, undefined, rules, 0.5)).toEqual([]);
    const off = {
      ...rules,
      velocityThreshold: false,
      rankMove: 0,
      scoreMove: 0,
      becameFlagged: [],
      suggestionPosts: 0,
    };
    expect(alertsFor(current, previous, off, 0.5)).toEqual([]);
  });
});

describe('when a watch run is due', () => {
  const weekly = settingsSchema.parse({
    version: 1,
    preset: 'organic',
    watch: { day: 'monday', hour: 9 },
  }).watch;
  it('once per period: due after the period starts, not again in it, and a missed week is made up once', () => {
    // 2026-11-16 is a Monday.
    expect(isDue(new Date('2026-11-16T10:00:00'), weekly, undefined).due).toBe(true);
    expect(isDue(new Date('2026-11-16T08:00:00'), weekly, '2026-11-09T09:30:00').due).toBe(false);
    expect(isDue(new Date('2026-11-16T10:00:00'), weekly, '2026-11-09T09:30:00').due).toBe(true);
    const again = isDue(
      new Date('2026-11-18T10:00:00'),
      weekly,
      new Date('2026-11-16T10:00:00').toISOString(),
    );
    expect(again.due).toBe(false);
    expect(again.why).toMatch(/^not due: this period began .* the next is due at /);
    const missed = isDue(
      new Date('2026-11-30T10:00:00'),
      weekly,
      new Date('2026-11-16T10:00:00').toISOString(),
    );
    expect(missed.due).toBe(true);
    expect(missed.why).toMatch(/is 2 periods back; one run makes up for them/);
  });
});
