// `tagfit localize` as a process against the simulator with eight planted local variants (and decoys used alike
// everywhere): after a run, --json names at least 7 of the 8 at no request at all and at most 1 pair not planted;
// --sample says its estimate first, spends no more, and gives every sampled pair both scores; --max-credits holds;
// a declared variant is listed as declared; the picker then posts with a variant that outscores its candidate.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDemoDataset,
  DEMO_VARIANT_PLAN,
  startSimulator,
  type SimulatorHandle,
  withPlantedVariants,
} from '../../src/core/simulator';
import type { Dataset } from '../../src/core/simulator/dataset-types';
import type { Equivalent } from '../../src/shared/localize';
import type { RegionPicks } from '../../src/shared/discover';
import { ROOT, runCli, tempDir } from '../support/cli';
import { KEY } from '../support/faults';

const NOW = '2026-11-20T10:00:00Z';
const TAGS = [
  'smallbusinesscheck',
  'marketingtips',
  'startuplife',
  'productivityhacks',
  'sidehustle',
  'designtok',
  'founderlife',
  'buildinpublic',
  'aitools',
  'brandingtips',
  'uxdesign',
  'desksetup',
];
const REGIONS = ['US', 'GB', 'DE', 'FR', 'BR', 'MX'];

let sim: SimulatorHandle;
let ws: string;
const disposers: (() => Promise<void>)[] = [];

const cli = (command: string, ...more: string[]) =>
  runCli([command, '--workspace', ws, '--api-base', sim.url, '--now', NOW, '--rpm', '100000', ...more], {
    env: { TIKLIVE_KEY: KEY, TZ: 'UTC' },
    timeoutMs: 240_000,
  });

const planted = new Set(DEMO_VARIANT_PLAN.planted.map((p) => `${p.tag}|${p.region}|${p.variant}`));
const keyOf = (e: Equivalent): string => `${e.tag}|${e.region}|${e.equivalent}`;

/** The world with one planted variant (#kleinunternehmen, #smallbusinesscheck's in DE) posted like the world's
 * strongest tag, so the picker has a variant that clearly outscores a candidate in its set, whatever pages the run's
 * sampling took. */
function strongVariant(world: Dataset): Dataset {
  const best = world.tags.find((t) => t.name === 'founderlife')!;
  return {
    ...world,
    tags: world.tags.map((t) =>
      t.name === 'kleinunternehmen'
        ? { ...best, id: t.id, name: t.name, aliases: [], desc: t.desc, regions: t.regions }
        : t,
    ),
  };
}

beforeAll(async () => {
  sim = await startSimulator({
    key: KEY,
    now: Date.parse(NOW),
    dataset: strongVariant(withPlantedVariants(buildDemoDataset())),
  });
  const t = await tempDir({
    'tags.csv': `tag\n${TAGS.join('\n')}\n`,
    'regions.csv': `code\n${REGIONS.join('\n')}\n`,
    'creators.csv': await readFile(path.join(ROOT, 'resources', 'demo', 'creators.csv'), 'utf8'),
  });
  disposers.push(t.dispose);
  ws = path.join(t.dir, 'client');
  const init = await runCli([
    'init',
    ws,
    ...['tags', 'creators', 'regions'].flatMap((n) => [`--${n}`, path.join(t.dir, `${n}.csv`)]),
  ]);
  expect(init.code, init.stderr).toBe(0);
  const run = await cli('score', '--quiet');
  expect(run.code, run.stderr).toBe(0);
}, 300_000);
afterAll(async () => {
  for (const d of disposers) await d();
  await sim.close();
});

describe('tagfit localize', () => {
  it('finds at least 7 of the 8 planted variants from the samples in hand, names at most 1 other, at no request', async () => {
    const before = sim.stats().requests;
    const r = await cli('localize', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(sim.stats().requests).toBe(before);
    const doc = JSON.parse(r.stdout) as { equivalents: Equivalent[]; tested: number };
    const found = doc.equivalents.filter((e) => e.source === 'found');
    const hits = found.filter((e) => planted.has(keyOf(e)));
    const others = found.filter((e) => !planted.has(keyOf(e)));
    expect(hits.length, JSON.stringify(found.map(keyOf))).toBeGreaterThanOrEqual(7);
    expect(others.length, JSON.stringify(others.map(keyOf))).toBeLessThanOrEqual(1);
    for (const e of found) {
      expect(Object.keys(e)).toEqual([
        'tag',
        'region',
        'equivalent',
        'posts',
        'share',
        'shareElsewhere',
        'source',
        'score',
        'tagScore',
      ]);
      expect(e.score).toBeNull();
      expect(e.tagScore).toBeNull();
      expect(e.share).toBeGreaterThan(e.shareElsewhere);
    }
    // No decoy (used alike everywhere) is taken for a variant.
    const decoys = new Set(DEMO_VARIANT_PLAN.decoys.map((d) => d.decoy));
    expect(found.filter((e) => decoys.has(e.equivalent))).toEqual([]);
    expect(doc.tested).toBeGreaterThan(100);
  }, 120_000);

  it('narrows to --tags and --regions, and prints a table per candidate without --json', async () => {
    const r = await cli('localize', '--tags', 'smallbusinesscheck', '--regions', 'DE,FR');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^#smallbusinesscheck\n {2}Region +Variant +Source +Score +#smallbusinesscheck/m,
    );
    expect(r.stdout).toMatch(/DE +#kleinunternehmen +found/);
    expect(r.stdout).not.toMatch(/#marketingtips|\bMX\b/);
    const bad = await cli('localize', '--tags', 'notacandidate');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--tags: #notacandidate is not a candidate/);
  }, 120_000);

  it('holds --max-credits while sampling', async () => {
    const before = sim.stats().requests;
    const r = await cli('localize', '--sample', '--max-credits', '2', '--json');
    expect(sim.stats().requests - before).toBeLessThanOrEqual(2);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sampling stopped: Credit budget of 2 reached/);
  }, 120_000);

  it('--sample spends no more than its estimate and gives every sampled pair both scores', async () => {
    const before = sim.stats().credits;
    const r = await cli('localize', '--sample', '--json');
    expect(r.code, r.stderr).toBe(0);
    const est =
      /estimate: (\d+) variant-region pairs? to fetch, \d+ answers? from the cache, (?:\d+-)?(\d+) credits/.exec(
        r.stderr,
      );
    expect(est, r.stderr).not.toBeNull();
    const spent = sim.stats().credits - before;
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(Number(est![2]));
    const doc = JSON.parse(r.stdout) as { equivalents: Equivalent[] };
    for (const e of doc.equivalents.filter((x) => planted.has(keyOf(x)))) {
      expect(e.score, keyOf(e)).not.toBeNull();
      expect(e.tagScore, keyOf(e)).not.toBeNull();
    }
    // Sampled once, the scores stay: a later localize shows them at no request.
    const again = sim.stats().requests;
    const later = JSON.parse((await cli('localize', '--json')).stdout) as { equivalents: Equivalent[] };
    expect(sim.stats().requests).toBe(again);
    expect(later.equivalents.filter((e) => e.score !== null).length).toBe(
      doc.equivalents.filter((e) => e.score !== null).length,
    );
  }, 240_000);

  it('posts with a variant in the tag set where it outscores its candidate, and says so', async () => {
    const doc = JSON.parse((await cli('localize', '--json')).stdout) as { equivalents: Equivalent[] };
    const winners = doc.equivalents.filter(
      (e) => e.score !== null && e.tagScore !== null && e.score > e.tagScore,
    );
    const pick = JSON.parse((await cli('pick', '--json', '--k', '12')).stdout) as { picks: RegionPicks[] };
    let applied = 0;
    for (const w of winners) {
      const region = pick.picks.find((p) => p.region === w.region)!;
      const slot = region.picks.find((p) => p.candidate === w.tag);
      if (!slot) continue; // the candidate did not make the set
      expect(slot.tag).toBe(w.equivalent);
      expect(slot.reason).toMatch(/its local variant outscores it/);
      applied += 1;
    }
    expect(applied).toBeGreaterThan(0);
    // Where the original still wins, the set keeps it.
    for (const l of doc.equivalents.filter(
      (e) => e.score !== null && e.tagScore !== null && e.score <= e.tagScore,
    )) {
      const slot = pick.picks.find((p) => p.region === l.region)!.picks.find((p) => p.candidate === l.tag);
      if (slot) expect(slot.tag).toBe(l.tag);
    }
  }, 120_000);

  it("lists the variants of a region's top tags in its report", async () => {
    const reports = path.join(ws, 'reports');
    const de = await readFile(
      path.join(
        reports,
        (await readdir(reports)).find((f) => /^DE-.*\.md$/.test(f))!,
      ),
      'utf8',
    );
    expect(de).toMatch(
      /## Local variants of the top tags\n\n- #(kleinunternehmen for #smallbusinesscheck|marketingtipps for #marketingtips): on \d+ of \d+ posts/,
    );
    const us = await readFile(
      path.join(
        reports,
        (await readdir(reports)).find((f) => /^US-.*\.md$/.test(f))!,
      ),
      'utf8',
    );
    expect(us).not.toMatch(/Local variants/);
  });

  it('lists a declared variant as declared', async () => {
    await writeFile(path.join(ws, 'variants.csv'), 'tag,region,variant\naitools,DE,kiwerkzeuge\n');
    const r = await cli('localize', '--json', '--tags', 'aitools');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { equivalents: Equivalent[] };
    expect(doc.equivalents).toContainEqual(
      expect.objectContaining({
        tag: 'aitools',
        region: 'DE',
        equivalent: 'kiwerkzeuge',
        source: 'declared',
      }),
    );
    await writeFile(path.join(ws, 'variants.csv'), 'tag,region,variant\naitools,Germany,kiwerkzeuge\n');
    const bad = await cli('localize', '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/variants\.csv:2: region: "Germany" is not a region code/);
    await writeFile(path.join(ws, 'variants.csv'), 'tag,region,variant\n');
  }, 120_000);
});
