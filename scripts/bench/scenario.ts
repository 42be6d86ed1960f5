// The benchmark's fixed scenario: the clock, regions, latency, key and the candidate list drawn from the demo world.
import type { RegionCode } from '../../src/shared/model';
import { buildDemoDataset, type DatasetTag, type TagShape } from '../../src/core/simulator';

export const NOW = new Date('2026-11-20T00:00:00Z');
export const REGIONS: readonly RegionCode[] = ['US', 'GB', 'DE', 'BR'];
export const LATENCY_MS = 300;
export const CONCURRENCY = 8;
/** The raised plan and the standard one, in calls a minute. */
export const RAISED_RPM = 600;
export const STANDARD_RPM = 200;
export const FULL_TAGS = 50;
export const QUICK_TAGS = 20;
/** The simulator's accepted key: a placeholder, not a secret. */
export const BENCH_KEY = 'bench-key-0123456789';

const dataset = buildDemoDataset();

/** Target creators: the demo world's own list. */
export const TARGETS: readonly string[] = dataset.creators;

/** Whether a tag serves posts in at least one benched region (regional tags of other countries do not). */
const servesBenchedRegion = (t: DatasetTag): boolean =>
  t.regions === null || REGIONS.some((r) => (t.regions?.[r] ?? 0) > 0);

/**
 * The candidate list a user of these four regions could hold: every hashtag of the demo world except the
 * edge tags (wire faults), the empty tags and the regional tags of other countries, in dataset order. That is
 * exactly 50 tags, mostly ordinary (steady, surging, declining, emerging, regional) with a few niche, mega,
 * dead, commercial and shadow-limited ones. A shorter list keeps every k-th tag so the mix stays the same.
 */
export function benchCandidates(count: number): DatasetTag[] {
  const eligible = dataset.tags.filter(
    (t) => t.shape !== 'edge' && t.shape !== 'empty' && servesBenchedRegion(t),
  );
  if (count >= eligible.length) return eligible;
  const step = eligible.length / count;
  return Array.from({ length: count }, (_, i) => eligible[Math.floor(i * step)]!);
}

/** "33 ordinary, 4 niche, …": the candidate mix in words, for the output. */
export function describeMix(tags: readonly DatasetTag[]): string {
  const ordinary: ReadonlySet<TagShape> = new Set(['steady', 'surging', 'declining', 'emerging', 'regional']);
  const counts = new Map<string, number>();
  for (const t of tags) {
    const kind = ordinary.has(t.shape) ? 'ordinary' : t.shape;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}
