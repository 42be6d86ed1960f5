// Flags with their reasons: commercial, saturated, shadow-limited, small sample, not found.
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

  it('flags a well-known tag with a tiny sample as shadow-limited', () => {
    const flags = flagTag(challenge({ userCount: 482_301 }), metrics({ sample: 3 }), PRESETS.seed, NOW);
    expect(flags.map((f) => f.kind)).toEqual(['shadow-limited', 'small-sample']);
    expect(flags[0]!.reason).toContain('482,301 creators');
    expect(flags[0]!.reason).toContain('only 3 posts');
    // known by views alone (100 million) counts too
    expect(kinds(challenge({ userCount: 10, viewCount: 100_000_000 }), metrics({ sample: 9 }))).toContain(
      'shadow-limited',
    );
  });

  it('flags a well-known tag whose newest post is older than the window as shadow-limited', () => {
    const flags = flagTag(
      challenge({ userCount: 200_000 }),
      metrics({ newestPostAt: NOW - 40 * DAY }),
      PRESETS.seed,
      NOW,
    );
    expect(flags).toEqual([{ kind: 'shadow-limited', reason: expect.stringContaining('40 days old') }]);
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
