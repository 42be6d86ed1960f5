// The errors that stop a run, and those that leave it incomplete, in one place: the pipeline, the decode, creator
// fit and track jobs stop on the same ones, and a report is named "-partial" by the same rule.
import type { ErrorCode, RunResult } from '../shared/model';

export type StopCode = NonNullable<RunResult['stopped']>['code'];

/** Errors after which no further call can succeed: the run stops and keeps what it has. */
const STOPPING: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['cancelled', 'budget', 'auth']);

export const isStopping = (code: ErrorCode): code is Extract<StopCode, ErrorCode> => STOPPING.has(code);

/** Failures that say nothing about the tag, only that the run could not reach it: the run is incomplete. */
const INCOMPLETE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'offline',
  'network',
  'timeout',
  'rate-limited',
  'budget',
  'cancelled',
  'auth',
]);

/** A run that stopped early or could not reach some pairs: its reports must not replace a complete run's. */
export const isPartialRun = (r: RunResult): boolean =>
  r.stopped !== undefined || r.failed.some((f) => INCOMPLETE.has(f.code));
