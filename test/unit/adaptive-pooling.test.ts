// What a tag's other regions say of it in one region (engine/adaptive-pooling.ts): where a tag's regions agree, a
// noisy first page leans on them and its uncertainty narrows; where they differ, nothing moves; a cell's own value
// does not feed its own prior; too few regions and nothing is asked.
import { describe, expect, it } from 'vitest';
import {
  cellKey,
  cellPriors,
  MIN_REGIONS_FOR_POOLING,
  type PoolCell,
  pooledPart,
} from '../../src/core/engine/adaptive-pooling';
import { mulberry32 } from '../../src/core/prng';

/** A tags × regions table: each tag's level, regions differing by `regionSd` around it, each cell's page-1 noise
 * `noiseSd` (and that variance claimed). */
function table(tags: number, regions: number, regionSd: number, noiseSd: number, seed = 7): PoolCell[] {
  const rng = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const cells: PoolCell[] = [];
  for (let t = 0; t < tags; t++)
    for (let r = 0; r < regions; r++)
      cells.push({
        tag: `t${t}`,
        region: `R${r}`,
        x: t / tags + regionSd * normal() + noiseSd * normal(),
        variance: noiseSd ** 2,
      });
  return cells;
}

describe("a tag's other regions", () => {
  it('where a tag does alike everywhere, a noisy page leans on its other regions and its uncertainty narrows', () => {
    const cells = table(20, 26, 0.01, 0.1);
    const priors = cellPriors(cells);
    const c = cells.find((x) => x.tag === 't10' && x.region === 'R3')!;
    const prior = priors.get(cellKey('t10', 'R3'))!;
    // The tag's level is 0.5; the cell alone says it within 0.1 or so, its 25 other regions within about 0.02.
    expect(Math.abs(prior.mean - 0.5)).toBeLessThan(0.06);
    expect(prior.variance).toBeLessThan(c.variance / 5);
    // Page 1 of 3 in hand: the full sample is expected nearer the prior, and known better than from the page alone.
    const full = pooledPart(c.x, c.variance, prior, 1 / 3);
    expect(Math.abs(full.value - prior.mean)).toBeLessThan(Math.abs(c.x - prior.mean));
    expect(full.variance).toBeLessThan(c.variance * 0.6);
    // Two thirds unseen: the posts in hand still count for their third.
    expect(full.variance).toBeGreaterThan(c.variance / 3);
  });

  it('where regions differ far beyond the noise, the page stands as it is', () => {
    const cells = table(20, 26, 0.3, 0.01);
    const priors = cellPriors(cells);
    for (const c of cells.filter((x) => x.tag === 't4')) {
      const full = pooledPart(c.x, c.variance, priors.get(cellKey(c.tag, c.region))!, 1 / 3);
      expect(Math.abs(full.value - c.x)).toBeLessThan(
        0.01 * Math.max(0.05, Math.abs(c.x - priors.get(cellKey(c.tag, c.region))!.mean)) + 1e-3,
      );
      expect(full.variance).toBeGreaterThan(c.variance * 0.99);
    }
  });

  it("one tag that varies more than the table's others keeps its own spread", () => {
    const cells = table(20, 26, 0.005, 0.05);
    const rng = mulberry32(3);
    for (const c of cells.filter((x) => x.tag === 't2')) c.x += (rng() - 0.5) * 1.2;
    const priors = cellPriors(cells);
    const wild = priors.get(cellKey('t2', 'R0'))!;
    const calm = priors.get(cellKey('t3', 'R0'))!;
    // Its regions spread ±0.6 (variance about 0.12): its prior is worth about that little, the others' far more.
    expect(wild.variance).toBeGreaterThan(0.06);
    expect(calm.variance).toBeLessThan(0.002);
  });

  it("a cell's own value does not feed its own prior", () => {
    const cells = table(20, 26, 0.02, 0.05);
    const before = cellPriors(cells).get(cellKey('t7', 'R9'))!.mean;
    cells.find((x) => x.tag === 't7' && x.region === 'R9')!.x += 0.5;
    const after = cellPriors(cells).get(cellKey('t7', 'R9'))!.mean;
    // With the cell in its own fit, the prior would move by 0.5 × (1/26 + 1/20) ≈ 0.044.
    expect(Math.abs(after - before)).toBeLessThan(0.01);
  });

  it(`fewer than ${MIN_REGIONS_FOR_POOLING} regions and a tag's other regions are not asked`, () => {
    const cells = table(20, MIN_REGIONS_FOR_POOLING - 1, 0.01, 0.1);
    expect(cellPriors(cells).size).toBe(0);
    // Nothing in hand unseen (a full sample): nothing moves.
    expect(pooledPart(0.3, 0.01, { mean: 0.9, variance: 0 }, 1)).toEqual({ value: 0.3, variance: 0.01 });
  });
});
