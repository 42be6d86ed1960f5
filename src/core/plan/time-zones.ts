// Each region's main IANA time zone (data), and local clock time in a zone from Node's ICU: the hour a post was
// made there, and the UTC moment of a local slot. A country with several zones gets its most populous one.
import { TagfitError } from '../errors';

const REGION_TIME_ZONES: Readonly<Record<string, string>> = {
  AE: 'Asia/Dubai',
  AR: 'America/Argentina/Buenos_Aires',
  AT: 'Europe/Vienna',
  AU: 'Australia/Sydney',
  BE: 'Europe/Brussels',
  BR: 'America/Sao_Paulo',
  CA: 'America/Toronto',
  CH: 'Europe/Zurich',
  CL: 'America/Santiago',
  CO: 'America/Bogota',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EG: 'Africa/Cairo',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  HK: 'Asia/Hong_Kong',
  ID: 'Asia/Jakarta',
  IE: 'Europe/Dublin',
  IL: 'Asia/Jerusalem',
  IN: 'Asia/Kolkata',
  IT: 'Europe/Rome',
  JP: 'Asia/Tokyo',
  KE: 'Africa/Nairobi',
  KR: 'Asia/Seoul',
  MA: 'Africa/Casablanca',
  MX: 'America/Mexico_City',
  MY: 'Asia/Kuala_Lumpur',
  NG: 'Africa/Lagos',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  NZ: 'Pacific/Auckland',
  PE: 'America/Lima',
  PH: 'Asia/Manila',
  PK: 'Asia/Karachi',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SA: 'Asia/Riyadh',
  SE: 'Europe/Stockholm',
  SG: 'Asia/Singapore',
  TH: 'Asia/Bangkok',
  TR: 'Europe/Istanbul',
  TW: 'Asia/Taipei',
  UA: 'Europe/Kyiv',
  US: 'America/New_York',
  VN: 'Asia/Ho_Chi_Minh',
  ZA: 'Africa/Johannesburg',
};

/** The region's main time zone; a region the table lacks is an input error that says what to do. */
export function timeZoneOf(region: string): string {
  const tz = REGION_TIME_ZONES[region.toUpperCase()];
  if (!tz)
    throw new TagfitError(
      'input',
      `No main time zone is known for region ${region}, so the plan cannot place its posts in local time there; its zone belongs in src/core/plan/time-zones.ts.`,
    );
  return tz;
}

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatterOf(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's offset from UTC in ms at `epochMs`; zones change offset on whole UTC hours, so it is kept per hour. */
export function zoneOffsetMs(tz: string, epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  const key = `${tz}|${hour}`;
  const hit = offsets.get(key);
  if (hit !== undefined) return hit;
  const at = hour * HOUR_MS;
  const p: Record<string, number> = {};
  for (const part of formatterOf(tz).formatToParts(new Date(at)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const off = asUtc - at;
  if (offsets.size > 200_000) offsets.clear();
  offsets.set(key, off);
  return off;
}

/** The local hour (0–23) of a moment in the zone. */
export function localHour(tz: string, epochMs: number): number {
  const local = epochMs + zoneOffsetMs(tz, epochMs);
  return ((Math.floor(local / HOUR_MS) % 24) + 24) % 24;
}

/** The local calendar date "YYYY-MM-DD" of a moment in the zone. */
export function localDate(tz: string, epochMs: number): string {
  return new Date(epochMs + zoneOffsetMs(tz, epochMs)).toISOString().slice(0, 10);
}

/**
 * The UTC moment of a local date and time in the zone. A time the clocks skip (spring forward) moves on by the
 * gap; a time they pass twice (fall back) is the first.
 */
export function zonedToUtc(tz: string, date: string, hour: number, minute: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const before = zoneOffsetMs(tz, wall - 14 * HOUR_MS);
  const after = zoneOffsetMs(tz, wall + 14 * HOUR_MS);
  const fits = [wall - before, wall - after].filter((t) => t + zoneOffsetMs(tz, t) === wall);
  return fits.length > 0 ? Math.min(...fits) : wall - before;
}
