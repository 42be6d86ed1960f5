// The `--json` document: a contract outside checks rely on (see the README). Extra fields may be added,
// the documented ones never change meaning.
import type { RunResult, ScoredTag } from '../shared/model';
import { scoredRowEntries } from '../shared/scored-row';

/**
 * A ranked row: every field of the scored-row projection under its own name, so a field the app and the reports
 * show cannot be missing here; `flags` are the flag names and `reasons` maps each to its sentence.
 */
export function toJsonRow(t: ScoredTag): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of scoredRowEntries(t)) {
    if (key !== 'flags') row[key] = value;
    else {
      row.flags = t.flags.map((f) => f.kind);
      row.reasons = Object.fromEntries(t.flags.map((f) => [f.kind, f.reason]));
    }
  }
  return row;
}

export function toJsonDocument(result: RunResult) {
  const regions: Record<string, unknown> = {};
  for (const [code, r] of Object.entries(result.regions)) {
    regions[code] = {
      ranked: r.ranked.map(toJsonRow),
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
