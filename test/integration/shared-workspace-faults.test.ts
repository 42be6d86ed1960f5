// Faults of a workspace on a shared drive, through the spawned CLI: a truncated or foreign file in data/, another
// computer's lock, a synced folder that cannot be written. Each is said naming the file, and nothing is lost.
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initWorkspace } from '../../src/core/workspace/layout';
import { ROOT, runCli, tempDir, UNPRIVILEGED } from '../support/cli';
import { listTree } from '../support/faults';
import { skipBecause } from '../support/skip';

const DEVICE = 'Anna';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A run record as Tagfit writes it (the smallest valid one). */
const RUN = (id: string, now: string, device?: string): string =>
  `${JSON.stringify(
    {
      format: 'tagfit-run',
      version: 1,
      id,
      now,
      preset: 'organic',
      settings: { preset: 'organic' },
      credits: { used: 3 },
      regions: { US: { ranked: [], excluded: [] } },
      failed: [],
      ...(device ? { device: { id: device.toLowerCase(), name: device } } : {}),
    },
    null,
    2,
  )}\n`;

async function workspace(): Promise<string> {
  const t = await tempDir();
  cleanups.push(async () => {
    await chmod(t.dir, 0o755).catch(() => {});
    await t.dispose();
  });
  const demo = path.join(ROOT, 'resources', 'demo');
  const ws = await initWorkspace(path.join(t.dir, 'client-acme'), {
    from: {
      tags: path.join(demo, 'tags.csv'),
      creators: path.join(demo, 'creators.csv'),
      regions: path.join(demo, 'regions.csv'),
    },
  });
  await writeFile(
    path.join(ws.paths.history, '2026-12-06T10-00-00Z--anna.json'),
    RUN('2026-12-06T10-00-00Z--anna', '2026-12-06T10:00:00.000Z', 'Anna'),
  );
  return ws.dir;
}

/** Every file of the workspace with its content: what "nothing lost" is checked against. */
async function snapshot(ws: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await listTree(ws)) out[f] = await readFile(path.join(ws, f), 'utf8');
  return out;
}

const cli = (args: string[], opts: { unprivileged?: boolean } = {}) =>
  runCli(args, { env: { TAGFIT_DEVICE: DEVICE }, ...opts });

describe('shared-drive faults', () => {
  it('a truncated run and a foreign file in data/: runs list goes on naming the damaged file; check names both and changes nothing', async () => {
    const ws = await workspace();
    const cut = path.join(ws, 'data', 'history', '2026-12-06T11-00-00Z--ben.json');
    const whole = RUN('2026-12-06T11-00-00Z--ben', '2026-12-06T11:00:00.000Z', 'Ben');
    await writeFile(cut, whole.slice(0, whole.length / 2));
    const foreign = path.join(ws, 'data', 'notes.txt');
    await writeFile(foreign, 'call the client on Monday\n');
    const before = await snapshot(ws);

    const list = await cli(['runs', 'list', '--workspace', ws, '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).map((r: { id: string }) => r.id)).toEqual(['2026-12-06T10-00-00Z--anna']);
    expect(list.stderr).toContain(`warning: History file ${cut} is damaged (line `);

    const check = await cli(['workspace', 'check', '--workspace', ws, '--fix']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`damaged: History file ${cut} is damaged (line `);
    expect(check.stdout).toContain(`: not listed; left as it is.`);
    expect(check.stdout).toContain(
      `foreign: ${foreign} is not a file Tagfit writes: left as it is and ignored (move it out of data/ if it is yours).`,
    );
    expect(await snapshot(ws)).toEqual(before);
  });

  it("another computer's lock: score refuses naming it (exit 2) and check lists it; --break-lock takes over and says so", async () => {
    const ws = await workspace();
    const note = path.join(ws, 'data', 'locks', 'ben-laptop.json');
    await mkdir(path.dirname(note), { recursive: true });
    await writeFile(
      note,
      JSON.stringify({
        app: 'app',
        pid: 777,
        host: 'bens-macbook',
        since: '2026-12-06T08:00:00Z',
        token: 'x',
        device: 'ben-laptop',
        deviceName: 'Ben laptop',
        user: 'ben',
      }),
    );
    const args = ['score', '--workspace', ws, '--demo', '--now', '2026-12-06T12:00:00Z', '--quiet'];
    const refused = await cli(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `tagfit: Workspace ${ws} is in use by the Tagfit app (pid 777 on host bens-macbook) since 2026-12-06T08:00:00Z, ` +
        'on device "Ben laptop" (user ben). That is another computer: on a shared drive its lock can look abandoned ' +
        'while the drive syncs, so Tagfit never takes it over by itself. If that Tagfit is no longer running, run ' +
        'again with --break-lock (in the app: Break the lock).\n',
    );
    const check = await cli(['workspace', 'check', '--workspace', ws]);
    expect(check.stdout).toContain(`lock: ${note}: Workspace ${ws} is in use by the Tagfit app (pid 777`);

    const taken = await cli([...args, '--break-lock']);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toContain(`took over the lock noted in ${note}`);
    expect(await readdir(path.join(ws, 'data', 'locks'))).toEqual([]);
  });

  it('data/merged cannot be made (a file in its place): a run copy is recorded once, left in place and said', async () => {
    const ws = await workspace();
    const copy = path.join(
      ws,
      'data',
      'history',
      "2026-12-06T10-00-00Z--anna (Ben's conflicted copy 2026-12-06).json",
    );
    await writeFile(copy, RUN('2026-12-06T10-00-00Z--anna', '2026-12-06T10:30:00.000Z', 'Ben'));
    await writeFile(path.join(ws, 'data', 'merged'), 'not a folder\n');

    for (let i = 0; i < 2; i++) {
      const fix = await cli(['workspace', 'check', '--workspace', ws, '--fix']);
      expect(fix.code).toBe(1);
      expect(fix.stdout).toContain(`not merged: ${copy}: `);
      expect(fix.stdout).toContain(
        `but it is left where it is. Cannot move it to ${path.join(ws, 'data', 'merged')}: a part of the path is a file, not a folder.`,
      );
    }
    const runs = JSON.parse((await cli(['runs', 'list', '--workspace', ws, '--json'])).stdout) as {
      id: string;
    }[];
    expect(runs.map((r) => r.id)).toEqual(['2026-12-06T10-00-00Z--anna', '2026-12-06T10-30-00Z--ben']);
    expect(await readFile(copy, 'utf8')).toContain('"now": "2026-12-06T10:30:00.000Z"');
  });

  it('a read-only synced folder: --fix says it cannot lock it, naming the folder; check still reports; nothing changes', async (ctx) => {
    if (!('prefix' in UNPRIVILEGED)) skipBecause(ctx, UNPRIVILEGED.reason);
    const ws = await workspace();
    const copy = path.join(ws, `tagfit (Ben's conflicted copy 2026-12-06).json`);
    await writeFile(copy, '{ "version": 1, "preset": "paid" }\n');
    await cli(['runs', 'list', '--workspace', ws]); // makes data/locks as any command on a writable folder would
    const before = await snapshot(ws);
    const dirs = (await listTree(ws)).map((f) => path.dirname(path.join(ws, f)));
    for (const d of new Set([ws, ...dirs])) await chmod(d, 0o555);
    try {
      const fix = await cli(['workspace', 'check', '--workspace', ws, '--fix'], { unprivileged: true });
      expect(fix.code).toBe(2);
      expect(fix.stderr).toMatch(
        new RegExp(
          `^tagfit: Cannot (create the lock folder|lock ${ws}: cannot create) ${ws}/data/locks.*: permission denied \\(is the folder read-only\\?\\)\\.\\n$`,
        ),
      );
      const check = await cli(['workspace', 'check', '--workspace', ws], { unprivileged: true });
      expect(check.code).toBe(1);
      expect(check.stdout).toContain(
        `conflict: ${copy} is a copy Dropbox made of ${path.join(ws, 'tagfit.json')}`,
      );
    } finally {
      for (const d of new Set([ws, ...dirs])) await chmod(d, 0o755);
    }
    expect(await snapshot(ws)).toEqual(before);
  });
});
