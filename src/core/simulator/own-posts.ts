// The track record's own accounts: their posts use the demo candidates, and their likes follow the tags' quality
// or ignore it, so a test knows the right answer (see DatasetAuthor.own).
import type { RegionCode } from '../../shared/model';
import { pick, rngFor } from '../prng';
import { DAY_S, hourOf } from './clock';
import type { Dataset, DatasetAuthor, DatasetTag } from './dataset-types';
import { video } from './video';
import type { WireVideo } from './wire-shapes';

/** The own accounts' posts at a clock, given how the generator finds a tag and its share of recent posts. */
export function createOwnPosts(
  dataset: Dataset,
  findTag: (name: string) => DatasetTag | undefined,
  recentShare: (tag: DatasetTag, region: RegionCode, atMs: number) => number,
): (a: DatasetAuthor, nowMs: number) => WireVideo[] {
  // The own accounts' tags: the demo candidates that post in the account's region, neither commercial nor mega.
  const ownPool = (region: RegionCode): DatasetTag[] =>
    dataset.demo.tags
      .map((n) => findTag(n.replace(/^#/, '')))
      .filter(
        (t): t is DatasetTag =>
          t !== undefined &&
          t.shape !== 'edge' &&
          t.shape !== 'mega' &&
          !t.isCommerce &&
          t.posts > 0 &&
          (t.regions === null || (t.regions[region] ?? 0) > 0),
      );

  /**
   * A tag's quality in [0, 1] at a moment, from what Tagfit's score measures: its share of recent posts (35 %),
   * its typical likes on a log scale (30 %) and its share of target creators (30 %), each scaled across the pool.
   */
  function quality(pool: readonly DatasetTag[], region: RegionCode, atMs: number): Map<string, number> {
    const scale = (xs: number[]): number[] => {
      const lo = Math.min(...xs);
      const hi = Math.max(...xs);
      return xs.map((x) => (hi === lo ? 0.5 : (x - lo) / (hi - lo)));
    };
    const v = scale(pool.map((t) => recentShare(t, region, atMs)));
    const d = scale(pool.map((t) => Math.log(t.likes.median)));
    const o = scale(pool.map((t) => t.creatorShare));
    return new Map(pool.map((t, i) => [t.id, (0.35 * v[i]! + 0.3 * d[i]! + 0.3 * o[i]!) / 0.95]));
  }

  /**
   * An own account posts every 0.9 days (give or take 0.2) from 300 days before the dataset epoch on, two or three
   * demo candidates each. Each post is drawn from a stream of its own, so a post is the same at every clock (as a
   * real post is) and its likes are independent of every other draw. Likes per the account's kind. The newest 120
   * posts made before the clock are served, newest first.
   */
  function ownPosts(a: DatasetAuthor, nowMs: number): WireVideo[] {
    const hour = hourOf(nowMs);
    const pool = ownPool(a.region);
    const first = dataset.epoch - 300 * DAY_S * 1000;
    const out: WireVideo[] = [];
    for (let k = Math.floor((hour - first) / (0.9 * DAY_S * 1000)); k >= 0 && out.length < 120; k--) {
      const rng = rngFor('own', a.id, String(k));
      const at = first + (k * 0.9 + (rng() - 0.5) * 0.4) * DAY_S * 1000;
      const ageS = (hour - at) / 1000;
      if (ageS < 3600) continue;
      const chosen = new Set<DatasetTag>();
      const n = 2 + Math.floor(rng() * 2);
      while (chosen.size < Math.min(n, pool.length)) chosen.add(pick(rng, pool));
      const tags = [...chosen];
      const q = quality(pool, a.region, at);
      const mean = tags.reduce((s, t) => s + q.get(t.id)!, 0) / tags.length;
      // Follows the scores: about four times the likes from the worst tags to the best; otherwise one median.
      const median = a.own === 'follows-scores' ? 800 * Math.exp(3 * (mean - 0.5)) : 800;
      const sigma = a.own === 'follows-scores' ? 0.35 : 0.6;
      out.push(
        video(
          rng,
          hour,
          ageS,
          median,
          sigma,
          a,
          a.region,
          tags.map((t) => t.name),
        ),
      );
    }
    return out;
  }

  return ownPosts;
}
