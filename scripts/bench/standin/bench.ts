// `npm run bench -- --standin`: organic adaptive against organic full on the independent stand-in, under each page
// order, on a short list (23 tags × 25 regions) and a long one (175 tags × 5 regions), through the real job layer.
import { type Agreement, compareSampling } from '../adaptive';
import { BENCH_KEY, NOW } from '../scenario';
import { PAGE_ORDERS, pairPosts, type StandinOrder } from './posts';
import { startStandin } from './server';
import { buildWorld, type World } from './world';

export interface StandinRow {
  list: string;
  order: StandinOrder;
  agreement: Agreement;
}

interface StandinList {
  label: string;
  tags: string[];
  regions: string[];
}

/** The two lists: every k-th tag of the world (the first, a mega tag, included) and the first 175. */
export function standinLists(world: World): StandinList[] {
  const step = world.tags.length / 23;
  const short = Array.from({ length: 23 }, (_, i) => world.tags[Math.floor(i * step)]!.name);
  const codes = world.regions.map((r) => r.code);
  return [
    { label: '23 × 25', tags: short, regions: codes.slice(0, 25) },
    { label: '175 × 5', tags: world.tags.slice(0, 175).map((t) => t.name), regions: codes.slice(0, 5) },
  ];
}

/** What a list holds, in words: mega and commercial tags, and how many pairs have few posts. */
function describeList(world: World, l: StandinList): string {
  const tags = world.tags.filter((t) => l.tags.includes(t.name));
  const sizes = tags.flatMap((t) =>
    world.regions
      .filter((r) => l.regions.includes(r.code))
      .map((r) => pairPosts(world, t, r, NOW.getTime()).length),
  );
  return (
    `${l.label}: ${tags.filter((t) => t.mega).length} mega, ${tags.filter((t) => t.commercial).length} commercial, ` +
    `${tags.filter((t) => t.targetShare > 0).length} with target creators, ${tags.filter((t) => t.homeRegion).length} local; ` +
    `${sizes.filter((n) => n < 90).length} of ${sizes.length} pairs under 90 posts, ${sizes.filter((n) => n < 30).length} under 30`
  );
}

export async function standinTable(world: World = buildWorld()): Promise<StandinRow[]> {
  const rows: StandinRow[] = [];
  for (const list of standinLists(world)) {
    for (const order of PAGE_ORDERS) {
      process.stderr.write(`stand-in ${list.label}, ${order}…\n`);
      const agreement = await compareSampling(list.tags, list.regions, {
        server: () => startStandin({ key: BENCH_KEY, now: NOW.getTime(), order, world }),
        targets: world.targets,
      });
      rows.push({ list: list.label, order, agreement });
    }
  }
  return rows;
}

export function standinSection(rows: readonly StandinRow[], world: World = buildWorld()): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const lines = [
    `== adaptive vs full sampling (organic) on the stand-in (scripts/bench/standin, seed ${world.seed}) ==`,
    ...standinLists(world).map((l) => describeList(world, l)),
    '',
    '| list | order | full credits | adaptive credits | share of full | top-10 Jaccard median (worst) | top 10 identical | same #1 | Spearman median |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ list, order, agreement: a }) =>
        `| ${list} | ${order} | ${a.full} | ${a.adaptive} | ${pct(a.adaptive / a.full)} | ` +
        `${a.medianJaccardTop10.toFixed(3)} (${a.minJaccardTop10.toFixed(3)}) | ${pct(a.identicalTop10)} | ` +
        `${pct(a.sameFirst)} | ${a.medianSpearman.toFixed(3)} |`,
    ),
    '',
    'goal (issue 21): at most 60 % of full on a short list, 50 % on a 150+ tag list, median top-10 Jaccard ≥ 0.9, same #1 in ≥ 95 % of regions',
  ];
  return lines.join('\n');
}

/** The whole section for a world drawn from `seed`. */
export async function standinBench(seed: number): Promise<string> {
  const world = buildWorld(seed);
  return standinSection(await standinTable(world), world);
}
