// The sampled variants kept in the workspace (plain JSON a person can read): what the picker, the plan and a later
// `localize` read, so a variant sampled once keeps its score until sampled again. data/localize.json, or in a shared
// workspace data/localize/<device>.json, each computer writing its own file (two computers sampling on one synced
// drive would otherwise leave a conflicted copy to compare by hand); read as one, the newest sample of a variant wins.
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Equivalent } from '../../shared/localize';
import { DEVICE_ID, thisDevice } from '../workspace/device';
import { parseJsonText, readTextFile, toPrettyJson, writeFileAtomically } from '../workspace/json-file';
import { workspacePaths } from '../workspace/layout';
import { sharedBecause } from '../workspace/sync/shared';

export const LOCALIZE_FILE = 'localize.json';
/** The folder of each computer's file in a shared workspace (data/localize/<device>.json). */
export const LOCALIZE_DIR = 'localize';

/** A sampled variant as kept: when it was sampled (files before 2026-12 have only the file's time). */
type StoredEquivalent = Equivalent & { sampledAt?: string };

interface Stored {
  /** The clock of the last save, ISO. */
  sampledAt: string;
  equivalents: StoredEquivalent[];
}

const isEquivalent = (x: unknown): x is StoredEquivalent => {
  const e = x as Record<string, unknown>;
  const num = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.tag === 'string' &&
    typeof e.region === 'string' &&
    typeof e.equivalent === 'string' &&
    num(e.score) &&
    num(e.tagScore)
  );
};

const key = (e: Equivalent): string => `${e.tag}|${e.region}|${e.equivalent}`;
const sampledBoth = (e: Equivalent): boolean => e.score !== null && e.tagScore !== null;

/** Every file there is: the workspace's one, then each computer's. */
async function storeFiles(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, LOCALIZE_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const own = names.filter((n) => n.endsWith('.json') && DEVICE_ID.test(n.slice(0, -5))).sort();
  return [path.join(dataDir, LOCALIZE_FILE), ...own.map((n) => path.join(dir, n))];
}

/** The sampled variants of one file, each with when it was sampled; a damaged file is said and read as none. */
async function readStore(file: string, warn: (m: string) => void): Promise<StoredEquivalent[]> {
  const text = await readTextFile(file);
  if (text === undefined) return [];
  const read = parseJsonText(text);
  const stored = read.ok ? (read.value as Partial<Stored>) : undefined;
  if (!stored || !Array.isArray(stored.equivalents)) {
    warn(
      `${file} is not readable (${read.ok ? 'no "equivalents" list' : read.reason}); run localize --sample again`,
    );
    return [];
  }
  const fileTime = typeof stored.sampledAt === 'string' ? stored.sampledAt : '';
  return stored.equivalents
    .filter(isEquivalent)
    .filter(sampledBoth)
    .map((e) => ({ ...e, sampledAt: typeof e.sampledAt === 'string' ? e.sampledAt : fileTime }));
}

/** Every computer's sampled variants as one: of a (tag, region, variant) sampled on several, the newest sample. */
async function loadStored(dataDir: string, warn: (m: string) => void): Promise<StoredEquivalent[]> {
  const newest = new Map<string, StoredEquivalent>();
  for (const file of await storeFiles(dataDir))
    for (const e of await readStore(file, warn)) {
      const held = newest.get(key(e));
      if (!held || (e.sampledAt ?? '') > (held.sampledAt ?? '')) newest.set(key(e), e);
    }
  return [...newest.values()];
}

/**
 * The variants sampled last in the workspace (those with both scores), or none. A damaged file is said through
 * `warn` and read as none: the scores are a convenience that `localize --sample` makes again.
 */
export async function loadSampledEquivalents(
  dataDir: string | undefined,
  warn: (m: string) => void = () => {},
): Promise<Equivalent[]> {
  if (!dataDir) return [];
  return (await loadStored(dataDir, warn)).map(({ sampledAt: _at, ...e }) => e);
}

/** Keeps the sampled variants, replacing those of the same (tag, region, variant) and keeping the others, in this
 * computer's file when the workspace is shared. */
export async function saveSampledEquivalents(
  dataDir: string,
  sampled: readonly Equivalent[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const fresh = new Map(sampled.filter(sampledBoth).map((e) => [key(e), { ...e, sampledAt: at }]));
  const kept = (await loadStored(dataDir, () => {})).filter((e) => !fresh.has(key(e)));
  const stored: Stored = { sampledAt: at, equivalents: [...kept, ...fresh.values()] };
  const device = await thisDevice();
  const file = (await sharedBecause(workspacePaths(path.dirname(dataDir)), device))
    ? path.join(dataDir, LOCALIZE_DIR, `${device.id}.json`)
    : path.join(dataDir, LOCALIZE_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomically(file, toPrettyJson(stored));
}
