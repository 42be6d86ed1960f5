// What a watch run leaves in the workspace, for the CLI (cron) and the app alike: alerts-<date>.md in reports/, and
// data/watch.json with the suggestions already seen (a suggestion is news once) and every alert raised, kept until
// the user dismisses it in the app. In a shared workspace each computer writes its own data/watch/<device>.json
// (and reports/<device>/), and every computer's state is read as one.
import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RunResult } from '../../shared/model';
import type { StoredAlert, TagSuggestion, WatchAlert } from '../../shared/discover';
import { TagfitError } from '../errors';
import { runDate } from '../report/files';
import { alertsDocument } from '../report/alerts-document';
import { loadReportBranding } from '../report/branding';
import { renderMarkdown } from '../report/markdown';
import { writeReports, type WrittenFile } from '../report/write';
import { loadRuns, type StoredRun } from '../workspace/history';
import type { Workspace } from '../workspace/layout';
import { thisDevice } from '../workspace/device';
import { readTextFile, writeFileAtomically } from '../workspace/json-file';
import { reportsDirFor, sharedBecause } from '../workspace/sync/shared';
import { alertsFor } from './watch';
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

/** The one state file of a workspace one computer uses (and of older Tagfits): always read. */
const legacyStatePath = (ws: Workspace): string => path.join(ws.paths.data, 'watch.json');
const deviceStateDir = (ws: Workspace): string => path.join(ws.paths.data, 'watch');

/** Where this computer writes the state: in a shared workspace a file of its own (data/watch/<device>.json). */
async function statePath(ws: Workspace): Promise<string> {
  const device = await thisDevice();
  return (await sharedBecause(ws.paths, device))
    ? path.join(deviceStateDir(ws), `${device.id}.json`)
    : legacyStatePath(ws);
}

/** Every computer's state file there is, the shared one first. */
async function stateFiles(ws: Workspace): Promise<string[]> {
  const names = await readdir(deviceStateDir(ws)).catch(() => [] as string[]);
  const own = names.filter((n) => /^[a-z0-9][a-z0-9-]+\.json$/.test(n)).sort();
  return [legacyStatePath(ws), ...own.map((n) => path.join(deviceStateDir(ws), n))];
}

/** Several computers' states as one: suggestions seen and alerts raised on any, an alert dismissed on one is dismissed. */
function mergeStates(states: readonly WatchState[]): WatchState {
  if (states.length === 1) return states[0]!;
  const alerts = new Map<string, WatchState['alerts'][number]>();
  for (const st of states)
    for (const a of st.alerts) {
      const seen = alerts.get(a.id);
      alerts.set(a.id, seen ? { ...seen, dismissed: seen.dismissed || a.dismissed } : a);
    }
  return {
    suggestions: [...new Set(states.flatMap((st) => st.suggestions))],
    alerts: [...alerts.values()].sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id.localeCompare(b.id)),
  };
}

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
  const states: WatchState[] = [];
  for (const file of await stateFiles(ws)) {
    const text = await readTextFile(file);
    if (text === undefined) continue;
    const read = parseState(text);
    if ('state' in read) states.push(read.state);
    else
      warn(`${file} is damaged (${read.damaged}): the watch starts over (suggestions are a baseline again)`);
  }
  return states.length > 0 ? mergeStates(states) : undefined;
}

/** Writes the state atomically; a damaged file already there is kept as watch.json.damaged-<time>, and said. */
export async function writeWatchState(
  ws: Workspace,
  state: WatchState,
  warn: (m: string) => void = () => {},
): Promise<void> {
  const file = await statePath(ws);
  if (path.dirname(file) !== ws.paths.data) await mkdir(path.dirname(file), { recursive: true });
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
  const aside: string[] = [];
  for (const dir of [ws.paths.data, deviceStateDir(ws)])
    for (const f of await readdir(dir).catch(() => [] as string[]))
      if (/\.json\.damaged-/.test(f) && (dir !== ws.paths.data || f.startsWith('watch.json.')))
        aside.push(path.join(dir, f));
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
  // A report like the run's: the workspace's branding in its title block, the demo's label on a simulated run.
  const branding = await loadReportBranding(ws.dir, ws.settings.branding, ws.paths.settings);
  const doc = alertsDocument({ alerts, date, branding, simulated: result.simulated === true });
  const written = await writeReports(await reportsDirFor(ws.paths, await thisDevice()), [
    { name: `alerts-${date}.md`, content: renderMarkdown(doc) },
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
