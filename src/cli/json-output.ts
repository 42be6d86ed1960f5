// The `--json` document: a contract outside checks rely on (see the README). Extra fields may be added,
// the documented ones never change meaning.
import type { RunResult } from '../shared/model';

export function toJsonDocument(result: RunResult) {
  const regions: Record<string, unknown> = {};
  for (const [code, r] of Object.entries(result.regions)) {
    regions[code] = {
      ranked: r.ranked.map((t) => ({
        tag: t.tag,
        score: t.score,
        velocity: t.velocity,
        density: t.density,
        overlap: t.overlap,
        sample: t.sample,
        flags: t.flags.map((f) => f.kind),
        rank: t.rank,
        candidate: t.candidate,
        reasons: Object.fromEntries(t.flags.map((f) => [f.kind, f.reason])),
        normalised: t.normalised,
        served: t.served,
        distinctAuthors: t.distinctAuthors,
        targetAuthors: t.targetAuthors,
        medianLikes: t.medianLikes,
        userCount: t.userCount,
        viewCount: t.viewCount,
        isCommerce: t.isCommerce,
        ...(t.history ? { history: t.history } : {}),
        ...(t.stoppedEarly ? { stoppedEarly: t.stoppedEarly } : {}),
      })),
      excluded: r.excluded.map((e) => ({ tag: e.tag, reason: e.reason, kind: e.kind })),
    };
  }
  return {
    now: result.now,
    preset: result.preset,
    settings: result.settings,
    regions,
    credits: result.credits,
    failed: result.failed.map((f) => ({ tag: f.tag, region: f.region, error: f.error, code: f.code })),
    ...(result.stopped ? { stopped: result.stopped } : {}),
  };
}
