// Likes at equal post age, for the track record: a young post has had less time to gather likes, so comparing it
// with the account's all-time median makes any change of tags that happened recently look worse. A post is compared
// only once it has settled (a week old), and then with the account's settled posts nearest it in age.

const DAY = 86_400;
/** A post younger than this is still gathering likes: it is left out of the track record's statistics. */
export const SETTLED_DAYS = 7;
/** How many of the account's settled posts nearest in age a post is compared with. */
export const AGE_NEIGHBOURS = 6;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Each post's likes relative to the median of the account's `AGE_NEIGHBOURS` settled posts nearest it in age (not
 * itself); null for a post that has not settled, or when too few settled posts are there to compare with.
 */
export function likesAtEqualAge(
  posts: readonly { createTime: number; likes: number }[],
  nowSec: number,
): (number | null)[] {
  const settled = posts
    .map((p, i) => ({ i, age: nowSec - p.createTime, likes: Math.max(0, p.likes) }))
    .filter((p) => p.age >= SETTLED_DAYS * DAY)
    .sort((a, b) => a.age - b.age);
  const out = posts.map((): number | null => null);
  if (settled.length < 3) return out;
  for (const [k, p] of settled.entries()) {
    // Walk outwards from the post in age order, taking the nearer side each step.
    const near: number[] = [];
    let lo = k - 1;
    let hi = k + 1;
    while (near.length < AGE_NEIGHBOURS && (lo >= 0 || hi < settled.length)) {
      const takeLo =
        hi >= settled.length || (lo >= 0 && p.age - settled[lo]!.age <= settled[hi]!.age - p.age);
      near.push(settled[takeLo ? lo-- : hi++]!.likes);
    }
    const m = median(near);
    out[p.i] = m > 0 ? p.likes / m : null;
  }
  return out;
}
