// The track record at equal post age: with no tag effect, an account that switched to the top-scored tags two
// weeks ago is rarely told it did better or worse; young posts are left out until they settle; a correlation that
// cannot be computed is said to be undefined.
import { describe, expect, it } from 'vitest';
import { TRACK_RUNS, simulateAccount, trackCalibration } from '../../scripts/bench/calibration-track';
import { SETTLED_DAYS, likesAtEqualAge } from '../../src/core/track/equal-age';
import { matchPosts, weighEvidence } from '../../src/core/track/track-record';
import { mulberry32 } from '../../src/core/prng';

const NOW = 1_795_000_000;
const DAY = 86_400;

describe('track record at equal post age', () => {
  it('gives a false "better/worse" verdict in at most 10 % of accounts under an age trend with no tag effect', () => {
    const c = trackCalibration(80, 11);
    expect(c.enough).toBe(1);
    expect(c.falseVerdicts).toBeLessThanOrEqual(0.1);
  });

  it('leaves out posts younger than a week and compares the others with posts of the same age', () => {
    const posts = [0.5, 3, 8, 9, 10, 30, 31, 32].map((d, i) => ({
      createTime: NOW - d * DAY,
      // Old posts gathered more: 100 likes per day of age, capped at two weeks.
      likes: 100 * Math.min(d, 14) * (i === 3 ? 2 : 1),
    }));
    const rel = likesAtEqualAge(posts, NOW);
    expect(rel.slice(0, 2)).toEqual([null, null]);
    // The 9-day post got twice what its age gives: above its neighbours; a 31-day post is level with the month-old.
    expect(rel[3]!).toBeGreaterThan(1.2);
    expect(rel[3]!).toBeGreaterThan(rel[2]!);
    expect(rel[6]!).toBeCloseTo(1, 6);
    const matched = matchPosts('me', simulateAccount(mulberry32(1)), TRACK_RUNS, 'US', NOW);
    expect(
      matched
        .filter((p) => p.settled === false)
        .every((p) => NOW - Date.parse(p.postedAt) / 1000 < SETTLED_DAYS * DAY),
    ).toBe(true);
    expect(matched.some((p) => p.settled === false)).toBe(true);
  });

  it('says an undefined correlation as such when every matched post has the same tag score', () => {
    const posts = simulateAccount(mulberry32(2)).map((p) => ({ ...p, caption: '#top1' }));
    const e = weighEvidence(matchPosts('me', posts, TRACK_RUNS, 'US', NOW), 'me');
    expect(e.correlation).toBeNull();
    expect(e.verdict).toMatch(
      /^The correlation is undefined: every one of the \d+ matched posts has the same tag score/,
    );
  });
});
