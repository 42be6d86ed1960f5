// The app's handlers as the renderer reaches them (through dispatch): lists from the editor are validated like
// the CLI's CSV files, and a bad item is named before anything is fetched.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers } from '../../src/main/handlers';
import { createMemoryKeychain, type Keychain, keychainUnavailable } from '../../src/core/secrets/keychain';
import type { RunProgress } from '../../src/shared/model';
import { ROOT } from '../support/cli';

function handlers(events: RunProgress[], keychain: Keychain = createMemoryKeychain()) {
  return createHandlers({
    keychain,
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
      demo: true,
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

describe('run:start and the key', () => {
  it('a keychain that fails at run time (a locked keyring) ends the run with that said, never as a demo run', async () => {
    const events: RunProgress[] = [];
    const locked: Keychain = {
      ...createMemoryKeychain('a-real-looking-key-0123456789'),
      get: async () => {
        throw keychainUnavailable('the keyring is locked (org.freedesktop.Secret.Error.IsLocked)');
      },
    };
    const r = await dispatch(handlers(events, locked), 'run:start', {
      tags: ['founderlife'],
      creators: [],
      regions: ['US'],
      preset: 'seed',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('input');
    expect(r.error.message).toBe(
      'No TikLiveAPI key: TIKLIVE_KEY is not set and the OS keychain unavailable: the keyring is locked (org.freedesktop.Secret.Error.IsLocked). Give the key in the TIKLIVE_KEY environment variable instead, or start a keyring (gnome-keyring, KWallet).',
    );
    // Nothing ran: no progress, no simulated results passed off as real.
    expect(events).toEqual([]);
  });

  it('no key and no demo chosen: said as such, nothing fetched', async () => {
    const events: RunProgress[] = [];
    const r = await dispatch(handlers(events), 'run:start', {
      tags: ['founderlife'],
      creators: [],
      regions: ['US'],
      preset: 'seed',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'input' } });
    if (r.ok) return;
    expect(r.error.message).toMatch(/^No TikLiveAPI key: /);
    expect(events).toEqual([]);
  });
});
