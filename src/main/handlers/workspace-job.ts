// What the job handlers (decode, creator fit, track) share: usernames checked as the creator list checks them,
// and a core job run on the open workspace's session, its progress sent as run:progress and its warnings logged.
import type { JobSession } from '../../core/job/job-session';
import { TagfitError } from '../../core/errors';
import type { RunProgress } from '../../shared/model';
import type { RunJob } from '../../shared/ipc-payloads';
import { type HandlerContext, jobSession } from './context';
import { checkList } from './lists';
import type { OpenWorkspace } from '../session';

/** Usernames as the creator list reads them; a bad one is named with its position. */
export function usernames(values: readonly string[], label: string): string[] {
  const r = checkList('creators', values);
  if (r.errors.length > 0)
    throw new TagfitError('input', r.errors.map((e) => `${label}, item ${e.item}: ${e.reason}`).join('\n'));
  return r.values;
}

/** A handler's warnings, in the main process's log. */
export const logWarning =
  (ctx: HandlerContext) =>
  (m: string): void =>
    void ctx.s.log?.(`warning: ${m}`);

/** What a core job is handed by the app: the workspace's session, the run's stop and its listeners. */
export interface JobHooks {
  session: JobSession;
  signal: AbortSignal;
  onWarning: (message: string) => void;
  onProgress: (p: RunProgress) => void;
}

/** Runs one job on the open workspace's session as the app's one run (`runId`), its progress tagged `job`. */
export async function runWorkspaceJob<R>(
  ctx: HandlerContext,
  open: OpenWorkspace,
  runId: string | undefined,
  job: RunJob,
  run: (hooks: JobHooks) => Promise<R>,
): Promise<R> {
  const session = await jobSession(ctx, open);
  return ctx.session.withRun(runId, (id, signal) =>
    run({
      session,
      signal,
      onWarning: logWarning(ctx),
      onProgress: (progress) => ctx.s.emit('run:progress', { runId: id, job, progress }),
    }),
  );
}
