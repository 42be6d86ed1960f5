// The sampled variants kept in the workspace (data/localize.json, plain JSON a person can read): what the picker,
// the plan and a later `localize` read, so a variant sampled once keeps its score until sampled again.
import path from 'node:path';
import type { Equivalent } from '../../shared/localize';
import { parseJsonText, readTextFile, toPrettyJson, writeFileAtomically } from '../workspace/json-file';

export const LOCALIZE_FILE = 'localize.json';

interface Stored {
  /** The clock the variants were sampled at, ISO. */
  sampledAt: string;
  equivalents: Equivalent[];
}

const isEquivalent = (x: unknown): x is Equivalent => {
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

/**
 * The variants sampled last in the workspace (those with both scores), or none. A damaged file is said through
 * `warn` and read as none: the scores are a convenience that `localize --sample` makes again.
 */
export async function loadSampledEquivalents(
  dataDir: string | undefined,
  warn: (m: string) => void = () => {},
): Promise<Equivalent[]> {
  if (!dataDir) return [];
  const file = path.join(dataDir, LOCALIZE_FILE);
  const text = await readTextFile(file);
  if (text === undefined) return [];
  const read = parseJsonText(text);
  const list = read.ok ? (read.value as Partial<Stored>).equivalents : undefined;
  if (!read.ok || !Array.isArray(list)) {
    warn(
      `${file} is not readable (${read.ok ? 'no "equivalents" list' : read.reason}); run localize --sample again`,
    );
    return [];
  }
  return list.filter(isEquivalent).filter((e) => e.score !== null && e.tagScore !== null);
}

/** Keeps the sampled variants, replacing those of the same (tag, region, variant) and keeping the others. */
export async function saveSampledEquivalents(
  dataDir: string,
  sampled: readonly Equivalent[],
  now: Date,
): Promise<void> {
  const key = (e: Equivalent): string => `${e.tag}|${e.region}|${e.equivalent}`;
  const fresh = new Map(
    sampled.filter((e) => e.score !== null && e.tagScore !== null).map((e) => [key(e), e]),
  );
  const kept = (await loadSampledEquivalents(dataDir)).filter((e) => !fresh.has(key(e)));
  const stored: Stored = { sampledAt: now.toISOString(), equivalents: [...kept, ...fresh.values()] };
  await writeFileAtomically(path.join(dataDir, LOCALIZE_FILE), toPrettyJson(stored));
}
