// The sampling table: adaptive against full sampling (organic) for lists of 10 to 200 tags, under the three page
// orders the API might serve (newest first, by popularity, at random), in every region the simulator serves (26:
// with five, a median over five numbers, one region's swap moved a row's verdict). The demo world has 46 tags that
// serve every region; longer lists add synthetic tags drawn like them (varied likes, pace and creators).
import { mulberry32 } from '../../src/core/prng';
import { buildDemoDataset, type PageOrder } from '../../src/core/simulator';
import type { Dataset, DatasetTag } from '../../src/core/simulator/dataset-types';
import type { RegionCode } from '../../src/shared/model';
import { type Agreement, compareSampling } from './adaptive';
import { type FloorRow, samplingFloor } from './sampling-floor';

const SAMPLING_SIZES = [10, 25, 50, 100, 200] as const;
const PAGE_ORDERS: readonly PageOrder[] = ['newest', 'popular', 'random'];
/** Every region the simulator serves, so a row's median and shares are over 26 regions. */
const SAMPLING_REGIONS: readonly RegionCode[] = Object.keys(buildDemoDataset().regions);
const SEED = 20261206;

/** The demo world with at least `count` tags serving every region: its own first, synthetic ones after. */
export function widenedDataset(count: number): { dataset: Dataset; candidates: string[] } {
  const base = buildDemoDataset();
  const everywhere = base.tags.filter((t) => t.shape !== 'edge' && t.shape !== 'empty' && t.regions === null);
  const rng = mulberry32(SEED);
  const extra: DatasetTag[] = [];
  for (let i = 0; everywhere.length + extra.length < count; i++) {
    const like = everywhere[i % everywhere.length]!;
    const shift = (rng() - 0.5) * 0.5;
    extra.push({
      ...like,
      id: String(8_000_000_000_000_000 + i),
      name: `${like.name}x${i}`,
      aliases: [],
      likes: { median: like.likes.median * Math.exp((rng() - 0.5) * 2), sigma: like.likes.sigma },
      recentShare: {
        ...like.recentShare,
        from: Math.min(0.95, Math.max(0.02, like.recentShare.from + shift)),
        to: Math.min(0.95, Math.max(0.02, like.recentShare.to + shift)),
      },
      creatorShare: like.creatorShare * (0.3 + rng() * 1.4),
      posts: Math.max(20, Math.round(like.posts * (0.5 + rng()))),
    });
  }
  const pool = [...everywhere, ...extra];
  // A shorter list keeps every k-th tag, so its mix is the world's.
  const step = pool.length / count;
  const candidates = Array.from({ length: count }, (_, i) => pool[Math.floor(i * step)]!.name);
  return { dataset: { ...base, tags: [...base.tags, ...extra] }, candidates };
}

export interface SamplingRow extends Agreement {
  order: PageOrder;
  /** The least a rule that shows the posts in hand can spend here (sampling-floor.ts). */
  floor: FloorRow;
}

/** Every list size under every page order. */
export async function samplingTable(
  sizes: readonly number[] = SAMPLING_SIZES,
  orders: readonly PageOrder[] = PAGE_ORDERS,
): Promise<SamplingRow[]> {
  const rows: SamplingRow[] = [];
  for (const size of sizes) {
    const { dataset, candidates } = widenedDataset(size);
    for (const order of orders) {
      process.stderr.write(`sampling: ${size} tags, ${order} first…\n`);
      const a = await compareSampling(candidates, [...SAMPLING_REGIONS], { dataset, pageOrder: order });
      const floor = await samplingFloor(dataset, candidates, [...SAMPLING_REGIONS], order);
      rows.push({ ...a, order, floor });
    }
  }
  return rows;
}

/** The share of full sampling's later pages (after page 1) that adaptive sampling fetched. */
const laterShare = (r: SamplingRow): number =>
  (r.adaptive - (r.full - r.floor.laterPages)) / Math.max(1, r.floor.laterPages);

export function samplingSection(rows: readonly SamplingRow[]): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const sign = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
  const lines = [
    `== sampling table: adaptive vs full (organic, simulator, ${SAMPLING_REGIONS.length} regions per row) ==`,
    '| Tags | Page order | Full credits | Adaptive | Share of full | Pages by region, median (range) | Later pages fetched | Top-10 Jaccard median (worst) | Top 10 identical | Same #1 | Spearman median | Floor in hand |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.tags} | ${r.order} | ${r.full} | ${r.adaptive} | ${pct(r.adaptive / r.full)} | ` +
        `${pct(r.pageShare.median)} (${(r.pageShare.min * 100).toFixed(0)}–${(r.pageShare.max * 100).toFixed(0)} %) | ${pct(laterShare(r))} | ` +
        `${r.medianJaccardTop10.toFixed(2)} (${r.minJaccardTop10.toFixed(2)}) | ${pct(r.identicalTop10)} | ${pct(r.sameFirst)} | ${r.medianSpearman.toFixed(3)} | ` +
        `${pct(r.floor.floor / r.full)} |`,
    ),
    '',
    `share of later pages fetched by list size, the mean over the orders (the estimate's LATER_PAGES_SHARE): ` +
      [...new Set(rows.map((r) => r.tags))]
        .map((n) => {
          const of = rows.filter((r) => r.tags === n);
          return `${n}: ${(of.reduce((s, r) => s + laterShare(r), 0) / of.length).toFixed(2)}`;
        })
        .join(', '),
    '',
    `== the floor: page 1 against the full sample (mean over pairs with 3 pages), pairs forced to page 2 and 3 ==`,
    '| Tags | Page order | Velocity | Log-likes | Overlap | Forced to page 2 | Forced to page 3 | Floor |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ floor: f, full }) =>
        `| ${f.tags} | ${f.order} | ${sign(f.bias.velocity)} | ${sign(f.bias.logLikes)} | ${sign(f.bias.overlap)} | ` +
        `${f.forced2} | ${f.forced3} | ${f.floor} (${pct(f.floor / full)}) |`,
    ),
  ];
  return lines.join('\n');
}
