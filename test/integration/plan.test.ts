// `tagfit plan` as a process against the simulator, on the demo lists, where Brazil's evening posts (18–22 in
// São Paulo) get 3× the likes and no other region has an hour effect: the JSON names Brazil's evening window in its
// zone and no best time elsewhere; the .ics parses in ical.js with one event per region and slot, unique UIDs,
// starts in each region's zone and tags drawn from the candidates; the CSV has the same slots.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../src/core/simulator';
import type { ContentPlan } from '../../src/shared/plan';
import { ROOT, runCli, tempDir } from '../support/cli';
import { KEY } from '../support/faults';

const DEMO = path.join(ROOT, 'resources', 'demo');
const NOW = '2026-11-16T10:00:00Z';
const ZONES: Record<string, string> = {
  US: 'America/New_York',
  GB: 'Europe/London',
  DE: 'Europe/Berlin',
  BR: 'America/Sao_Paulo',
};

let sim: SimulatorHandle;
let ws: string;
let out: string;
const disposers: (() => Promise<void>)[] = [];

const cli = (command: string, ...more: string[]) =>
  runCli([command, '--workspace', ws, '--api-base', sim.url, '--now', NOW, '--rpm', '100000', ...more], {
    env: { TIKLIVE_KEY: KEY, TZ: 'UTC' },
  });

beforeAll(async () => {
  sim = await startSimulator({
    key: KEY,
    now: Date.parse(NOW),
    hourEffect: { region: 'BR', fromHour: 18, toHour: 22, factor: 3 },
  });
  const t = await tempDir({});
  disposers.push(t.dispose);
  ws = path.join(t.dir, 'client');
  out = path.join(t.dir, 'plan');
  const init = await runCli([
    'init',
    ws,
    ...['tags', 'creators', 'regions'].flatMap((n) => [`--${n}`, path.join(DEMO, `${n}.csv`)]),
  ]);
  expect(init.code, init.stderr).toBe(0);
  const score = await cli('score', '--quiet');
  expect(score.code, score.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  for (const d of disposers) await d();
  await sim.close();
});

describe('tagfit plan', () => {
  let plan: ContentPlan & { files: string[] };

  beforeAll(async () => {
    sim.resetStats();
    const p = await cli(
      'plan',
      '--json',
      '--quiet',
      '--weeks',
      '2',
      '--per-week',
      '3',
      '--from',
      '2026-11-23',
      '--out',
      out,
    );
    expect(p.code, p.stderr).toBe(0);
    expect(sim.stats().requests).toBe(0);
    plan = JSON.parse(p.stdout) as ContentPlan & { files: string[] };
  }, 120_000);

  it("names Brazil's evening window in its zone, and no best time in the regions without an hour effect", () => {
    expect(Object.keys(plan.regions).sort()).toEqual(['BR', 'DE', 'GB', 'US']);
    const br = plan.regions.BR!.bestTime;
    expect(br).not.toBeNull();
    expect(br!.timeZone).toBe('America/Sao_Paulo');
    expect(Number(br!.from.slice(0, 2))).toBeGreaterThanOrEqual(18);
    expect(Number(br!.to.slice(0, 2))).toBeLessThanOrEqual(22);
    expect(br!.lift).toBeGreaterThan(1.5);
    expect(br!.interval[0]).toBeGreaterThan(1);
    for (const r of ['US', 'GB', 'DE']) {
      expect(plan.regions[r]!.bestTime, r).toBeNull();
      expect(plan.regions[r]!.evidence.verdict).toMatch(
        new RegExp(`^no clear best time in ${r}: .*post when your audience is awake$`),
      );
      expect(plan.regions[r]!.timeZone).toBe(ZONES[r]);
    }
    for (const [code, r] of Object.entries(plan.regions)) {
      expect(r.slots, code).toHaveLength(6);
      // Consecutive posts do not repeat one tag set.
      for (let i = 1; i < r.slots.length; i++)
        expect(r.slots[i]!.tags.join(' '), code).not.toBe(r.slots[i - 1]!.tags.join(' '));
    }
    for (const s of plan.regions.BR!.slots) {
      expect(s.time >= br!.from && s.time < br!.to, s.time).toBe(true);
      expect(s.atBestTime).toBe(true);
    }
  });

  it('writes an .ics that ical.js parses: one event per region and slot, unique UIDs, zoned starts, candidate tags', async () => {
    const ics = await readFile(path.join(out, 'plan-2026-11-23.ics'), 'utf8');
    const cal = new ICAL.Component(ICAL.parse(ics));
    for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const slots = Object.values(plan.regions).flatMap((r) => r.slots);
    expect(events).toHaveLength(slots.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const candidates = new Set(
      (await readFile(path.join(ws, 'tags.csv'), 'utf8'))
        .split('\n')
        .slice(1)
        .map((l) => l.trim().replace(/^#/, '').toLowerCase())
        .filter(Boolean),
    );
    for (const slot of slots) {
      const e = events.find((x) => x.uid === slot.uid)!;
      expect(e, slot.uid).toBeDefined();
      expect(e.location).toBe(slot.region);
      expect(e.summary).toContain(slot.region);
      expect(e.startDate.zone?.tzid).toBe(ZONES[slot.region]);
      expect(e.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(ZONES[slot.region]);
      expect(e.startDate.toJSDate().toISOString()).toBe(slot.start);
      const tags = [...e.description.matchAll(/#(\S+)/g)].map((m) => m[1]!.toLowerCase());
      expect(tags.length).toBeGreaterThan(0);
      for (const t of slot.tags) expect(tags).toContain(t.toLowerCase());
      for (const t of slot.tags) expect(candidates.has(t.toLowerCase()), t).toBe(true);
    }
  });

  it('writes a CSV with the same slots, safe for spreadsheets', async () => {
    const text = await readFile(path.join(out, 'plan-2026-11-23.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    const slots = Object.values(plan.regions).flatMap((r) => r.slots);
    expect(rows.map((r) => r.uid)).toEqual(slots.map((s) => s.uid));
    for (const [i, r] of rows.entries()) {
      const s = slots[i]!;
      expect([r.date, r.local_time, r.time_zone, r.region]).toEqual([s.date, s.time, s.timeZone, s.region]);
      expect(r.tags).toBe(s.tags.map((t) => `#${t}`).join(' '));
    }
  });

  it('refuses a plan format it does not write, and says which it does', async () => {
    const p = await cli('plan', '--format', 'pdf', '--quiet');
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/--format "pdf" is not a plan format: use ics, csv/);
  });
});
