// A list edited between two re-scores is what the next re-score reads (the app remembers parsed lists, never a
// stale one): a tag added to tags.csv is named as not fetched yet, and app:get-status shows it in the list.
import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../../src/core/simulator';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();

/** The list as a user saved it some minutes ago: its times are settled, so only a real change can show. */
async function saved(file: string, text: string, minutesAgo: number): Promise<void> {
  await writeFile(file, text);
  const t = new Date(Date.now() - minutesAgo * 60_000);
  await utimes(file, t, t);
}

describe('a list edited between re-scores', () => {
  it('the next re-score reads the edited list: the new tag is named, the status lists it', async () => {
    const names = buildDemoDataset()
      .tags.filter((t) => t.shape !== 'edge')
      .slice(0, 8)
      .map((t) => t.name);
    const ws = await bed.workspace(names, ['US']);
    const tags = path.join(ws, 'tags.csv');
    await saved(tags, `tag\n${names.join('\n')}\n`, 10);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    await a.value('run:start', {});
    const weights = { velocity: 0.5, density: 0.3, overlap: 0.2 };
    const before = await a.value('run:rescore', { overrides: { weights } });
    expect(before.summary).not.toMatch(/not fetched yet/);
    // The same list, asked again: unchanged.
    expect((await a.value('app:get-status', {})).workspace!.lists.tags).toEqual(names);

    await saved(tags, `tag\n${names.join('\n')}\nslowliving\n`, 5);
    const after = await a.value('run:rescore', { overrides: { weights } });
    expect(after.summary).toMatch(/1 candidates are not fetched yet \(slowliving\)/);
    expect((await a.value('app:get-status', {})).workspace!.lists.tags).toEqual([...names, 'slowliving']);
  });
});
