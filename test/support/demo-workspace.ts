// A client workspace made by `tagfit init` from list files (the demo's by default), as several browser tests start.
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT, runCli } from './cli';

/** The demo's tags, creators and regions lists. */
export const DEMO_LISTS = path.join(ROOT, 'resources', 'demo');

/** The tags.csv, creators.csv and regions.csv in `lists`, as `initWorkspace`'s `from` takes them. */
export function listFiles(lists = DEMO_LISTS): { tags: string; creators: string; regions: string } {
  return {
    tags: path.join(lists, 'tags.csv'),
    creators: path.join(lists, 'creators.csv'),
    regions: path.join(lists, 'regions.csv'),
  };
}

/** `tagfit init <ws>` with the tags.csv, creators.csv and regions.csv in `lists`; fails with the CLI's words. */
export async function demoWorkspace(ws: string, lists = DEMO_LISTS): Promise<void> {
  const from = listFiles(lists);
  const init = await runCli([
    'init',
    ws,
    '--tags',
    from.tags,
    '--creators',
    from.creators,
    '--regions',
    from.regions,
  ]);
  expect(init.code, init.stderr).toBe(0);
}
