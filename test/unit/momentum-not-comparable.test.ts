// Results' Momentum says why a tag's moves are not given, in the words History's comparison says: the cell's
// tooltip and the detail pane both give "not comparable: pages 3 → 4: score and rank changes are not given.", where
// the cell alone showed "not comp…" with nothing to hover and the detail said only "not comparable".
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import { fillMomentum } from '../../src/core/engine/momentum';
import { NO_CREDITS, type RunResult, type ScoredTag } from '../../src/shared/model';

// Loaded by a computed name: the Node-side type check has no DOM, and React's types would stub one for every test.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);
const { createElement } = (await load('react')) as { createElement: (c: unknown, p: object) => unknown };
const { renderToStaticMarkup } = (await load('react-dom/server')) as {
  renderToStaticMarkup: (e: unknown) => string;
};
interface Col {
  colId?: string;
  valueGetter?: (p: { data: ScoredTag }) => string;
  tooltipValueGetter?: (p: { data: ScoredTag }) => string | undefined;
}
const { resultColumns } = (await load('../../src/renderer/src/views/results/results-columns')) as {
  resultColumns(s: RunResult['settings']): Col[];
};
const { ResultDetail } = (await load('../../src/renderer/src/views/results/ResultDetail')) as {
  ResultDetail: unknown;
};

const row = (): ScoredTag =>
  ({
    tag: 'founderlife',
    candidate: 'founderlife',
    rank: 1,
    score: 80,
    normalised: { velocity: 1, density: 1, overlap: 1 },
    velocity: 0.3,
    density: 0.1,
    overlap: 0.2,
    sample: 90,
    served: 90,
    distinctAuthors: 40,
    targetAuthors: 2,
    medianLikes: 100,
    meanLikes: 120,
    newestPostAt: 0,
    userCount: 1000,
    viewCount: 100000,
    isCommerce: false,
    flags: [],
  }) as unknown as ScoredTag;

/** A run of `pages` pages ranking one tag in US. */
const run = (now: string, pages: number): RunResult => ({
  now,
  preset: 'organic',
  settings: resolveSettings('organic', { pages }),
  regions: { US: { region: 'US', ranked: [row()], excluded: [] } },
  credits: NO_CREDITS,
  failed: [],
});

describe('Momentum of a run that measured another way', () => {
  it('says why, as History does, in the cell’s tooltip and in the detail', () => {
    const current = run('2026-11-20T00:00:00.000Z', 4);
    fillMomentum(current, run('2026-11-13T00:00:00.000Z', 3), 0.2);
    const tag = current.regions.US!.ranked[0]!;
    const why = 'not comparable: pages 3 → 4: score and rank changes are not given.';
    const momentum = resultColumns(current.settings).find((c) => c.colId === 'momentum')!;
    expect(momentum.valueGetter!({ data: tag })).toBe('not comparable');
    expect(momentum.tooltipValueGetter?.({ data: tag })).toBe(why);
    const html = renderToStaticMarkup(
      createElement(ResultDetail, { tag, region: 'US', settings: current.settings, onClose: () => {} }),
    );
    expect(html).toContain(`<dt>Momentum</dt><dd>${why}</dd>`);
  });
});
