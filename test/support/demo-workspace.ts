// A client workspace made by `tagfit init` from list files (the demo's by default), as several browser tests start.
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT, runCli } from './cli';

/** The demo's tags, creators and regions lists. */
export const DEMO_LISTS = path.join(ROOT, 'resources', 'demo');

/** `tagfit init <ws>` with the tags.csv, creators.csv and regions.csv in `lists`; fails with the CLI's words. */
export async function demoWorkspace(ws: string, lists = DEMO_LISTS): Promise<void> {
  const init = await runCli([
    'init',
    ws,
    ...['tags', 'creators', 'regions'].flatMap((n) => [`--${n}`, path.join(lists, `${n}.csv`)]),
  ]);
  expect(init.code, init.stderr).toBe(0);
}
