// The scaling rule's wording: what the results' scoring line says when weights add up to more than 1.
import { describe, expect, it } from 'vitest';
import { describeScoring, sameWeights, scaledWeights, shownWeight } from '../../src/shared/scaled-weights';

const organic = { velocity: 0.4, density: 0.3, overlap: 0.3, adPenalty: 0.1 };
const presetWeights = { organic, paid: { velocity: 0.2, density: 0.3, overlap: 0.5, adPenalty: 0.05 } };

describe('describeScoring', () => {
  it("names the preset while its weights are the preset's own, and says nothing of scaling", () => {
    expect(
      describeScoring({ preset: 'organic', requested: { ...organic }, presetWeights, windowDays: 7 }),
    ).toBe('organic · velocity 0.4, density 0.3, overlap 0.3, ad 0.1 · window 7 d');
  });

  it('says custom, rounds to two decimals and says the weights were scaled and what they added up to', () => {
    const requested = { ...organic, overlap: 0.8 };
    const text = describeScoring({ preset: 'organic', requested, presetWeights, windowDays: 14 });
    expect(text).toBe(
      'custom · velocity 0.27, density 0.2, overlap 0.53, ad 0.07 · weights scaled to add up to 1 (they added up to 1.5) · window 14 d',
    );
  });

  it('custom weights that add up to at most 1 are not said to be scaled', () => {
    const text = describeScoring({
      preset: 'paid',
      requested: { velocity: 0.5, density: 0.5, overlap: 0, adPenalty: 0 },
      presetWeights,
      windowDays: 7,
    });
    expect(text).toBe('custom · velocity 0.5, density 0.5, overlap 0, ad 0 · window 7 d');
  });
});

describe('sameWeights', () => {
  it("takes the engine's scaled weights for the side bar's, whatever the key order", () => {
    const asked = { overlap: 0.8, velocity: 0.4, density: 0.3, adPenalty: 0.1 };
    const engine = { velocity: 0.4 / 1.5, density: 0.3 / 1.5, overlap: 0.8 / 1.5, adPenalty: 0.1 / 1.5 };
    expect(sameWeights(scaledWeights(asked), engine)).toBe(true);
    expect(sameWeights(asked, engine)).toBe(false);
  });

  it('shows a weight with at most two decimals', () => {
    expect(shownWeight(0.2258064516129032)).toBe('0.23');
    expect(shownWeight(0.1)).toBe('0.1');
    expect(shownWeight(1)).toBe('1');
  });
});
