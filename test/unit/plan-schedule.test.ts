// The plan's slots and files without a run: tag sets rotate so consecutive posts differ, two posts on one day go to
// different hours, local times hold across a daylight-saving change, and the .ics parses in ical.js with each start
// in its zone; no CSV cell reads as a formula.
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { RegionPicks } from '../../src/shared/discover';
import type { ContentPlan, TimingEvidence } from '../../src/shared/plan';
import { renderPlanIcs } from '../../src/core/plan/ics';
import { renderPlanCsv } from '../../src/core/plan/plan-csv';
import { rotatedSets, scheduleRegion } from '../../src/core/plan/schedule';
import { planOf } from '../../src/core/job/plan-job';
import type { SampledRun } from '../../src/core/job/discover-job';

const picks = (region: string, tags: string[]): RegionPicks => ({
  region,
  picks: tags.map((tag, i) => ({ tag, candidate: tag, score: 90 - i, reason: `reason ${tag}` })),
  passedOver: [],
});

const timing = (region: string, timeZone: string, best: [string, string] | null): TimingEvidence => ({
  region,
  timeZone,
  bestTime: best ? { from: best[0], to: best[1], timeZone, lift: 3, interval: [2.5, 3.5], p: 0.001 } : null,
  verdict: '',
  posts: 500,
  leftOutYoung: 0,
  strongest: null,
  byHour: [],
});

describe('plan slots', () => {
  it('rotates tag sets so that consecutive posts do not repeat one, and keeps one set when there is no other', () => {
    const sets = rotatedSets(picks('US', ['a', 'b', 'c', 'd', 'e', 'f', 'g']), 5, 6);
    for (let i = 1; i < sets.length; i++)
      expect(sets[i]!.map((p) => p.tag)).not.toEqual(sets[i - 1]!.map((p) => p.tag));
    for (const s of sets) expect(new Set(s.map((p) => p.tag)).size).toBe(5);
    const one = rotatedSets(picks('US', ['a', 'b', 'c']), 5, 3);
    expect(one.map((s) => s.map((p) => p.tag).join())).toEqual(['a,b,c', 'a,b,c', 'a,b,c']);
  });

  it('puts slots at the start of the best window, a second post on one day an hour later', () => {
    const slots = scheduleRegion(
      timing('MX', 'America/Mexico_City', ['18:00', '22:00']),
      picks('MX', ['a', 'b', 'c', 'd', 'e', 'f']),
      { from: '2026-12-07', weeks: 1, perWeek: 14, setSize: 3 },
    );
    expect(slots).toHaveLength(14);
    const byDay = new Map<string, string[]>();
    for (const s of slots) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s.time]);
    expect([...byDay.values()].every((t) => t.join() === '18:00,19:00')).toBe(true);
    expect(new Set(slots.map((s) => s.uid)).size).toBe(14);
    // Mexico City has no daylight time since 2022: 18:00 is 00:00 UTC the next day.
    expect(slots[0]!.start).toBe('2026-12-08T00:00:00.000Z');
  });

  it('keeps the local time across a daylight-saving change, and spreads posts without a best time', () => {
    const slots = scheduleRegion(timing('DE', 'Europe/Berlin', null), picks('DE', ['a', 'b']), {
      from: '2026-03-23',
      weeks: 2,
      perWeek: 3,
    });
    expect(slots.map((s) => s.time)).toEqual(['09:00', '12:00', '15:00', '18:00', '20:00', '09:00']);
    const before = slots.find((s) => s.date < '2026-03-29')!;
    const after = slots.find((s) => s.date > '2026-03-29' && s.time === before.time)!;
    // 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC in summer.
    expect(before.start.slice(11, 16)).toBe('08:00');
    expect(after.start.slice(11, 16)).toBe('07:00');
  });
});

describe('plan files', () => {
  const slots = scheduleRegion(
    timing('DE', 'Europe/Berlin', ['09:00', '11:00']),
    picks('DE', ['=cmd', 'b', 'c']),
    { from: '2026-03-23', weeks: 2, perWeek: 2 },
  );
  const plan: ContentPlan = {
    from: '2026-03-23',
    weeks: 2,
    perWeek: 2,
    skipped: [],
    regions: {
      DE: { bestTime: null, timeZone: 'Europe/Berlin', evidence: timing('DE', 'Europe/Berlin', null), slots },
    },
  };

  it('writes an .ics whose events start at the local time in their zone, on both sides of the change', () => {
    const cal = new ICAL.Component(ICAL.parse(renderPlanIcs(plan, new Date('2026-03-20T00:00:00Z'))));
    for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(slots.map((s) => s.start));
    expect(events.map((e) => `${e.startDate.hour}:${e.startDate.zone?.tzid}`)).toEqual(
      slots.map(() => '9:Europe/Berlin'),
    );
    expect(events.every((e) => e.description.includes('#=cmd'))).toBe(true);
  });

  it('writes a CSV with a row per slot, no cell a spreadsheet would run as a formula', () => {
    const rows = parse(renderPlanCsv(plan), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[0]!.tags).toBe('#=cmd #b #c');
    expect(rows.map((r) => r.local_time)).toEqual(['09:00', '09:00', '09:00', '09:00']);
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@]/);
  });
});

describe('plan regions', () => {
  it('plans the regions it knows a zone for and says which it left out and why', () => {
    const run = {
      result: {
        now: '2026-12-06T12:00:00Z',
        regions: {
          DE: { region: 'DE', ranked: [], excluded: [] },
          XQ: { region: 'XQ', ranked: [], excluded: [] },
        },
      },
      data: { samples: new Map(), challenges: new Map() },
    } as unknown as SampledRun & { result: { now: string } };
    const plan = planOf({ run, weeks: 1, perWeek: 2, now: Date.parse('2026-12-06T12:00:00Z') });
    expect(Object.keys(plan.regions)).toEqual(['DE']);
    expect(plan.regions.DE!.bestTime).toBeNull();
    expect(plan.regions.DE!.evidence.verdict).toMatch(/^no clear best time in DE: .*too few/);
    expect(plan.from).toBe('2026-12-07');
    expect(plan.skipped).toEqual([
      { region: 'XQ', reason: expect.stringMatching(/^No main time zone is known for region XQ/) },
    ]);
  });
});
