// The plan as an iCalendar file (RFC 5545) that Google Calendar, Outlook and Apple Calendar import: one VEVENT per
// slot with its stable UID, DTSTART in the region's zone (with the VTIMEZONE it names), the region in SUMMARY and
// LOCATION, the hashtags and reasons in DESCRIPTION. Written by ical-generator; zones by timezones-ical-library, kept
// to the current tz database (an older generator still gave São Paulo the daylight time Brazil dropped in 2019).
import ical, { type ICalTemporalZonedDateTimeStub } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { ContentPlan, PlanSlot } from '../../shared/plan';
import { dropBidi } from '../text/safe-text';
import { zonedToUtc, zoneOffsetMs } from './time-zones';

/** How long each event lasts in the calendar: a reminder to post, not a meeting. */
const SLOT_MINUTES = 30;

/**
 * A moment in a zone in the shape ical-generator reads for a zoned time (a Temporal.ZonedDateTime stand-in), so
 * the wall time comes from the zone, never from the machine's own.
 */
function zoned(tz: string, epochMs: number): ICalTemporalZonedDateTimeStub {
  const wall = new Date(epochMs + zoneOffsetMs(tz, epochMs));
  const fields = {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
  const text = `${wall.toISOString().slice(0, 19)}[${tz}]`;
  const plainDate = {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    toJSON: () => text.slice(0, 10),
    toString: () => text.slice(0, 10),
  };
  return {
    ...fields,
    timeZoneId: tz,
    toInstant: () => ({
      epochMilliseconds: epochMs,
      toJSON: () => new Date(epochMs).toISOString(),
      toString: () => new Date(epochMs).toISOString(),
      toZonedDateTimeISO: (other: string) => zoned(other, epochMs),
    }),
    toJSON: () => text,
    toString: () => text,
    toPlainDateTime: () => ({
      ...fields,
      toJSON: () => text.slice(0, 19),
      toString: () => text.slice(0, 19),
      toPlainDate: () => plainDate,
      toZonedDateTime: (other: string) =>
        zoned(other, zonedToUtc(other, text.slice(0, 10), fields.hour, fields.minute)),
    }),
    withTimeZone: (other: string) => zoned(other, epochMs),
  };
}

const line = (s: string): string => dropBidi(s);

/** The VTIMEZONE of a zone, as ical-generator asks for it. */
function vtimezone(tz: string): string | null {
  const block = tzlib_get_ical_block(tz);
  return Array.isArray(block) && block[0]?.startsWith('BEGIN:VTIMEZONE') ? block[0] : null;
}

function describe(slot: PlanSlot): string {
  const tags = slot.tags.map((t) => `#${t}`).join(' ');
  return [
    tags || '(no tag passed the picker in this region)',
    '',
    ...slot.reasons.map(line),
    '',
    `Local time ${slot.time} ${slot.timeZone}${slot.atBestTime ? ' (its best time to post)' : ''}. Planned by Tagfit.`,
  ].join('\n');
}

/** The iCalendar text of the plan; `stamp` (DTSTAMP) is the plan's clock, so the same plan gives the same file. */
export function renderPlanIcs(plan: ContentPlan, stamp: Date): string {
  const cal = ical({
    name: 'Tagfit content plan',
    prodId: { company: 'Tagfit', product: 'Content plan', language: 'EN' },
  });
  cal.timezone({ name: null, generator: vtimezone });
  for (const [region, r] of Object.entries(plan.regions)) {
    for (const slot of r.slots) {
      const at = Date.parse(slot.start);
      cal.createEvent({
        id: slot.uid,
        stamp,
        start: zoned(slot.timeZone, at),
        end: zoned(slot.timeZone, at + SLOT_MINUTES * 60_000),
        timezone: slot.timeZone,
        summary: line(
          `Post in ${region}: ${slot.tags
            .slice(0, 3)
            .map((t) => `#${t}`)
            .join(' ')}`.trim(),
        ),
        location: region,
        description: describe(slot),
      });
    }
  }
  return cal.toString();
}
