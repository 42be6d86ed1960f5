// A faithful, sequential TypeScript port of the article's reference pipeline (see ../shared/tiklive-api.md):
// the oracle for the `seed` preset's agreement test and the baseline of `npm run bench`. One call at a time,
// challenge info once per hashtag *per region*, pages one after another. Its only addition: it waits out a
// 429 (Retry-After, else 1 s) instead of crashing, and counts calls, so the benchmark can finish.

export interface ReferenceRow {
  cha_name: string;
  user_count: number;
  view_count: number;
  density: number;
  velocity: number;
  overlap: number;
  ad_penalty: number;
  score: number;
}

export interface ReferenceStats {
  calls: number;
  rateLimited: number;
  byEndpoint: Record<string, number>;
}

type Json = Record<string, unknown>;

/** Python's round(x, 2): correctly rounded on the double's exact value, ties to even. */
export function pyRound2(x: number): number {
  const exact = x.toFixed(60); // exact decimal expansion of the double (up to 60 digits is enough here)
  const [int = '0', frac = ''] = exact.replace('-', '').split('.');
  const keep = frac.slice(0, 2);
  const rest = frac.slice(2);
  let n = BigInt(int + keep);
  const half =
    rest[0] === undefined ? -1 : rest[0] > '5' ? 1 : rest[0] < '5' ? -1 : /[1-9]/.test(rest.slice(1)) ? 1 : 0;
  if (half > 0 || (half === 0 && n % 2n === 1n)) n += 1n;
  const v = Number(n) / 100;
  return x < 0 ? -v : v;
}

export function createReferencePipeline(opts: { baseUrl: string; key: string; nowSec: number }) {
  const stats: ReferenceStats = { calls: 0, rateLimited: 0, byEndpoint: {} };

  async function get(endpoint: string, params: Record<string, string | number>): Promise<Json> {
    for (;;) {
      const url = new URL(endpoint, opts.baseUrl);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
      stats.calls += 1;
      stats.byEndpoint[endpoint] = (stats.byEndpoint[endpoint] ?? 0) + 1;
      const r = await fetch(url, { headers: { 'X-Api-Key': opts.key }, signal: AbortSignal.timeout(15_000) });
      if (r.status === 429) {
        stats.rateLimited += 1;
        const after = Number(r.headers.get('retry-after'));
        await r.arrayBuffer();
        await new Promise((res) => setTimeout(res, (Number.isFinite(after) && after > 0 ? after : 1) * 1000));
        continue;
      }
      if (!r.ok) throw new Error(`HTTP ${r.status} for ${endpoint}`);
      return (await r.json()) as Json;
    }
  }

  const getHashtag = (name: string): Promise<Json> => get('/challenge-info-name/', { name });

  async function samplePosts(challengeId: string, region: string, pages = 3, perPage = 30): Promise<Json[]> {
    const out: Json[] = [];
    let cursor: unknown = '0';
    for (let i = 0; i < pages; i++) {
      const r = await get('/challenge-posts/', {
        challenge_id: challengeId,
        count: perPage,
        cursor: String(cursor),
        region,
      });
      out.push(...((r.videos as Json[] | undefined) ?? []));
      if (!r.hasMore) break;
      cursor = r.cursor ?? '0';
    }
    return out;
  }

  function densityAndVelocity(videos: Json[], windowDays = 14): [number, number] {
    if (videos.length === 0) return [0, 0];
    const cutoff = opts.nowSec - windowDays * 86400;
    const likes = videos.map((v) => (v.digg_count as number | undefined) ?? 0);
    const density = likes.reduce((a, b) => a + b, 0) / likes.length;
    const recent = videos.filter((v) => ((v.create_time as number | undefined) ?? 0) >= cutoff).length;
    return [density, recent / videos.length];
  }

  function overlapScore(videos: Json[], targets: Set<string>): number {
    const authors = new Set(
      videos.map((v) => ((v.author as Json | undefined)?.unique_id as string | undefined) ?? ''),
    );
    authors.delete('');
    if (authors.size === 0) return 0;
    let hits = 0;
    for (const a of authors) if (targets.has(a)) hits += 1;
    return hits / authors.size;
  }

  function normalize(values: Map<string, number>): Map<string, number> {
    const xs = [...values.values()];
    if (xs.length === 0) return new Map();
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    if (hi === lo) return new Map([...values.keys()].map((k) => [k, 0.5]));
    return new Map([...values].map(([k, v]) => [k, (v - lo) / (hi - lo)]));
  }

  async function scoreHashtags(
    candidates: string[],
    targets: Set<string>,
    region: string,
  ): Promise<ReferenceRow[]> {
    const raw = new Map<string, Omit<ReferenceRow, 'score'>>();
    for (const name of candidates) {
      const meta = await getHashtag(name);
      if (meta.is_commerce) continue;
      const videos = await samplePosts(String(meta.id), region);
      const [density, velocity] = densityAndVelocity(videos);
      const overlap = overlapScore(videos, targets);
      raw.set(name, {
        cha_name: String(meta.cha_name),
        user_count: Number(meta.user_count),
        view_count: Number(meta.view_count),
        density,
        velocity,
        overlap,
        ad_penalty: meta.is_commerce ? 0.5 : 0,
      });
    }
    const nd = normalize(new Map([...raw].map(([k, v]) => [k, v.density])));
    const nv = normalize(new Map([...raw].map(([k, v]) => [k, v.velocity])));
    const no = normalize(new Map([...raw].map(([k, v]) => [k, v.overlap])));
    const rows = [...raw].map(([k, v]) => ({
      ...v,
      score: pyRound2(100 * (0.35 * nv.get(k)! + 0.3 * nd.get(k)! + 0.3 * no.get(k)! - 0.05 * v.ad_penalty)),
    }));
    // Python's sorted(..., reverse=True) is stable: equal scores keep input order.
    return rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => b.r.score - a.r.score || a.i - b.i)
      .map((x) => x.r);
  }

  return {
    stats,
    async run(
      candidates: string[],
      targets: Set<string>,
      regions: string[],
    ): Promise<Record<string, ReferenceRow[]>> {
      const out: Record<string, ReferenceRow[]> = {};
      for (const code of regions) out[code] = await scoreHashtags(candidates, targets, code);
      return out;
    },
  };
}
