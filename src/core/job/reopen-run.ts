// A recorded run opened again: what it scored (its candidates, regions, settings and clock) read from its history
// file, so the same run can be scored again from the workspace's cache alone (no call, no credit) and shown as the
// results it gave, with its samples in hand for re-weighting, the tag set and the detail view.
import { hashtagKey } from '../../shared/hashtag';
import type { RegionCode, RunResult, ScoringSettings } from '../../shared/model';
import type { StoredRun } from '../workspace/history';

export interface ReopenInputs {
  candidates: string[];
  regions: RegionCode[];
  settings: ScoringSettings;
  /** The run's own clock: velocity and ages are judged as they were then. */
  now: Date;
}

/** What a recorded run asked for: every tag it ranked, excluded or failed (each once, in rank order first). */
export function reopenInputs(run: StoredRun): ReopenInputs {
  const seen = new Set<string>();
  const add = (tag: string): void => void seen.add(hashtagKey(tag));
  for (const r of Object.values(run.regions)) {
    for (const t of [...r.ranked].sort((a, b) => a.rank - b.rank)) add(t.candidate);
    for (const e of r.excluded) add(e.tag);
  }
  for (const f of run.failed) add(f.tag);
  return {
    candidates: [...seen],
    regions: Object.keys(run.regions),
    settings: run.settings,
    now: new Date(run.now),
  };
}

/** "2026-11-20 10:00 UTC": a run's time as the history names it. */
const runTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * What the reopened results say: which run they are, that they came from the cache, and the pairs the cache no
 * longer holds (their answers expired or were removed), which a new run fetches again.
 */
export function describeReopened(run: StoredRun, result: RunResult): string {
  const missing = result.failed.filter((f) => f.code === 'offline').length;
  const lost =
    missing > 0
      ? ` ${missing} tag-region pair${missing === 1 ? ' is' : 's are'} no longer in the cache: Run fetches ${missing === 1 ? 'it' : 'them'} again.`
      : '';
  const differ = rowsThatDiffer(run, result);
  const changed =
    differ > 0
      ? ` ${differ} ranked row${differ === 1 ? ' differs' : 's differ'} from what the run recorded (the cache now holds newer answers for some of its pages, or the creators list changed): History keeps the recorded scores.`
      : '';
  return `The run of ${runTime(run.now)}, opened from the history: scored again from the cache, 0 credits.${lost}${changed}`;
}

/**
 * The ranked rows whose rank or score (to its shown hundredths) is not what the run recorded: the cache keeps each
 * answer's latest copy and the creators list is today's, so a run opened again can differ from the one recorded.
 */
export function rowsThatDiffer(run: StoredRun, result: RunResult): number {
  let n = 0;
  for (const [region, r] of Object.entries(result.regions)) {
    const recorded = new Map(run.regions[region]?.ranked.map((t) => [t.candidate, t]));
    for (const t of r.ranked) {
      const was = recorded.get(t.candidate);
      if (!was || was.rank !== t.rank || Math.round(was.score * 100) !== Math.round(t.score * 100)) n += 1;
    }
  }
  return n;
}
