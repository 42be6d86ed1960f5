// The file answer cache: hits, misses, ages, damaged entries, the size bound, prune, stats and lookup speed.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileCache } from '../../src/core/workspace/cache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tagfit-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = Date.parse('2026-11-20T10:00:00Z');
const HOUR = 3_600_000;
const fileOf = (key: string): string => {
  const h = createHash('sha256').update(key).digest('hex');
  return path.join(dir, h.slice(0, 2), `${h}.json`);
};

describe('file cache', () => {
  it('misses, then hits with the stored answer in <2 hex>/<sha256>.json holding the key', async () => {
    const cache = createFileCache(dir);
    const key = '/challenge-info-name/?name=booktok';
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, { fetchedAt: NOW, body: { id: '42', cha_name: 'booktok' } });
    expect(await cache.get(key)).toEqual({ fetchedAt: NOW, body: { id: '42', cha_name: 'booktok' } });
    const stored = JSON.parse(await readFile(fileOf(key), 'utf8'));
    expect(stored).toEqual({ key, fetchedAt: NOW, body: { id: '42', cha_name: 'booktok' } });
    // A fresh instance (another run) reads the same entry.
    expect(await createFileCache(dir).get(key)).toEqual({
      fetchedAt: NOW,
      body: { id: '42', cha_name: 'booktok' },
    });
  });

  it('an entry changed on disk after this process read it is read again, not served from memory', async () => {
    for (const syncReads of [false, true]) {
      const cache = createFileCache(dir, { syncReads });
      const key = `/challenge-info-name/?name=memo${syncReads}`;
      await cache.set(key, { fetchedAt: NOW, body: { id: '1' } });
      expect((await cache.get(key))?.body).toEqual({ id: '1' });
      // Another tool rewrites the entry (a different answer, a later fetch).
      await writeFile(
        fileOf(key),
        JSON.stringify({ key, fetchedAt: NOW + HOUR, body: { id: '2', extra: true } }),
      );
      expect(await cache.get(key)).toEqual({ fetchedAt: NOW + HOUR, body: { id: '2', extra: true } });
    }
  });

  it('judges freshness by age', async () => {
    const cache = createFileCache(dir);
    await cache.set('k', { fetchedAt: NOW - 2 * HOUR, body: 1 });
    expect(await cache.has('k', HOUR, NOW)).toBe(false);
    expect(await cache.has('k', 3 * HOUR, NOW)).toBe(true);
    expect(await cache.has('other', 3 * HOUR, NOW)).toBe(false);
  });

  it('a truncated entry is a miss with a warning naming its path, and the next set replaces it', async () => {
    const warnings: string[] = [];
    const cache = createFileCache(dir, { onWarning: (m) => warnings.push(m) });
    const key = '/challenge-posts/?challenge_id=1&count=30&cursor=0&region=US';
    await cache.set(key, { fetchedAt: NOW, body: { videos: [] } });
    const file = fileOf(key);
    const full = await readFile(file, 'utf8');
    await writeFile(file, full.slice(0, full.length - 5));
    expect(await cache.get(key)).toBeUndefined();
    expect(await cache.has(key, HOUR, NOW)).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(file);
    expect(warnings[0]).toContain('damaged');
    await cache.set(key, { fetchedAt: NOW, body: { videos: [1] } });
    expect(await cache.get(key)).toEqual({ fetchedAt: NOW, body: { videos: [1] } });
  });

  it('an entry holding another key is a miss, not a wrong answer', async () => {
    const warnings: string[] = [];
    const cache = createFileCache(dir, { onWarning: (m) => warnings.push(m) });
    await cache.set('a', { fetchedAt: NOW, body: 'A' });
    await mkdir(path.dirname(fileOf('b')), { recursive: true });
    await writeFile(fileOf('b'), await readFile(fileOf('a'), 'utf8'));
    expect(await cache.get('b')).toBeUndefined();
    expect(warnings[0]).toContain(fileOf('b'));
    expect(warnings[0]).toContain('another request');
  });

  it('evicts the oldest entries when over the size bound, and says so once', async () => {
    const warnings: string[] = [];
    const body = 'x'.repeat(1000);
    const entryBytes = Buffer.byteLength(JSON.stringify({ key: 'k0', fetchedAt: NOW, body }));
    const cache = createFileCache(dir, { maxBytes: entryBytes * 3, onWarning: (m) => warnings.push(m) });
    for (let i = 0; i < 5; i++) await cache.set(`k${i}`, { fetchedAt: NOW + i * HOUR, body });
    const s = await cache.stats();
    expect(s.entries).toBe(3);
    expect(s.bytes).toBeLessThanOrEqual(entryBytes * 3);
    expect(s.evicted).toBe(2);
    expect(await cache.get('k0')).toBeUndefined();
    expect(await cache.get('k1')).toBeUndefined();
    expect(await cache.get('k4')).toBeDefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/removed the 1 oldest entry/);
  });

  it('reports stats and prunes by age, by size, and damaged files', async () => {
    const warnings: string[] = [];
    const cache = createFileCache(dir, { onWarning: (m) => warnings.push(m) });
    expect(await cache.stats()).toMatchObject({ entries: 0, bytes: 0, oldest: null, newest: null });
    for (let i = 0; i < 6; i++) await cache.set(`k${i}`, { fetchedAt: NOW - i * 24 * HOUR, body: { i } });
    const s = await cache.stats();
    expect(s.entries).toBe(6);
    expect(s.oldest).toBe(NOW - 5 * 24 * HOUR);
    expect(s.newest).toBe(NOW);
    expect(s.bytes).toBeGreaterThan(0);

    await writeFile(fileOf('k1'), '{"key":"k1","fetchedAt":');
    const byAge = await cache.prune({ olderThanMs: 3.5 * 24 * HOUR, now: NOW });
    expect(byAge.removed).toBe(3); // k4, k5 by age, k1 damaged
    expect(byAge.freedBytes).toBeGreaterThan(0);
    expect(warnings.some((w) => w.includes(fileOf('k1')))).toBe(true);
    expect((await cache.stats()).entries).toBe(3);

    const one = Buffer.byteLength(await readFile(fileOf('k0'), 'utf8'));
    const bySize = await cache.prune({ now: NOW, maxBytes: one });
    expect(bySize.removed).toBe(2);
    expect(await cache.get('k0')).toBeDefined();
    expect(await cache.get('k3')).toBeUndefined();
    expect(await createFileCache(dir).stats()).toMatchObject({ entries: 1, oldest: NOW, newest: NOW });
  });

  it('~700 entries looked up at once, as the client queue asks, each read back as written (its speed: npm run bench -- --speed)', async () => {
    const writer = createFileCache(dir);
    const bodyOf = (i: number) => ({
      videos: Array.from({ length: 30 }, (_, v) => ({ video_id: `${i}-${v}`, title: `a caption #tag${i}` })),
    });
    const keys = Array.from({ length: 700 }, (_, i) => `/challenge-posts/?challenge_id=${i}&cursor=0`);
    await Promise.all(keys.map((k, i) => writer.set(k, { fetchedAt: NOW + i, body: bodyOf(i) })));
    const reader = createFileCache(dir);
    const answers = await Promise.all(keys.map((k) => reader.get(k)));
    // Each key its own answer, none mixed up or lost under concurrency.
    expect(answers.map((a) => a?.fetchedAt)).toEqual(keys.map((_, i) => NOW + i));
    expect(answers.map((a) => a?.body)).toEqual(keys.map((_, i) => bodyOf(i)));
    expect((await readdir(dir)).every((n) => /^[0-9a-f]{2}$/.test(n))).toBe(true);
  });
});
