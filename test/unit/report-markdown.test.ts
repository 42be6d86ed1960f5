// The Markdown report: the reference's report first, byte for byte, then Tagfit's sections, all escaped.
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdownReport } from '../../src/core/report/markdown';
import type { Credits, RegionResult, ScoredTag } from '../../src/shared/model';

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
  it("starts with exactly the reference's report", () => {
    const result: RegionResult = {
      region: 'US',
      ranked: [
        tag('smallbusinesscheck', 64.5, { velocity: 0.6, density: 8123.99, overlap: 0.125 }),
        tag('founderlife', 100, { rank: 2, velocity: 1, density: 50, overlap: 0.375 }),
        tag('small_business', 0, { rank: 3, velocity: 2.675, density: 0.5, overlap: 0 }),
      ],
      excluded: [],
    };
    const md = renderMarkdownReport(result, '2026-11-20');
    // What the reference script writes for these rows (Python: str(score), :.2f, int(), :.2f).
    const reference = [
      '# Hashtag report US 2026-11-20',
      '',
      '| Tag | Score | Velocity | Density | Overlap |',
      '|---|---|---|---|---|',
      '| #smallbusinesscheck | 64.5 | 0.60 | 8123 | 0.12 |',
      '| #founderlife | 100.0 | 1.00 | 50 | 0.38 |',
      '| #small_business | 0.0 | 2.67 | 0 | 0.00 |',
    ].join('\n');
    expect(md.startsWith(`${reference}\n\n## `)).toBe(true);
  });

  it('lists only the top 20 in the reference table and every tag in its own section', () => {
    const ranked = Array.from({ length: 25 }, (_, i) => tag(`t${i + 1}`, 100 - i, { rank: i + 1 }));
    const md = renderMarkdownReport({ region: 'BR', ranked, excluded: [] }, '2026-11-20');
    const [reference, rest] = md.split('\n\n## About this report');
    expect(reference!.split('\n').filter((l) => l.startsWith('| #'))).toHaveLength(20);
    expect(reference).not.toContain('#t21');
    expect(rest).toContain('| 25 | #t25 |');
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
    const md = renderMarkdownReport(result, '2026-11-20', {
      regionName: 'Germany',
      preset: 'organic',
      credits,
      failed: [{ tag: 'broken', region: 'DE', error: 'Timed out after 15 s', code: 'timeout' }],
    });
    expect(md).toContain('- Region: Germany (DE)');
    expect(md).toContain('- Preset: organic');
    expect(md).toContain(
      '| 1 | #fyp | 40.0 | 0.50 | 250.90 | 0.33 | 45 (of 50 served) | 40 | 2 | 120 | saturated, small-sample |',
    );
    expect(md).toContain('- #fyp, saturated: #fyp is a mega tag.');
    expect(md).toContain('- #fyp, small-sample: Only 45 posts sampled (under 60): the metrics are noisy.');
    expect(md).toContain('| #fyp | 2026-11-13T09:00:00.000Z | +40.0 % | -5.0 % | +3.25 | +2 | yes |');
    expect(md).toContain('| #ghost | not-found | #ghost was not found by TikLiveAPI (no such hashtag). |');
    expect(md).toContain('| #brand | commercial |');
    expect(md).toContain('| #broken | DE | timeout | Timed out after 15 s |');
    expect(md).toContain('- Credits used: 12 (/challenge-info-name/ 3, /challenge-posts/ 9)');
    expect(md.endsWith('\n')).toBe(true);
    checkTables(md);
  });

  it('says when there is nothing to show', () => {
    const md = renderMarkdownReport({ region: 'US', ranked: [], excluded: [] }, '2026-11-20');
    expect(
      md.startsWith(
        '# Hashtag report US 2026-11-20\n\n| Tag | Score | Velocity | Density | Overlap |\n|---|---|---|---|---|\n\n',
      ),
    ).toBe(true);
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
    const md = renderMarkdownReport(result, '2026-11-20', {
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
    checkTables(md);
    // No raw line break from a name: every table line still starts and ends with a pipe.
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
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
