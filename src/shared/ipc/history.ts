// The history domain: the workspace's runs, two of them compared, one tag over time.
import { z } from 'zod';
import type { RunComparison, RunSummary } from '../history';
import type { LedgerSummary } from '../ledger';
import { empty } from './app';

const runRef = z.string().min(1).max(100);

export interface TagHistoryPoint {
  runId: string;
  now: string;
  region: string;
  rank: number;
  score: number;
}

export const historyRequests = {
  'history:list': empty,
  /** Ids from the list, or "last" / "previous". */
  'history:compare': z.strictObject({ before: runRef, after: runRef }),
  'history:tag': z.strictObject({ tag: z.string().min(1).max(200) }),
  /** The workspace's credit ledger: this week's credits by job, and all of them. */
  'history:credits': empty,
} as const;

export interface HistoryResponses {
  'history:list': RunSummary[];
  'history:compare': RunComparison;
  'history:tag': TagHistoryPoint[];
  'history:credits': LedgerSummary;
}
