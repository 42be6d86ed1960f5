// The credit ledger as the app and the reports read it: what every job that called TikLiveAPI spent, by job.

/** The jobs that spend credits, as the ledger names them. */
export const LEDGER_JOBS = [
  'score',
  'decode',
  'creator-fit',
  'track',
  'watch',
  'discover',
  'regions',
  'key-test',
  'localize',
] as const;
export type LedgerJob = (typeof LEDGER_JOBS)[number];

/** A job's kind in words ("3 credits on decode"). */
export const LEDGER_JOB_WORDS: Record<LedgerJob, string> = {
  score: 'runs',
  decode: 'competitor decodes',
  'creator-fit': 'creator fit',
  track: 'track-record checks',
  watch: 'watch runs',
  discover: 'discovery',
  regions: 'region lists',
  'key-test': 'key tests',
  localize: 'localising',
};

/** One job's spend, as one line of a device's ledger file. */
export interface LedgerEntry {
  /** Unique per entry: a conflicted copy of a ledger file never counts an entry twice. */
  id: string;
  /** The job's clock (ISO). */
  at: string;
  job: LedgerJob;
  /** Credits spent (successful calls). */
  credits: number;
  /** Requests sent, retries included. */
  calls: number;
  /** The job ran on the built-in simulator (the demo): no real credit was spent. */
  simulated: boolean;
  /** The job stopped before its end (cancelled, budget, refused key): what it spent still counts. */
  stopped?: boolean;
  /** The device that wrote it (its file's name). */
  device: string;
}

/** What the status bar, History and the reports show of the ledger. */
export interface LedgerSummary {
  /** Credits in the 7 days up to the app's clock. */
  week: number;
  /** The week's credits by job (only jobs that spent). */
  weekByJob: Partial<Record<LedgerJob, number>>;
  /** Every credit the workspace's ledger holds. */
  total: number;
  /** Entries that were simulated (the demo) among the week's. */
  weekSimulated: number;
}

/** "12 credits this week: 8 on runs, 3 on competitor decodes, 1 on region lists (4 of them simulated)". */
export function ledgerWords(s: LedgerSummary): string {
  const parts = LEDGER_JOBS.filter((j) => (s.weekByJob[j] ?? 0) > 0).map(
    (j) => `${s.weekByJob[j]} on ${LEDGER_JOB_WORDS[j]}`,
  );
  const unit = s.week === 1 ? 'credit' : 'credits';
  const simulated = s.weekSimulated > 0 ? ` (${s.weekSimulated} of them simulated, in the demo)` : '';
  return `${s.week} ${unit} this week${parts.length > 0 ? `: ${parts.join(', ')}` : ''}${simulated}; ${s.total} in all.`;
}
