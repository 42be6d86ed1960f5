// The command palette's matching (renderer/shell/fuzzy.ts): letters in order, ranked as VS Code's quick open.
import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from '../../src/renderer/src/shell/fuzzy';

const titles = [
  'Run',
  'Export reports',
  'Retry failed pairs',
  'Results: Show View',
  'View: Results',
  'View: Regions',
  'View: Creator fit',
  'Theme: dark',
  'Theme: light',
].map((title) => ({ title }));
const first = (q: string): string | undefined => fuzzyFilter(q, titles)[0]?.title;

describe('palette matching', () => {
  it('finds the letters in order, not only a substring', () => {
    expect(first('rsv')).toBe('Results: Show View');
    expect(first('exrep')).toBe('Export reports');
    expect(first('vcf')).toBe('View: Creator fit');
    expect(first('thd')).toBe('Theme: dark');
    expect(fuzzyScore('xyz', 'Export reports')).toBeNull();
    expect(fuzzyScore('ser', 'Results')).toBeNull(); // out of order
  });

  it('ranks whole words and word starts first, and keeps the order for an empty query', () => {
    expect(first('export')).toBe('Export reports');
    expect(first('view: reg')).toBe('View: Regions');
    expect(first('run')).toBe('Run');
    expect(fuzzyFilter('', titles).map((t) => t.title)).toEqual(titles.map((t) => t.title));
  });
});
