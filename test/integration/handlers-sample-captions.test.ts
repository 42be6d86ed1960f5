// The detail view's sample after a run: a run holds its posts lean (no caption text), so each post's full caption
// is read back from the workspace's answer cache; without the cache, the caption's hashtags show and say so.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/core/api/client';
import { CAPTION_NOT_KEPT } from '../../src/core/job/sample-captions';
import { parseCaptionTags } from '../../src/core/pipeline/lean-posts';
import { Secret } from '../../src/core/secrets/secret';
import { KEY, NOW_MS } from '../support/faults';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const TAGS = ['founderlife', 'smallbusinesscheck', 'uxdesign'];

/** The captions the simulator serves for a tag in a region, by post id, fetched apart from the app. */
async function servedCaptions(tag: string, region: string, pages: number, count: number) {
  const api = createClient({
    baseUrl: bed.sim.url,
    key: new Secret(KEY),
    requestsPerMinute: Infinity,
    clock: () => NOW_MS,
  });
  const challenge = await api.challengeInfo(tag);
  const captions = new Map<string, string>();
  let cursor = '0';
  for (let i = 0; i < pages; i++) {
    const page = await api.challengePosts({ challengeId: challenge.id, count, cursor, region });
    for (const p of page.posts) captions.set(p.id, p.caption);
    if (!page.hasMore) break;
    cursor = page.cursor;
  }
  return captions;
}

describe('results:sample captions', () => {
  it('shows full captions read back from the cache, and the hashtags with a plain note when the cache lost them', async () => {
    const ws = await bed.workspace(TAGS);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    const run = await a.value('run:start', {});
    const row = run.result.regions.US!.ranked.find((t) => t.served > 0)!;
    const { pages, pageSize } = run.result.settings;
    const truth = await servedCaptions(row.candidate, 'US', pages, pageSize);

    const sample = await a.value('results:sample', { region: 'US', candidate: row.candidate });
    expect(sample).toHaveLength(row.served);
    // Captions with their text, not just hashtags: the simulator's captions have words besides them.
    expect(sample.some((p) => /\s\w+\s/.test(p.caption.replace(/#\S+/g, '')))).toBe(true);
    for (const p of sample) {
      expect(p.captionFull).toBe(true);
      expect(p.captionNote).toBeUndefined();
      expect(p.caption).toBe(truth.get(p.id));
    }

    // The answers gone from the cache (removed, expired and pruned, another computer's run): the hashtags held.
    await rm(path.join(ws, 'data', 'cache'), { recursive: true, force: true });
    const held = await a.value('results:sample', { region: 'US', candidate: row.candidate });
    expect(held.map((p) => [p.id, p.likes, p.createTime, p.plays, p.authorId, p.target])).toEqual(
      sample.map((p) => [p.id, p.likes, p.createTime, p.plays, p.authorId, p.target]),
    );
    for (const p of held) {
      expect(p.captionFull).toBe(false);
      expect(p.captionNote).toBe(CAPTION_NOT_KEPT);
      expect(p.captionNote).toMatch(/^Full caption not kept/);
      const tags = parseCaptionTags(truth.get(p.id)!);
      expect(p.caption).toBe(tags.map((t) => `#${t}`).join(' '));
    }
  });
});

describe('results:sample captions in the demo', () => {
  it("reads the demo's captions back from the demo workspace's cache (the simulator's answers, kept apart)", async () => {
    const a = await bed.app();
    await a.value('workspace:open-demo', {});
    const run = await a.value('run:start', {});
    const region = Object.keys(run.result.regions)[0]!;
    const row = run.result.regions[region]!.ranked.find((t) => t.served > 0)!;
    const sample = await a.value('results:sample', { region, candidate: row.candidate });
    expect(sample).toHaveLength(row.served);
    for (const p of sample) expect(p.captionFull).toBe(true);
  });
});
