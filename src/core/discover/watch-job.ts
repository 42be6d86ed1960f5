// What a watch run leaves in the workspace, for the CLI (cron) and the app alike: alerts-<date>.md in reports/, and
// data/watch.json with the suggestions already seen (a suggestion is news once) and every alert raised, kept until
// the user dismisses it in the app.
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RunResult } from '../../shared/model';
import type { StoredAlert, TagSuggestion, WatchAlert } from '../../shared/discover';
import { TagfitError } from '../errors';
import { runDate } from '../report/files';
import { escapeMarkdown } from '../report/markdown';
import { writeReports, type WrittenFile } from '../report/write';
import { loadRuns, type StoredRun } from '../workspace/history';
import type { Workspace } from '../workspace/layout';
import { readTextFile, writeFileAtomically } from '../workspace/json-file';
import { alertsFor, renderAlertsMarkdown } from './watch';
import { VELOCITY_BASELINE_RUNS } from './velocity-alert';

const stateSchema = z.object({
  suggestions: z.array(z.string()).default([]),
  alerts: z
    .array(
      z.object({
        id: z.string(),
        runAt: z.string(),
        dismissed: z.boolean().default(false),
        alert: z.object({
          rule: z.enum([
            'velocity-threshold',
            'rank-move',
            'score-move',
            'became-flagged',
            'new-suggestion',
            'not-comparable',
          ]),
          tag: z.string(),
          region: z.string(),
          before: z.union([z.number(), z.string(), z.null()]),
          after: z.union([z.number(), z.string(), z.null()]),
          message: z.string(),
        }),
      }),
    )
    .default([]),
});
export type WatchState = z.output<typeof stateSchema>;

const statePath = (ws: Workspace): string => path.join(ws.paths.data, 'watch.json');

/** The state in `text`, or why it cannot be read. */
function parseState(text: string): { state: WatchState } | { damaged: string } {
  try {
    return { state: stateSchema.parse(JSON.parse(text)) };
  } catch (e) {
    return { damaged: (e as Error).message.split('\n')[0]! };
  }
}

/**
 * The watch state. A damaged file is said and the watch starts over, but the file is left as it is (a read-only
 * workspace is read too): the next write keeps it aside, with the undismissed alerts it holds.
 */
export async function readWatchState(
  ws: Workspace,
  warn: (m: string) => void = () => {},
): Promise<WatchState | undefined> {
  const text = await readTextFile(statePath(ws));
  if (text === undefined) return undefined;
  const read = parseState(text);
  if ('state' in read) return read.state;
  warn(
    `${statePath(ws)} is damaged (${read.damaged}): the watch starts over (suggestions are a baseline again)`,
  );
  return undefined;
}

/** Writes the state atomically; a damaged file already there is kept as watch.json.damaged-<time>, and said. */
export async function writeWatchState(
  ws: Workspace,
  state: WatchState,
  warn: (m: string) => void = () => {},
): Promise<void> {
  const file = statePath(ws);
  const old = await readTextFile(file);
  if (old !== undefined && 'damaged' in parseState(old)) {
    const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(file, aside);
    } catch (e) {
      throw new TagfitError('storage', `Cannot keep the damaged ${file} aside: ${(e as Error).message}`, {
        path: file,
      });
    }
    warn(`the damaged ${file} was kept as ${aside} (its alerts are there); a new one was started`);
  }
  await writeFileAtomically(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** What the user must hear about the watch state: a damaged file now, and damaged ones kept aside before. */
export async function watchStateNotice(ws: Workspace): Promise<string | undefined> {
  const said: string[] = [];
  await readWatchState(ws, (m) => said.push(`${m}.`));
  const aside = (await readdir(ws.paths.data).catch(() => [] as string[]))
    .filter((f) => f.startsWith('watch.json.damaged-'))
    .map((f) => path.join(ws.paths.data, f));
  if (aside.length > 0)
    said.push(
      `A damaged watch state was kept as ${aside.join(', ')} (its alerts are there); delete it once read.`,
    );
  return said.length > 0 ? said.join(' ') : undefined;
}

/**
 * The alerts of a finished run against the previous recorded one, written as alerts-<date>.md and kept in the
 * state. The first watch run takes the suggestions as a baseline, not as news.
 */
export async function recordWatchRun(opts: {
  ws: Workspace;
  result: RunResult;
  previous: StoredRun | undefined;
  suggestions: readonly TagSuggestion[];
  velocityThreshold: number;
  warn?: (m: string) => void;
}): Promise<{ alerts: WatchAlert[]; written: WrittenFile[] }> {
  const { ws, result } = opts;
  const state = await readWatchState(ws, opts.warn);
  // The runs before the previous one, newest first: a flag alert needs the flag in two runs in a row (and fires
  // once), and the velocity level pools the posts of the last comparable runs.
  const earlier = opts.previous
    ? (await loadRuns(ws.paths.data, opts.warn))
        .filter((r) => Date.parse(r.now) < Date.parse(opts.previous!.now))
        .slice(-(VELOCITY_BASELINE_RUNS - 1))
        .reverse()
    : undefined;
  const alerts = alertsFor(
    result,
    opts.previous,
    ws.settings.watch.rules,
    opts.velocityThreshold,
    state ? opts.suggestions : [],
    new Set(state?.suggestions ?? []),
    earlier,
  );
  const date = runDate(new Date(result.now));
  const written = await writeReports(ws.paths.reports, [
    { name: `alerts-${date}.md`, content: renderAlertsMarkdown(alerts, date, escapeMarkdown) },
  ]);
  const stored: StoredAlert[] = alerts.map((alert, i) => ({
    id: `${result.now}#${i}`,
    runAt: result.now,
    dismissed: false,
    alert,
  }));
  await writeWatchState(
    ws,
    {
      suggestions: [
        ...new Set([...(state?.suggestions ?? []), ...opts.suggestions.map((s) => `${s.region}|${s.tag}`)]),
      ],
      alerts: [...(state?.alerts ?? []), ...stored],
    },
    opts.warn,
  );
  return { alerts, written };
}
