// The Markdown report: the reference's heading and top-20 table (scores with two decimals, flags and confidence
// beside them), a summary, then every ranked tag, reasons, momentum, exclusions, failures, settings in words.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/core/engine/presets';
import type { RegionReportInput } from '../../src/core/report/document-model';
import { escapeMarkdown, renderMarkdownReport } from '../../src/core/report/markdown';
import type { Credits, RegionResult, ScoredTag } from '../../src/shared/model';

const render = (result: RegionResult, extras: Partial<RegionReportInput> = {}): string =>
  renderMarkdownReport({
    result,
    date: '2026-11-20',
    settings: PRESETS.organic,
    ...extras,
    branding: extras.branding ?? null,
  });

function tag(name: string, score: number, extra: Partial<ScoredTag> = {}): ScoredTag {
  return {
    tag: name,
    candidate: name,
    rank: 1,
    score,
    velocity: 0.5,
    density: 250.9,
    overlap: 1 / 3,
    normalised: { velocity: 0.5, density: 0.4, overlap: 0.6 },
    sample: 90,
    served: 90,
    distinctAuthors: 40,
    targetAuthors: 2,
    medianLikes: 120,
    meanLikes: 250.9,
    newestPostAt: 1_700_000_000,
    userCount: 1_000,
    viewCount: 50_000,
    isCommerce: false,
    flags: [],
    ...extra,
  };
}

const credits: Credits = {
  used: 12,
  byEndpoint: { '/challenge-info-name/': 3, '/challenge-posts/': 9 },
  calls: 14,
  retries: 2,
  rateLimited: 1,
  fromCache: 4,
  saved: { byCache: 4, byInfoOnce: 3 },
};

/** Every line of a Markdown table (a line starting with "|") must have as many cells as its header. */
function checkTables(md: string): void {
  let expected = 0;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      expected = 0;
      continue;
    }
    const cells = line.replace(/\\\|/g, '').split('|').length - 2;
    if (expected === 0) expected = cells;
    else expect(cells, line).toBe(expected);
  }
}

describe('renderMarkdownReport', () => {
  it("opens with the reference's heading and keeps its top-20 table, scores with two decimals", () => {
    const result: RegionResult = {
      region: 'US',
      ranked: [
        tag('smallbusinesscheck', 64.5, { velocity: 0.6, density: 8123.99, overlap: 0.125 }),
        tag('founderlife', 100, { rank: 2, velocity: 1, density: 50, overlap: 0.375 }),
        tag('small_business', 0, { rank: 3, velocity: 2.675, density: 0.5, overlap: 0 }),
      ],
      excluded: [],
    };
    const md = render(result);
    expect(md.split('\n')[0]).toBe('# Hashtag report US 2026-11-20');
    // The reference's columns; the figures in the app's one format per metric (shared/number-format.ts): velocity
    // as a percentage, likes per post whole with separators, overlap and the score with two decimals.
    const top = [
      '| Tag | Score | Velocity | Density | Overlap | Confidence | Flags |',
      '|---|---:|---:|---:|---:|---|---|',
      '| #smallbusinesscheck | 64.50 | 60 % | 8,124 | 0.12 |  |  |',
      '| #founderlife | 100.00 | 100 % | 50 | 0.38 |  |  |',
      '| #small_business | 0.00 | 268 % | 0 | 0.00 |  |  |',
    ].join('\n');
    expect(md).toContain(`## Top 20\n\n${top}\n\n## Every ranked tag`);
  });

  it('lists only the top 20 in the reference table and every tag in its own section', () => {
    const ranked = Array.from({ length: 25 }, (_, i) => tag(`t${i + 1}`, 100 - i, { rank: i + 1 }));
    const md = render({ region: 'BR', ranked, excluded: [] });
    const [reference, rest] = md.split('\n\n## Every ranked tag');
    expect(reference!.split('\n').filter((l) => l.startsWith('| #'))).toHaveLength(20);
    expect(reference).not.toContain('#t21');
    expect(rest).toContain('| 25 | #t25 | 76.00 |');
    checkTables(md);
  });

  it('adds samples, flags with reasons, momentum, exclusions, failures and credits', () => {
    const result: RegionResult = {
      region: 'DE',
      ranked: [
        tag('fyp', 40, {
          sample: 45,
          served: 50,
          flags: [
            { kind: 'saturated', reason: '#fyp is a mega tag.' },
            { kind: 'small-sample', reason: 'Only 45 posts sampled (under 60): the metrics are noisy.' },
          ],
          history: {
            previousRunAt: '2026-11-13T09:00:00.000Z',
            userCountGrowthPerWeek: 0.4,
            viewCountGrowthPerWeek: -0.05,
            scoreChange: 3.25,
            rankChange: 2,
            previousVelocity: 0.3,
            crossedVelocityThreshold: true,
          },
        }),
      ],
      excluded: [
        { tag: 'ghost', kind: 'not-found', reason: '#ghost was not found by TikLiveAPI (no such hashtag).' },
        { tag: 'brand', kind: 'commercial', reason: '#brand is a branded challenge run by an advertiser.' },
      ],
    };
    const md = render(result, {
      regionName: 'Germany',
      credits,
      targetCount: 12,
      failed: [{ tag: 'broken', region: 'DE', error: 'Timed out after 15 s', code: 'timeout' }],
    });
    expect(md).toContain('Germany (DE), organic preset: 1 ranked, 2 excluded, 1 failed.');
    // The summary: no pick (the only tag is saturated), the move since last week, what to watch.
    expect(md).toContain('- Picks: none. No ranked tag is free of warnings in this region.');
    expect(md).toContain('- Since the last run (2026-11-13): velocity rose above the threshold: #fyp.');
    expect(md).toContain(
      '- Watch out: in the top 20 but flagged: #fyp (saturated, small-sample); 1 tags failed (listed below).',
    );
    expect(md).toContain('| #fyp | 40.00 | 50 % | 251 | 0.33 |  | saturated, small-sample |');
    expect(md).toContain(
      '| 1 | #fyp | 40.00 |  |  |  | 50 % | 251 | 0.33 | 45 (of 50 served) | 40 | 2 | 120 | saturated, small-sample |',
    );
    // The settings in words.
    expect(md).toContain('- Velocity 35 %: share of the last 90 posts made in the last 14 days.');
    expect(md).toContain(
      "- Overlap 30 %: share of the sample's distinct authors who are among your 12 target creators.",
    );
    expect(md).toContain('- #fyp, saturated: #fyp is a mega tag.');
    expect(md).toContain('- #fyp, small-sample: Only 45 posts sampled (under 60): the metrics are noisy.');
    expect(md).toContain('| #fyp | 2026-11-13 09:00 UTC | +40.0 % | −5.0 % | +3.25 | +2 | rose above |');
    expect(md).toContain('| #ghost | not-found | #ghost was not found by TikLiveAPI (no such hashtag). |');
    expect(md).toContain('| #brand | commercial |');
    expect(md).toContain('| #broken | timeout | Timed out after 15 s |');
    expect(md).toContain('- Credits (whole run): 12 used (/challenge-info-name/ 3, /challenge-posts/ 9)');
    expect(md.endsWith('\n')).toBe(true);
    checkTables(md);
  });

  it('says when there is nothing to show', () => {
    const md = render({ region: 'US', ranked: [], excluded: [] });
    expect(md.startsWith('# Hashtag report US 2026-11-20\n\n')).toBe(true);
    expect(md).toContain('- Picks: none.');
    expect(md).toContain('No earlier run to compare with yet.');
    expect(md).toContain('No tag was scored in this region.');
  });

  it('escapes names so no cell can break the table or inject Markdown', () => {
    const nasty = [
      'a|b',
      'back\\slash',
      'line\nbreak',
      '**bold**',
      '[link](http://evil.example)',
      '<img src=x>',
      '_lead',
      '\u202Eevil',
    ];
    const result: RegionResult = {
      region: 'US',
      ranked: nasty.map((n, i) =>
        tag(n, 50 - i, { rank: i + 1, flags: [{ kind: 'saturated', reason: `#${n} | is big` }] }),
      ),
      excluded: [{ tag: 'x|y', kind: 'not-found', reason: 'bad\r\nname |' }],
    };
    const md = render(result, {
      failed: [{ tag: 'f|g', region: 'US', error: 'oops | \n here', code: 'network' }],
    });
    expect(md).toContain('| #a\\|b |');
    expect(md).toContain('| #back\\\\slash |');
    expect(md).toContain('| #line break |');
    expect(md).toContain('| #\\*\\*bold\\*\\* |');
    expect(md).toContain('#\\[link\\](http\\://evil.example)');
    expect(md).toContain('#\\<img src=x\\>');
    expect(md).toContain('#\\_lead');
    expect(md).not.toContain('\u202E');
    expect(md).toContain('| #x\\|y | not-found | bad name \\| |');
    expect(md).toContain('| #f\\|g | network | oops \\|   here |');
    checkTables(md);
    // No raw line break from a name: every table line still starts and ends with a pipe.
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
  });
});

describe('a name TikLiveAPI answered differently', () => {
  it('shows the cha_name and the name the user asked for, in every table', () => {
    const md = render({
      region: 'US',
      ranked: [tag('Evil\u202E_name', 50, { candidate: 'goodname' })],
      excluded: [],
    });
    expect(md).toContain('| #Evil_name (asked as #goodname) | 50.00 |');
    expect(md).toContain('| 1 | #Evil_name (asked as #goodname) | 50.00 |');
    expect(md).not.toContain('\u202E');
  });
});

describe('escapeMarkdown', () => {
  it('leaves ordinary names (letters, digits, intraword underscores, any script) unchanged', () => {
    for (const name of ['smallbusinesscheck', 'small_business', 'ça_va_2026', '中文标签']) {
      expect(escapeMarkdown(name)).toBe(name);
    }
  });

  it('escapes syntax and breaks autolinks', () => {
    expect(escapeMarkdown('_a_')).toBe('\\_a\\_');
    expect(escapeMarkdown('a`b~c&d')).toBe('a\\`b\\~c\\&d');
    expect(escapeMarkdown('www.example.com')).toBe('www\\.example.com');
    expect(escapeMarkdown('me@example.com')).toBe('me\\@example.com');
    expect(escapeMarkdown('tab\there')).toBe('tab here');
  });
});
