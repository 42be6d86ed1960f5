// The end of one creator's (or own account's) fetch in a decode, creator-fit or track job, and the same as a run
// progress event, so the app shows these jobs' progress as it shows a score run's.
import type { ErrorCode, RunProgress } from '../../shared/model';

export interface CreatorEnd {
  username: string;
  /** Posts read, when the fetch succeeded. */
  posts?: number;
  /** Why it failed, when it did. */
  error?: string;
  code?: ErrorCode;
}

/** Counts the creators as they end and reports each as a progress event with the credits so far. */
export function creatorProgress(
  total: number,
  credits: () => number,
  onProgress: ((p: RunProgress) => void) | undefined,
): (e: CreatorEnd) => void {
  let done = 0;
  return (e) => {
    done += 1;
    onProgress?.(
      e.error !== undefined
        ? {
            type: 'failed',
            tag: e.username,
            region: null,
            error: { code: e.code ?? 'not-found', message: e.error },
            done,
            total,
            credits: credits(),
          }
        : { type: 'scored', tag: e.username, region: 'ALL', done, total, credits: credits() },
    );
  };
}
