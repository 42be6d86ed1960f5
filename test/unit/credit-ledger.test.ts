// The credit ledger: per-device append-only files summed on read, a conflicted copy counted once, a damaged line
// skipped, the week by the app's clock.
import { mkdir, readdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendToLedger, ledgerDir, readLedger, summariseLedger } from '../../src/core/ledger/credit-ledger';
import { ledgerWords } from '../../src/shared/ledger';
import { tempDir } from '../support/cli';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-20T10:00:00Z');
const at = (daysAgo: number): string => new Date(NOW - daysAgo * DAY).toISOString();

describe('credit ledger', () => {
  it('each device appends to its own file; the reader sums them all, a conflicted copy once', async () => {
    const t = await tempDir();
    try {
      await appendToLedger(t.dir, { at: at(1), job: 'score', credits: 40, calls: 42 }, { device: 'laptop' });
      await appendToLedger(t.dir, { at: at(0), job: 'decode', credits: 7, calls: 7 }, { device: 'laptop' });
      await appendToLedger(
        t.dir,
        { at: at(2), job: 'creator-fit', credits: 4, calls: 4 },
        { device: 'office-pc' },
      );
      expect((await readdir(ledgerDir(t.dir))).sort()).toEqual(['laptop.jsonl', 'office-pc.jsonl']);
      // A sync tool's conflicted copy of one device's file holds the same entries: they count once.
      await copyFile(
        path.join(ledgerDir(t.dir), 'laptop.jsonl'),
        path.join(ledgerDir(t.dir), 'laptop (conflicted copy 2026-11-20).jsonl'),
      );
      const entries = await readLedger(t.dir);
      expect(entries.map((e) => [e.job, e.credits, e.device])).toEqual([
        ['creator-fit', 4, 'office-pc'],
        ['score', 40, 'laptop'],
        ['decode', 7, 'laptop'],
      ]);
      expect(summariseLedger(entries, NOW)).toEqual({
        week: 51,
        weekByJob: { score: 40, decode: 7, 'creator-fit': 4 },
        total: 51,
        weekSimulated: 0,
      });
    } finally {
      await t.dispose();
    }
  });

  it('a job that spent nothing writes nothing; a line cut short by a crash is skipped, the rest read', async () => {
    const t = await tempDir();
    try {
      expect(await appendToLedger(t.dir, { at: at(0), job: 'score', credits: 0, calls: 0 })).toBeUndefined();
      expect(await readLedger(t.dir)).toEqual([]);
      await appendToLedger(t.dir, { at: at(0), job: 'track', credits: 3, calls: 3 }, { device: 'a' });
      const file = path.join(ledgerDir(t.dir), 'a.jsonl');
      await writeFile(file, `${await readFile(file, 'utf8')}{"id":"x","at":"2026-11`, 'utf8');
      await appendToLedger(
        t.dir,
        { at: at(0), job: 'watch', credits: 2, calls: 2, stopped: true },
        { device: 'a' },
      );
      // The cut line and the next one share a line: only whole entries count.
      const entries = await readLedger(t.dir);
      expect(entries.map((e) => e.job)).toEqual(['track']);
    } finally {
      await t.dispose();
    }
  });

  it('the week is the 7 days up to the app clock; the demo’s credits are said to be simulated', () => {
    const e = (daysAgo: number, credits: number, simulated = false) => ({
      id: `${daysAgo}-${credits}`,
      at: at(daysAgo),
      job: 'score' as const,
      credits,
      calls: credits,
      simulated,
      device: 'd',
    });
    const s = summariseLedger([e(8, 100), e(6.9, 10), e(0, 5, true)], NOW);
    expect(s).toMatchObject({ week: 15, total: 115, weekSimulated: 5 });
    expect(ledgerWords(s)).toBe(
      '15 credits this week: 15 on runs (5 of them simulated, in the demo); 115 in all.',
    );
  });

  it('an empty ledger folder reads as no entry', async () => {
    const t = await tempDir();
    try {
      await mkdir(ledgerDir(t.dir), { recursive: true });
      expect(await readLedger(t.dir)).toEqual([]);
    } finally {
      await t.dispose();
    }
  });
});
