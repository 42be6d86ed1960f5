// The score parts' one palette: every colour stands out from the bar track and the page in its theme (WCAG 1.4.11,
// 3:1 for parts of a graphic), and the reports' charts draw with the same colours as the workbench's light theme.
import { describe, expect, it } from 'vitest';
import { scoreChartSvg } from '../../src/core/report/charts';
import { SCORE_PART_COLOURS } from '../../src/shared/score-parts';
import type { RegionResult, ScoringSettings } from '../../src/shared/model';

/** WCAG's relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number): number => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// The bar track and the page behind a score bar in each theme (styles.css: --bg-hover and --bg; the reports' page
// and heat-map empty cells are white and #eaeef2).
const BACKGROUNDS = { light: ['#e8e8e8', '#ffffff', '#eaeef2'], dark: ['#2a2d2e', '#1f1f1f'] } as const;

describe('the score parts palette', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: every part has 3:1 or more against the track and the page`, () => {
      for (const [part, colour] of Object.entries(SCORE_PART_COLOURS[theme])) {
        for (const bg of BACKGROUNDS[theme]) {
          expect(contrast(colour, bg), `${part} ${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
        }
      }
    });
  }

  it('the reports chart the parts in the light theme’s colours', () => {
    const settings = {
      preset: 'seed',
      weights: { velocity: 0.4, density: 0.3, overlap: 0.3, adPenalty: 0.2 },
      windowDays: 14,
    } as unknown as ScoringSettings;
    const tag = {
      rank: 1,
      tag: 'booktok',
      candidate: 'booktok',
      score: 70,
      isCommerce: true,
      normalised: { velocity: 0.5, density: 0.5, overlap: 0.5 },
      flags: [],
    };
    const svg = scoreChartSvg({ region: 'US', ranked: [tag] } as unknown as RegionResult, settings, 'US');
    for (const colour of Object.values(SCORE_PART_COLOURS.light)) expect(svg).toContain(`fill="${colour}"`);
  });
});
