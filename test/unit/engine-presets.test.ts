// Presets and the validation of overrides.
import { describe, expect, it } from 'vitest';
import { PRESETS, resolveSettings } from '../../src/core/engine/presets';
import type { PresetName } from '../../src/shared/model';
import { DEFAULT_PRESET, NEW_WORKSPACE_PRESET, PRESET_NAMES } from '../../src/shared/scoring-registry';
import { thrownTagfitError } from '../support/errors';

const thrownInput = (fn: () => unknown) => thrownTagfitError(fn, 'input');

describe('PRESETS', () => {
  it("has exactly the registry's presets, in its order, and both default presets are among them", () => {
    expect(Object.keys(PRESETS)).toEqual(PRESET_NAMES);
    expect(PRESET_NAMES).toContain(DEFAULT_PRESET);
    expect(PRESET_NAMES).toContain(NEW_WORKSPACE_PRESET);
    // A run with no preset and no workspace is the reference method, as the README documents.
    expect(DEFAULT_PRESET).toBe('seed');
  });

  it('seed is the reference method exactly', () => {
    expect(PRESETS.seed).toEqual({
      preset: 'seed',
      weights: { velocity: 0.35, density: 0.3, overlap: 0.3, adPenalty: 0.05 },
      windowDays: 14,
      pages: 3,
      pageSize: 30,
      keepCommercial: false,
      density: 'mean',
      dedupePosts: false,
      minStableSample: 60,
      sampling: 'full',
    });
  });

  it("organic keeps the article's weights and measures robustly", () => {
    expect(PRESETS.organic.weights).toEqual(PRESETS.seed.weights);
    expect(PRESETS.organic).toMatchObject({ dedupePosts: true, density: 'log-mean', pages: 3, pageSize: 30 });
    expect(PRESETS.organic.keepCommercial).toBe(false);
  });

  it('paid weights overlap 0.5 and velocity 0.2, and keeps commercial tags so the penalty applies', () => {
    expect(PRESETS.paid.weights).toEqual({ velocity: 0.2, density: 0.3, overlap: 0.5, adPenalty: 0.05 });
    expect(PRESETS.paid.keepCommercial).toBe(true);
  });
});

describe('resolveSettings', () => {
  it('returns a copy of the preset without overrides', () => {
    const s = resolveSettings('seed');
    expect(s).toEqual(PRESETS.seed);
    s.weights.velocity = 1;
    expect(PRESETS.seed.weights.velocity).toBe(0.35);
  });

  it('merges partial weights and other overrides, ignoring undefined values', () => {
    const s = resolveSettings('organic', { weights: { overlap: 0.2 }, windowDays: 7, pages: undefined });
    expect(s.weights).toEqual({ velocity: 0.35, density: 0.3, overlap: 0.2, adPenalty: 0.05 });
    expect(s.windowDays).toBe(7);
    expect(s.pages).toBe(3);
    expect(s.preset).toBe('organic');
  });

  it.each([
    [{ weights: { velocity: -0.1 } }, 'weights.velocity'],
    [{ weights: { adPenalty: Number.NaN } }, 'weights.adPenalty'],
    [{ windowDays: 0 }, 'windowDays'],
    [{ windowDays: 366 }, 'windowDays'],
    [{ windowDays: 1.5 }, 'windowDays'],
    [{ pages: 0 }, 'pages'],
    [{ pages: 11 }, 'pages'],
    [{ pageSize: 0 }, 'pageSize'],
    [{ pageSize: 36 }, 'pageSize'],
    [{ density: 'max' }, 'density'],
  ])('refuses %j and names %s', (overrides, field) => {
    const e = thrownInput(() => resolveSettings('seed', overrides as never));
    expect(e.message).toContain(field);
    expect(e.details.field).toBe(field);
  });

  it('accepts the limits themselves', () => {
    const s = resolveSettings('seed', { windowDays: 365, pages: 10, pageSize: 35, weights: { velocity: 0 } });
    expect([s.windowDays, s.pages, s.pageSize, s.weights.velocity]).toEqual([365, 10, 35, 0]);
    expect(resolveSettings('seed', { windowDays: 1, pages: 1, pageSize: 1 }).windowDays).toBe(1);
  });

  it('takes a whole ScoringSettings back as overrides, but not one of another preset', () => {
    expect(resolveSettings('paid', { ...PRESETS.paid, pages: 2 })).toEqual({ ...PRESETS.paid, pages: 2 });
    expect(thrownInput(() => resolveSettings('seed', { preset: 'paid' })).details.field).toBe('preset');
  });

  it('refuses unknown settings and unknown presets', () => {
    expect(thrownInput(() => resolveSettings('seed', { window: 3 } as never)).message).toContain('window');
    expect(thrownInput(() => resolveSettings('viral' as PresetName)).message).toContain('viral');
  });
});
