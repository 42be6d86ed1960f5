// The app's handlers as the renderer reaches them (through dispatch): lists from the editor are validated like
// the CLI's CSV files, and a bad item is named before anything is fetched.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers } from '../../src/main/handlers';
import { createMemoryKeychain } from '../../src/core/secrets/keychain';
import type { RunProgress } from '../../src/shared/model';
import { ROOT } from '../support/cli';

function handlers(events: RunProgress[]) {
  return createHandlers({
    keychain: createMemoryKeychain(),
    clock: () => new Date('2026-11-20T00:00:00Z'),
    demoDir: path.join(ROOT, 'resources', 'demo'),
    version: 'test',
    emit: (_channel, payload) => events.push(payload),
  });
}

describe('run:start from the editor', () => {
  it('refuses an invalid item with the list, its position and the reason, and fetches nothing', async () => {
    const events: RunProgress[] = [];
    const r = await dispatch(handlers(events), 'run:start', {
      tags: ['#founderlife', 'small business', 'ok_tag'],
      creators: ['@acme_designs', 'x'],
      regions: ['us', 'USA'],
      preset: 'seed',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('input');
    expect(r.error.message).toContain(
      'Candidate hashtags, item 2: "small business" is not a hashtag: contains a space',
    );
    expect(r.error.message).toContain('Target creators, item 2: "x" is not a username');
    expect(r.error.message).toContain('Regions, item 2: "USA" is not a region code');
    expect(events).toEqual([]);
  });

  it('normalises and merges like the CSV reader: "#FounderLife" and "founderlife" are one tag', async () => {
    const events: RunProgress[] = [];
    const r = await dispatch(handlers(events), 'run:start', {
      tags: ['#FounderLife', 'founderlife', 'smallbusinesscheck'],
      creators: ['@Acme_Designs'],
      regions: ['us'],
      preset: 'organic',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const result = r.value as {
      regions: Record<string, { ranked: { tag: string; targetAuthors: number }[] }>;
    };
    expect(result.regions.US!.ranked.map((t) => t.tag).sort()).toEqual(['founderlife', 'smallbusinesscheck']);
    expect(events.at(-1)).toMatchObject({ type: 'done', failed: 0 });
  });
});
