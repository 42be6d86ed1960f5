// Discovery's error rates on seeded regions with a known truth: chance suggestions when caption tags are independent
// of the candidates, the power to find a tag on 30 % of a theme's posts, one creator's repeated posts counted once,
// and the Benjamini–Hochberg step itself.
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, hypergeometricUpper, suggestTags } from '../../src/core/discover/cooccurrence';
import { THEME_TAG, discoveryCalibration, simulateRegion } from '../../scripts/bench/calibration-discovery';

describe('discovery with false-discovery-rate control', () => {
  it('suggests at most one chance tag per region when captions are independent, and finds a 30 % theme tag in 90 % of regions', () => {
    const c = discoveryCalibration(40, 7);
    expect(c.chancePerRegion).toBeLessThanOrEqual(1);
    expect(c.power).toBeGreaterThanOrEqual(0.9);
  });

  it("counts one creator's eight posts once: a signature tag of one prolific creator is no suggestion", () => {
    const region = simulateRegion(11);
    const first = region.samples.get('cand0')!;
    // One creator posts eight times in the top scorer's sample, each with the same signature tag.
    for (let i = 0; i < 8; i++)
      first[i] = { ...first[i]!, authorId: 'prolific', caption: `${first[i]!.caption} #mysignature` };
    const s = suggestTags(region.result, (c) => region.samples.get(c) ?? [], region.candidates);
    expect(s.map((x) => x.tag)).not.toContain('mysignature');
  });

  it('says how many tags were tested and at which false discovery rate, and counts the evidence in creators', () => {
    const region = simulateRegion(5, 0.3);
    const s = suggestTags(region.result, (c) => region.samples.get(c) ?? [], region.candidates);
    const theme = s.find((x) => x.tag === THEME_TAG)!;
    expect(theme.tested).toBeGreaterThan(50);
    expect(theme.fdr).toBe(0.1);
    expect(theme.creators).toBeGreaterThan(2);
    expect(theme.creators!).toBeLessThanOrEqual(theme.posts);
    expect(theme.highCreators!).toBeLessThan(theme.highPosts);
  });

  it('Benjamini–Hochberg keeps the step-up cut; Fisher’s tail is exact on a small table', () => {
    // m = 4, q = 0.1: thresholds 0.025, 0.05, 0.075, 0.1; the largest p under its line is the third.
    expect(benjaminiHochberg([0.07, 0.01, 0.5, 0.04], 0.1)).toEqual([true, true, false, true]);
    expect(benjaminiHochberg([0.2, 0.3], 0.1)).toEqual([false, false]);
    // 10 units, 4 marked, 3 drawn, at least 2 marked among them: (C(4,2)·C(6,1) + C(4,3)) / C(10,3) = 40/120.
    expect(hypergeometricUpper(10, 4, 3, 2)).toBeCloseTo(40 / 120, 12);
    expect(hypergeometricUpper(10, 4, 3, 0)).toBeCloseTo(1, 12);
  });
});
