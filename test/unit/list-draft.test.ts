// A list's draft: the rows the rules refuse are kept as typed beside the list, and said in the estimate.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftPath, readListDraft, saveListDraft, skippedInDrafts } from '../../src/core/input/list-draft';
import { conflictOf, isOwnName } from '../../src/core/workspace/sync/conflict-names';
import { describeSkipped } from '../../src/shared/list-draft';
import { tempDir } from '../support/cli';

let dir: { dir: string; dispose: () => Promise<void> };
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.dispose());

describe('list drafts', () => {
  it('keeps a refused row as typed (commas and quotes too) and reads it back in order', async () => {
    const typed = ['founderlife', 'slow-living', 'a, "b"', 'uxdesign'];
    await saveListDraft(dir.dir, 'tags', typed);
    expect(await readFile(draftPath(dir.dir, 'tags'), 'utf8')).toMatch(/^tag\nfounderlife\nslow-living\n/);
    expect(await readListDraft(dir.dir, 'tags')).toEqual(typed);
    const skipped = await skippedInDrafts(dir.dir);
    expect(skipped.map((s) => s.value)).toEqual(['slow-living', 'a, "b"']);
    expect(describeSkipped(skipped.slice(0, 1))).toMatch(
      /^1 row skipped: slow-living — not a hashtag: contains "-"/,
    );
  });

  it('removes the draft once every row is valid; no draft reads as none', async () => {
    await saveListDraft(dir.dir, 'regions', ['US', 'U S']);
    expect(await readListDraft(dir.dir, 'regions')).toEqual(['US', 'U S']);
    await saveListDraft(dir.dir, 'regions', ['US', 'GB']);
    expect(await readListDraft(dir.dir, 'regions')).toBeUndefined();
    expect(await skippedInDrafts(dir.dir)).toEqual([]);
    // Saving a valid list with no draft there is no error.
    await saveListDraft(dir.dir, 'tags', ['booktok']);
    expect(path.basename(draftPath(dir.dir, 'tags'))).toBe('tags.draft.csv');
  });

  it('says several skipped rows in one line', () => {
    expect(
      describeSkipped([
        { value: 'a-b', reason: 'not a hashtag' },
        { value: 'c d', reason: 'not a hashtag' },
      ]),
    ).toBe('2 rows skipped: a-b — not a hashtag; c d — not a hashtag');
    expect(describeSkipped([])).toBe('');
  });
});

describe('a draft on a shared drive', () => {
  it("a sync client's conflicted copy of a draft is recognised as a copy of that draft", () => {
    expect(isOwnName('tags.draft.csv')).toBe(true);
    expect(conflictOf("tags.draft (Anna's conflicted copy 2026-12-06).csv")).toMatchObject({
      original: 'tags.draft.csv',
    });
  });
});
