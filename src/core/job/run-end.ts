// How a run ended, in one place: the CLI's footer and the app's status both say it from here.
import type { RunResult } from '../../shared/model';
import type { RunEnd } from '../../shared/ipc-payloads';

export function runEnd(result: RunResult): RunEnd {
  switch (result.stopped?.code) {
    case undefined:
      return 'finished';
    case 'cancelled':
      return 'stopped-by-user';
    case 'budget':
      return 'stopped-by-budget';
    case 'auth':
      return 'stopped-by-rejected-key';
    case 'offline':
      return 'stopped-offline';
  }
}

/**
 * What a stopped run left: "3 pairs left unscored, the next run fetches only those", and the pairs it cut short
 * (ranked on the pages in hand, their other pages still to fetch) when there are any.
 */
export const describeUnscored = (stopped: NonNullable<RunResult['stopped']>): string => {
  const cut = stopped.cutShort?.length ?? 0;
  return `${stopped.unscored.length} pairs left unscored${cut > 0 ? ` and ${cut} cut short (ranked on the pages in hand)` : ''}, the next run fetches only those`;
};

/** The end in words: what stopped the run, what it kept and what is left. */
export function describeRunEnd(result: RunResult): string {
  const ranked = Object.values(result.regions).reduce((n, r) => n + r.ranked.length, 0);
  const failed = result.failed.length;
  const kept = `${ranked} tag-region pairs ranked${failed > 0 ? `, ${failed} failed` : ''}`;
  const s = result.stopped;
  if (!s) return `Finished: ${kept}; ${result.credits.used} credits.`;
  const left = describeUnscored(s);
  const why = {
    cancelled: 'Stopped by you',
    budget: 'Stopped by the credit budget',
    auth: 'Stopped: TikLiveAPI refused the key',
    offline: 'Stopped: offline and the cache lacks answers',
  }[s.code];
  return `${why}. ${s.message} Kept: ${kept}; ${left}.`;
}
