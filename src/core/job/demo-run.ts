// A run on the built-in simulator (the demo), said as one: marked simulated, so every export and the history say
// so, and a tag the demo data lack is "not in the demo data", never "not found by TikLiveAPI" (TikLiveAPI was not
// asked).
import type { RunResult } from '../../shared/model';

/** What the demo says of a hashtag its data do not hold. */
export const notInDemoData = (tag: string): string =>
  `#${tag} is not in the demo data (the demo's simulator knows a fixed set of hashtags); with a key, TikLiveAPI is asked.`;

export function asDemoRun(result: RunResult): RunResult {
  const regions: RunResult['regions'] = {};
  for (const [code, r] of Object.entries(result.regions)) {
    regions[code] = {
      ...r,
      excluded: r.excluded.map((e) => (e.kind === 'not-found' ? { ...e, reason: notInDemoData(e.tag) } : e)),
    };
  }
  return { ...result, regions, simulated: true };
}
