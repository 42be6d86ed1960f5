// Run history: one JSON file per run under data/history (record, list, load). What the runs tell about a tag's
// momentum is the engine's (engine/momentum.ts).
import { access, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type {
  Credits,
  ExcludedTag,
  FailedTag,
  FlagKind,
  PresetName,
  RegionCode,
  RunResult,
  ScoredTag,
  ScoringSettings,
} from '../../shared/model';
import { STORED_ROW_KEYS, type StoredRowKey } from '../../shared/scored-row';
import { TagfitError } from '../errors';
import type { AtomicFs } from '../storage/atomic-write';
import { storageError } from '../storage/storage-error';
import { parseJsonText, readTextFile, toPrettyJson, writeFileAtomically } from './json-file';
import type { RunSummary } from '../../shared/history';
import { presetSchema } from '../../shared/scoring-registry';
import { type RunRow, tagKey } from '../engine/momentum';
import { type Device, thisDevice } from './device';
import { conflictOf } from './sync/conflict-names';

export type { RunSummary };

export const HISTORY_VERSION = 1;

/** A run's id: its clock to the second, `-2`… when taken, and since shared workspaces `--<device>` (older runs have none). */
const RUN_ID =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}Z(?:-[0-9]+)?(?:--[a-z0-9][a-z0-9-]{1,46}[a-z0-9])?$/;

/** A ranked row as the history keeps it: the scored-row fields marked `history`, flags by name only. */
export type StoredTag = RunRow &
  Pick<ScoredTag, Exclude<StoredRowKey, 'flags'>> & {
    flags: FlagKind[];
  };

export interface StoredRun {
  format: 'tagfit-run';
  version: number;
  id: string;
  now: string;
  preset: PresetName;
  settings: ScoringSettings;
  credits: Credits;
  regions: Record<RegionCode, { ranked: StoredTag[]; excluded: ExcludedTag[] }>;
  failed: FailedTag[];
  stopped?: RunResult['stopped'];
  /** The run was on the built-in simulator (the demo). */
  simulated?: true;
  /** The computer that made the run (since shared workspaces; older runs have none). */
  device?: { id: string; name: string };
}

const num = z.number();
const storedTagSchema = z.object({
  tag: z.string(),
  candidate: z.string(),
  rank: z.int(),
  score: num,
  velocity: num,
  density: num,
  overlap: num,
  sample: z.int(),
  userCount: num,
  viewCount: num,
  isCommerce: z.boolean(),
  flags: z.array(z.string()),
  // Recorded since the confidence was added: older files have none.
  confidence: z
    .looseObject({
      low: num.nullable(),
      high: num.nullable(),
      rankLow: z.int(),
      rankHigh: z.int(),
      label: z.string(),
    })
    .optional(),
});
const storedRunSchema = z.object({
  format: z.literal('tagfit-run'),
  version: z.literal(HISTORY_VERSION),
  id: z.string(),
  now: z.iso.datetime({ offset: true }),
  preset: presetSchema,
  // Our own writer wrote these whole; checking the parts we read keeps an older file usable.
  settings: z.looseObject({ preset: z.string() }),
  credits: z.looseObject({ used: num }),
  regions: z.record(
    z.string(),
    z.object({
      ranked: z.array(storedTagSchema),
      excluded: z.array(z.looseObject({ tag: z.string(), reason: z.string(), kind: z.string() })),
    }),
  ),
  failed: z.array(
    z.looseObject({ tag: z.string(), region: z.string(), error: z.string(), code: z.string() }),
  ),
  stopped: z.looseObject({ code: z.string(), message: z.string() }).optional(),
  simulated: z.literal(true).optional(),
  device: z.object({ id: z.string(), name: z.string() }).optional(),
});

/** The history folder inside a workspace's data folder. */
export const historyDir = (dataDir: string): string => path.join(path.resolve(dataDir), 'history');

/** `2026-11-20T10:00:00.000Z` → `2026-11-20T10-00-00Z`: sortable, and safe on every filesystem (no colons). */
export function runIdBase(nowIso: string): string {
  const t = Date.parse(nowIso);
  if (Number.isNaN(t))
    throw new TagfitError('input', `A run's time is not an ISO date: ${JSON.stringify(nowIso)}.`);
  return new Date(t)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

/** The row with only the fields the history keeps (scored-row.ts marks them). */
export function toStoredTag(t: ScoredTag): StoredTag {
  const row: Record<string, unknown> = {};
  for (const key of STORED_ROW_KEYS)
    if (t[key] !== undefined) row[key] = key === 'flags' ? t.flags.map((f) => f.kind) : t[key];
  return row as StoredTag;
}

export function toStoredRun(result: RunResult, id: string, device?: StoredRun['device']): StoredRun {
  const regions: StoredRun['regions'] = {};
  for (const [code, r] of Object.entries(result.regions)) {
    regions[code] = {
      ranked: r.ranked.map(toStoredTag),
      excluded: r.excluded.map((e) => ({ ...e })),
    };
  }
  const run: StoredRun = {
    format: 'tagfit-run',
    version: HISTORY_VERSION,
    id,
    now: result.now,
    preset: result.preset,
    settings: result.settings,
    credits: result.credits,
    regions,
    failed: result.failed,
  };
  if (result.stopped) run.stopped = result.stopped;
  if (result.simulated) run.simulated = true;
  if (device) run.device = { id: device.id, name: device.name };
  return run;
}

const exists = (p: string): Promise<boolean> =>
  access(p).then(
    () => true,
    () => false,
  );

/**
 * Records a run as data/history/<runId>.json (atomic write). The id comes from the run's clock, with `-2`, `-3`…
 * when taken, then the device's id: on a shared drive each computer writes only names of its own, and the
 * workspace lock makes this process the only writer on this computer, so checking then writing is safe.
 */
export async function recordRun(
  dataDir: string,
  result: RunResult,
  opts: { fs?: AtomicFs; device?: Device } = {},
): Promise<{ id: string; path: string }> {
  const dir = historyDir(dataDir);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw storageError('create the folder', dir, e);
  }
  const device = opts.device ?? (await thisDevice());
  const base = runIdBase(result.now);
  const idOf = (n: number): string => `${base}${n > 1 ? `-${n}` : ''}--${device.id}`;
  let id = idOf(1);
  for (let n = 2; await exists(path.join(dir, `${id}.json`)); n++) id = idOf(n);
  const file = path.join(dir, `${id}.json`);
  await writeFileAtomically(file, toPrettyJson(toStoredRun(result, id, device)), { fs: opts.fs });
  return { id, path: file };
}

/** Parses one history file; undefined with a reason when it is damaged or from a newer Tagfit. */
export function parseRun(raw: string, file: string): { run: StoredRun } | { problem: string } {
  const read = parseJsonText(raw);
  if (!read.ok) return { problem: `History file ${file} is damaged (${read.reason}); skipped.` };
  const v = read.value as { version?: unknown } | null;
  if (v && typeof v === 'object' && typeof v.version === 'number' && v.version > HISTORY_VERSION) {
    return {
      problem: `History file ${file} was written by a newer Tagfit (format version ${v.version}); skipped and left as it is.`,
    };
  }
  const parsed = storedRunSchema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    return {
      problem: `History file ${file} is not valid (${field ? `field "${field}": ` : ''}${issue?.message}); skipped.`,
    };
  }
  // The schema checks what is read back; the rest is what our own writer put there.
  return { run: parsed.data as unknown as StoredRun };
}

function summarise(run: StoredRun, file: string): RunSummary {
  const tags = new Set<string>();
  for (const r of Object.values(run.regions)) for (const t of r.ranked) tags.add(tagKey(t.tag));
  return {
    id: run.id,
    now: run.now,
    preset: run.preset,
    regions: Object.keys(run.regions),
    tags: tags.size,
    creditsUsed: run.credits.used,
    stopped: run.stopped !== undefined,
    path: file,
    ...(run.device ? { device: run.device.name } : {}),
  };
}

/** Every recorded run, oldest first. Damaged or newer files are reported through onWarning and skipped. */
export async function listRuns(dataDir: string, onWarning?: (msg: string) => void): Promise<RunSummary[]> {
  return (await readRuns(dataDir, onWarning)).map(({ run, file }) => summarise(run, file));
}

/** Every recorded run whole, oldest first (each file read once), skipping damaged ones as listRuns does. */
export async function loadRuns(dataDir: string, onWarning?: (msg: string) => void): Promise<StoredRun[]> {
  return (await readRuns(dataDir, onWarning)).map(({ run }) => run);
}

async function readRuns(
  dataDir: string,
  onWarning?: (msg: string) => void,
): Promise<{ run: StoredRun; file: string }[]> {
  const dir = historyDir(dataDir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new TagfitError('storage', `Cannot read ${dir}: ${(e as Error).message}`, { path: dir });
  }
  const out: { run: StoredRun; file: string }[] = [];
  // A sync client's conflicted copy is not a run of its own: `workspace check --fix` merges it (conflicts.ts).
  for (const name of names.filter((n) => n.endsWith('.json') && !conflictOf(n)).sort()) {
    const file = path.join(dir, name);
    let raw: string | undefined;
    try {
      raw = await readTextFile(file);
    } catch (e) {
      onWarning?.((e as Error).message);
      continue;
    }
    if (raw === undefined) continue;
    const r = parseRun(raw, file);
    if ('problem' in r) onWarning?.(r.problem);
    else out.push({ run: r.run, file });
  }
  return out.sort(
    (a, b) => Date.parse(a.run.now) - Date.parse(b.run.now) || a.run.id.localeCompare(b.run.id),
  );
}

/** One recorded run; TagfitError('input') for a bad id, ('storage') when missing or damaged. */
export async function loadRun(dataDir: string, id: string): Promise<StoredRun> {
  if (!RUN_ID.test(id)) throw new TagfitError('input', `Not a run id: ${JSON.stringify(id)}.`);
  const file = path.join(historyDir(dataDir), `${id}.json`);
  const raw = await readTextFile(file);
  if (raw === undefined)
    throw new TagfitError('storage', `No recorded run ${id} (${file} is missing).`, { path: file });
  const r = parseRun(raw, file);
  if ('problem' in r) throw new TagfitError('storage', r.problem, { path: file });
  return r.run;
}
