// The time a run has left (renderer/components/time-left.ts): from the pace of its last seconds, hidden until a few
// pairs ended, and never several times the real rest when pairs end late and in bursts (adaptive sampling).
import { describe, expect, it } from 'vitest';
import {
  MIN_DONE,
  type ProgressMark,
  secondsLeft,
  timeLeftText,
  withMark,
} from '../../src/renderer/src/components/time-left';

/** A run of `total` pairs spending `perSecond` credits a second until `credits`, whose pairs end as `doneAt(t)`. */
function simulate(total: number, credits: number, perSecond: number, doneAt: (t: number) => number) {
  const end = credits / perSecond;
  let marks: ProgressMark[] = [];
  const said: { t: number; left: number }[] = [];
  for (let t = 0; t <= end; t += 0.1) {
    marks = withMark(marks, Math.min(total, doneAt(t)), Math.round(t * perSecond), t * 1000);
    const left = secondsLeft(marks, total, t * 1000, { expected: credits, max: credits * 1.5 });
    if (left !== null) said.push({ t, left });
  }
  return { end, said };
}

describe('time left', () => {
  it('says nothing before a few pairs ended', () => {
    const marks = [0, 1, 2, 3].map((d) => ({ at: d * 1000, done: d, credits: d * 10 }));
    expect(MIN_DONE).toBeGreaterThan(3);
    expect(secondsLeft(marks, 100, 3000, { expected: 400, max: 500 })).toBeNull();
    expect(timeLeftText(null)).toBe('');
  });

  it('adaptive sampling (pairs end late, in a burst): never more than twice the real rest', () => {
    // 120 pairs, 240 credits at 20 a second (12 s); the pairs trickle in, then most end in the last two seconds.
    const { end, said } = simulate(120, 240, 20, (t) => (t < 10 ? Math.floor(t * 1.5) : 15 + (t - 10) * 60));
    expect(said.length).toBeGreaterThan(10);
    for (const { t, left } of said) expect(left).toBeLessThanOrEqual(2 * (end - t) + 2);
  });

  it('without a plan, the pace of the pairs of the last ten seconds', () => {
    let marks: ProgressMark[] = [];
    // A slow start (a second a pair), then ten pairs a second: the slow start is forgotten.
    for (let t = 0; t <= 30; t++) marks = withMark(marks, t < 10 ? t : 10 + (t - 10) * 10, t * 5, t * 1000);
    const left = secondsLeft(marks, 400, 30_000)!;
    expect(left).toBeCloseTo(19, 0); // 190 pairs at 10 a second
    expect(timeLeftText(left)).toBe('about 20 s left');
    expect(timeLeftText(4)).toBe('a few seconds left');
    expect(timeLeftText(200)).toBe('about 3 min left');
  });
});
