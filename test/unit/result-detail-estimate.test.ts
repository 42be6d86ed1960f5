// The detail of a tag adaptive sampling stopped early: its score is said to be the full sample's estimate, with the
// correction's words and the in-hand score once (they end the words; the flag below does not repeat them), and the
// parts are the posts in hand's.
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import type { ScoredTag } from '../../src/shared/model';

// Loaded by a computed name: the Node-side type check has no DOM, and React's types would stub one for every test.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);
const { createElement } = (await load('react')) as { createElement: (c: unknown, p: object) => unknown };
const { renderToStaticMarkup } = (await load('react-dom/server')) as {
  renderToStaticMarkup: (e: unknown) => string;
};
const { ResultDetail } = (await load('../../src/renderer/src/views/results/ResultDetail')) as {
  ResultDetail: (p: object) => unknown;
};

const text =
  'estimated from 1 of 3 pages: corrected for the page order by −6.9 (± 1.2, learnt from 49 fully sampled pairs); 55.99 from the posts in hand';
const tag = {
  tag: 'brandingtips',
  candidate: 'brandingtips',
  rank: 13,
  score: 49.11,
  velocity: 0.4,
  density: 11_481,
  overlap: 1 / 27,
  normalised: { velocity: 0.4, density: 0.7, overlap: 0.46 },
  sample: 30,
  served: 30,
  distinctAuthors: 27,
  targetAuthors: 1,
  medianLikes: 8422,
  meanLikes: 11_481,
  newestPostAt: 1_795_000_000,
  userCount: 1000,
  viewCount: 100_000,
  isCommerce: false,
  flags: [
    {
      kind: 'sampled-less',
      reason: `Sampled 30 of 90 by adaptive sampling: the ranking was decided without the rest. Its score is ${text}.`,
    },
  ],
  stoppedEarly: 'the ranking was decided; sampled 1 of 3 pages',
  inHandScore: 55.99,
  estimate: {
    pages: 1,
    of: 3,
    inHandScore: 55.99,
    inHandNormalised: { velocity: 0.6, density: 0.8, overlap: 0.46 },
    correction: -6.88,
    se: 1.2,
    partSe: { velocity: 0.03, density: 0.01, overlap: 0 },
    shift: { velocity: -0.1, logLikes: -0.2, overlap: 0 },
    learntFrom: 49,
    text,
  },
} as ScoredTag;

/** The detail pane of the stopped tag as static markup (React's text separators left out). */
const detailHtml = (): string =>
  renderToStaticMarkup(
    createElement(ResultDetail, {
      tag,
      region: 'US',
      settings: resolveSettings('organic'),
      onClose: () => {},
    }),
  ).replace(/<!-- -->/g, '');

describe('the detail of a stopped tag', () => {
  it('says its score is the full sample estimate, the words and the in-hand score once', () => {
    const html = detailHtml();
    expect(html).toContain('Score estimated');
    expect(html).toContain(
      `49.11 for the full sample, ${text} (the shares and counts above are the posts in hand`,
    );
    expect(html.split('55.99 from the posts in hand').length - 1).toBe(1);
  });

  it('says the estimate once: its flag below says why it was sampled less, not the estimate again', () => {
    const html = detailHtml();
    expect(html.split(text).length - 1).toBe(1);
    expect(html).toContain(
      'Sampled 30 of 90 by adaptive sampling: the ranking was decided without the rest.</li>',
    );
  });
});
