// Flags with their reasons: commercial, saturated, shadow-limited (served short of what was asked although more
// existed), no recent posts, sampled less by adaptive sampling, small sample, not found.
import { describe, expect, it } from 'vitest';
import { flagTag, notFoundFlag } from '../../src/core/engine/flags';
import type { RawMetrics } from '../../src/core/engine/metrics';
import { PRESETS } from '../../src/core/engine/presets';
import type { Challenge } from '../../src/shared/model';

const NOW = 1_700_000_000;
const DAY = 86_400;

const challenge = (extra: Partial<Challenge> = {}): Challenge => ({
  id: '1',
  name: 'smallbusinesscheck',
  desc: '',
  userCount: 5_000,
  viewCount: 20_000_000,
  isCommerce: false,
  ...extra,
});
const metrics = (extra: Partial<RawMetrics> = {}): RawMetrics => ({
  velocity: 0.5,
  density: 100,
  overlap: 0,
  sample: 90,
  served: 90,
  distinctAuthors: 50,
  targetAuthors: 0,
  medianLikes: 50,
  meanLikes: 100,
  newestPostAt: NOW - DAY,
  ...extra,
});
const kinds = (c: Challenge, m: RawMetrics): string[] => flagTag(c, m, PRESETS.seed, NOW).map((f) => f.kind);

describe('flagTag', () => {
  it('flags nothing on a healthy, full sample', () => {
    expect(flagTag(challenge(), metrics(), PRESETS.seed, NOW)).toEqual([]);
  });

  it('flags a commercial tag with the reason', () => {
    const [flag] = flagTag(challenge({ isCommerce: true }), metrics(), PRESETS.paid, NOW);
    expect(flag).toEqual({ kind: 'commercial', reason: expect.stringMatching(/advertiser/) });
  });

  it("flags the article's mega tags, whatever the case, and any tag with 10 billion views", () => {
    for (const name of ['fyp', 'ForYou', 'viral', 'foryoupage', 'fy', 'trending']) {
      expect(kinds(challenge({ name }), metrics())).toEqual(['saturated']);
    }
    const [big] = flagTag(challenge({ viewCount: 12_000_000_000 }), metrics(), PRESETS.seed, NOW);
    expect(big).toEqual({ kind: 'saturated', reason: expect.stringContaining('12.0 billion') });
    expect(kinds(challenge({ viewCount: 9_999_999_999 }), metrics())).toEqual([]);
  });

  it('flags a well-known tag served fewer posts than asked for, although more existed, as shadow-limited', () => {
    const flags = flagTag(
      challenge({ userCount: 482_301 }),
      metrics({ sample: 3, served: 3 }),
      PRESETS.seed,
      NOW,
    );
    expect(flags.map((f) => f.kind)).toEqual(['shadow-limited', 'small-sample']);
    expect(flags[0]!.reason).toBe(
      'Served 3 posts of the 90 asked for although more existed (482,301 creators): it may be shadow-limited here.',
    );
  });

  it('does not call a tag shadow-limited for serving exactly what was asked (one page of 9)', () => {
    const onePage = { ...PRESETS.organic, pages: 1, pageSize: 9 };
    const flags = flagTag(challenge({ userCount: 482_301 }), metrics({ sample: 9, served: 9 }), onePage, NOW);
    expect(flags.map((f) => f.kind)).toEqual(['small-sample']);
  });

  it('says "no recent posts" of a sample older than the window, not shadow-limited', () => {
    const flags = flagTag(
      challenge({ userCount: 200_000 }),
      metrics({ newestPostAt: NOW - 40 * DAY }),
      PRESETS.seed,
      NOW,
    );
    expect(flags).toEqual([
      {
        kind: 'no-recent-posts',
        reason: expect.stringMatching(/^No recent posts: .*40 days old.*dead trend or a limited tag/),
      },
    ]);
  });

  it('names a pair adaptive sampling chose to stop, instead of calling it small or limited', () => {
    const flags = flagTag(
      challenge({ userCount: 482_301 }),
      metrics({ sample: 30, served: 30 }),
      PRESETS.organic,
      NOW,
      undefined,
      'the ranking was decided: score 1.0–2.0 (90 %), clearly outside the top 10 (cut 40.0); sampled 1 of 3 pages',
    );
    expect(flags).toEqual([
      {
        kind: 'sampled-less',
        reason: 'Sampled 30 of 90 by adaptive sampling: the ranking was decided without the rest.',
      },
    ]);
  });

  it('does not call a little-known tag with few posts shadow-limited, only small', () => {
    expect(kinds(challenge({ userCount: 50, viewCount: 1_000 }), metrics({ sample: 3 }))).toEqual([
      'small-sample',
    ]);
  });

  it('flags a sample under minStableSample (60) as small', () => {
    expect(kinds(challenge(), metrics({ sample: 59 }))).toEqual(['small-sample']);
    expect(kinds(challenge(), metrics({ sample: 60 }))).toEqual([]);
    const [f] = flagTag(challenge(), metrics({ sample: 1 }), PRESETS.seed, NOW);
    expect(f!.reason).toBe('Only 1 post sampled (under 60): the metrics are noisy.');
  });

  it('names a tag that was not found', () => {
    expect(notFoundFlag('ghost')).toEqual({ kind: 'not-found', reason: expect.stringContaining('#ghost') });
  });
});
