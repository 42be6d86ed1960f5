// `tagfit discover`, `tagfit pick` and `tagfit watch`: new candidates and creators from the samples already fetched,
// a tag set to post with per region, and weekly runs that raise alerts (src/core/discover). They take the options
// `score` takes; discover and pick read the workspace's cache only (no credit) unless a keyword search is asked for.
import path from 'node:path';
import type { Command } from 'commander';
import type { RegionCode } from '../shared/model';
import {
  type CreatorSuggestion,
  creatorEvidence,
  type RegionPicks,
  tagEvidence,
  type TagSuggestion,
} from '../shared/discover';
import { discoverAll } from '../core/discover/cooccurrence';
import { pickTagSet } from '../core/discover/pick';
import { isDue, scheduleLines } from '../core/discover/watch';
import { recordWatchRun } from '../core/discover/watch-job';
import { TagfitError } from '../core/errors';
import { listFromValues, parseUsername } from '../core/input/csv-lists';
import { openApiSession } from '../core/job/api-session';
import type { ScoreJobOutcome } from '../core/job/score-job';
import { sampleKey } from '../core/pipeline/run';
import { listRuns } from '../core/workspace/history';
import { openWorkspace, saveListFile } from '../core/workspace/layout';
import { EXIT_ALERTS, EXIT_FAILED, EXIT_OK } from './exit-codes';
import { safeWrite, writeErr, writeOut } from './output';
import { createProgressReporter } from './progress';
import {
  addScoreOptions,
  describeCredits,
  num,
  parseNow,
  prepare,
  type Prepared,
  resolveKey,
  runPrepared,
  type ScoreFlags,
  stopOnSignals,
} from './score-command';

interface DiscoverFlags extends ScoreFlags {
  accept: string[];
  acceptCreator: string[];
  search?: string;
  searchCreators?: string;
  profile: string[];
}
interface PickFlags extends ScoreFlags {
  k?: string;
}
interface WatchFlags extends ScoreFlags {
  printSchedule?: boolean;
}

const repeat = (v: string, all: string[]): string[] => [...all, v];

export function registerDiscoverCommands(program: Command, setCode: (c: number) => void): void {
  addScoreOptions(
    program
      .command('discover')
      .description(
        'suggest hashtags and creators from the posts already sampled (no credit), and add the ones you accept',
      )
      .option(
        '--accept <tag>',
        'add this suggested hashtag to the candidates (repeat for several)',
        repeat,
        [] as string[],
      )
      .option(
        '--accept-creator <username>',
        'add this creator to the targets (repeat for several)',
        repeat,
        [] as string[],
      )
      .option('--search <keyword>', 'also ask /search-challenge/ for hashtags (1 credit)')
      .option('--search-creators <keyword>', 'also ask /search-user/ for creators (1 credit)')
      .option(
        '--profile <username>',
        "a creator's profile from /userinfo-by-username/ (1 credit each; repeat)",
        repeat,
        [] as string[],
      ),
  ).action(async (flags: DiscoverFlags) => setCode(await discoverAction(flags)));
  addScoreOptions(
    program
      .command('pick')
      .description(
        'per region, a set of k tags to post with: high scores that reach different posts (no credit)',
      )
      .option('--k <n>', 'tags in the set (default 5)'),
  ).action(async (flags: PickFlags) => setCode(await pickAction(flags)));
  addScoreOptions(
    program
      .command('watch')
      .description(
        'run if the schedule says a run is due, and raise alerts against the previous run (exit 3)',
      )
      .option(
        '--print-schedule',
        "print this machine's scheduler line for the watch (Tagfit never edits it)",
      ),
  ).action(async (flags: WatchFlags) => setCode(await watchAction(flags)));
}

function requireWorkspace(flags: ScoreFlags, command: string): string {
  if (!flags.workspace) throw new TagfitError('input', `tagfit ${command} needs --workspace <dir>.`);
  return flags.workspace;
}

/** The last run's samples, from the cache only: what discovery and the picker read. */
async function samplesInHand(flags: ScoreFlags): Promise<{ prepared: Prepared; outcome: ScoreJobOutcome }> {
  const reporter = createProgressReporter('quiet');
  const prepared = await prepare(flags, reporter.warn, false);
  try {
    const controller = new AbortController();
    const outcome = await runPrepared(flags, prepared, reporter, controller.signal, {
      offline: true,
      record: false,
      reports: false,
    });
    const missing = outcome.result.failed.length + (outcome.result.stopped?.unscored.length ?? 0);
    if (outcome.data.samples.size === 0)
      throw new TagfitError(
        'input',
        `Nothing sampled in ${flags.workspace} yet (its cache holds no post for these tags): run \`tagfit score --workspace\` first.`,
      );
    if (missing > 0 && !flags.quiet)
      writeErr(`note: ${missing} tag-region pairs are not in the cache; a score run fetches them\n`);
    return { prepared, outcome };
  } finally {
    await prepared.release();
  }
}

const sampleFor = (o: ScoreJobOutcome) => (region: RegionCode, candidate: string) =>
  o.data.samples.get(sampleKey(region, candidate)) ?? [];

/** Suggestions of every region, from the samples in hand. */
const suggestionsOf = (o: ScoreJobOutcome, candidates: readonly string[], targets: readonly string[]) =>
  discoverAll(Object.values(o.result.regions), sampleFor(o), new Set(candidates), new Set(targets));

async function discoverAction(flags: DiscoverFlags): Promise<number> {
  const dir = requireWorkspace(flags, 'discover');
  const { prepared, outcome } = await samplesInHand(flags);
  const suggestions = suggestionsOf(outcome, prepared.candidates, prepared.targets);
  const searched: {
    tags: string[];
    creators: string[];
    profiles: { username: string; nickname: string; followers: number; videos: number; likes: number }[];
    credits?: string;
  } = { tags: [], creators: [], profiles: [] };
  const profiles = flags.profile.map((raw) => {
    const u = parseUsername(raw);
    if (!u.ok) throw new TagfitError('input', `--profile "${raw}" is not a TikTok username: ${u.reason}.`);
    return u.value;
  });
  if (flags.search || flags.searchCreators || profiles.length > 0) {
    const calls = (flags.search ? 1 : 0) + (flags.searchCreators ? 1 : 0) + profiles.length;
    if (!flags.quiet)
      writeErr(`estimate: at most ${calls} credit${calls === 1 ? '' : 's'} for the searches and profiles\n`);
    const session = await openApiSession({
      now: prepared.now,
      demo: flags.demo === true,
      apiBase: flags.apiBase,
      key: await resolveKey(flags),
      requestsPerMinute: prepared.requestsPerMinute,
      cache: prepared.cache,
      maxAgeMs: prepared.maxAgeMs,
      offline: flags.offline,
      maxCredits: num(flags.maxCredits, 'max-credits', { min: 0, max: 1e9, int: true }),
    });
    try {
      if (flags.search)
        searched.tags = (await session.api.searchChallenge({ keyword: flags.search, count: 20, cursor: '0' }))
          .map((c) => c.name)
          .filter((n) => !prepared.candidates.includes(n.toLowerCase()));
      if (flags.searchCreators)
        searched.creators = (
          await session.api.searchUser({ keyword: flags.searchCreators, count: 20, cursor: '0' })
        )
          .map((u) => u.uniqueId)
          .filter((u) => !prepared.targets.includes(u.toLowerCase()));
      for (const username of profiles) {
        const p = await session.api.userInfo(username);
        searched.profiles.push({
          username: p.uniqueId,
          nickname: p.nickname,
          followers: p.followerCount,
          videos: p.videoCount,
          likes: p.heartCount,
        });
      }
      searched.credits = describeCredits(session.api.credits());
    } finally {
      await session.close();
    }
  }
  const ws = await openWorkspace(dir);
  const accepted = await accept(ws, flags, prepared);
  if (flags.json) writeOut(`${JSON.stringify({ suggestions, searched, accepted })}\n`);
  else printSuggestions(suggestions, searched, accepted);
  if (!flags.quiet) writeErr(`credits: ${searched.credits ?? '0 (from the samples in the cache)'}\n`);
  return EXIT_OK;
}

/** Adds what the user accepted to the workspace's lists, checked as any list is; never anything else. */
async function accept(
  ws: Awaited<ReturnType<typeof openWorkspace>>,
  flags: DiscoverFlags,
  prepared: Prepared,
): Promise<{ tags: string[]; creators: string[] }> {
  const out = { tags: [] as string[], creators: [] as string[] };
  if (flags.accept.length > 0) {
    const checked = listFromValues('tags', flags.accept, '--accept');
    if (checked.errors.length > 0)
      throw new TagfitError(
        'input',
        checked.errors.map((e) => `--accept "${flags.accept[e.line - 1]}": ${e.reason}`).join('\n'),
      );
    out.tags = checked.values.filter((t) => !prepared.candidates.includes(t));
    await saveListFile(ws, 'tags', [...prepared.candidates, ...out.tags]);
  }
  if (flags.acceptCreator.length > 0) {
    const names = flags.acceptCreator.map((raw) => {
      const u = parseUsername(raw);
      if (!u.ok)
        throw new TagfitError('input', `--accept-creator "${raw}" is not a TikTok username: ${u.reason}.`);
      return u.value;
    });
    out.creators = [...new Set(names)].filter((u) => !prepared.targets.includes(u));
    await saveListFile(ws, 'creators', [...prepared.targets, ...out.creators]);
  }
  return out;
}

function printSuggestions(
  s: { tags: TagSuggestion[]; creators: CreatorSuggestion[] },
  searched: {
    tags: string[];
    creators: string[];
    profiles: { username: string; nickname: string; followers: number; videos: number; likes: number }[];
  },
  accepted: { tags: string[]; creators: string[] },
): void {
  const out = process.stdout;
  safeWrite(out, 'Suggested hashtags (from the posts sampled for your high scorers; not candidates yet)\n');
  if (s.tags.length === 0) safeWrite(out, '  none: no tag co-occurs often enough with the high scorers\n');
  for (const t of s.tags) safeWrite(out, `  ${t.region} #${t.tag}: ${tagEvidence(t)}\n`);
  safeWrite(out, '\nSuggested creators (in the samples of several high scorers; not targets yet)\n');
  if (s.creators.length === 0) safeWrite(out, '  none\n');
  for (const c of s.creators) safeWrite(out, `  @${c.username}: ${creatorEvidence(c)}\n`);
  if (searched.tags.length > 0)
    safeWrite(out, `\nKeyword search, hashtags: ${searched.tags.map((t) => `#${t}`).join(', ')}\n`);
  if (searched.creators.length > 0)
    safeWrite(out, `Keyword search, creators: ${searched.creators.map((c) => `@${c}`).join(', ')}\n`);
  for (const p of searched.profiles)
    safeWrite(
      out,
      `Profile @${p.username} (${p.nickname}): ${p.followers} followers, ${p.videos} videos, ${p.likes} likes\n`,
    );
  if (accepted.tags.length + accepted.creators.length > 0)
    safeWrite(
      out,
      `\nAdded: ${[...accepted.tags.map((t) => `#${t}`), ...accepted.creators.map((c) => `@${c}`)].join(', ')}\n`,
    );
  else safeWrite(out, '\nNothing is added until you accept it: --accept TAG, --accept-creator USER.\n');
}

async function pickAction(flags: PickFlags): Promise<number> {
  requireWorkspace(flags, 'pick');
  const k = num(flags.k, 'k', { min: 1, max: 30, int: true }) ?? 5;
  const { outcome } = await samplesInHand(flags);
  const picks: RegionPicks[] = Object.values(outcome.result.regions).map((r) =>
    pickTagSet(r, (c) => sampleFor(outcome)(r.region, c), { k }),
  );
  if (flags.json) writeOut(`${JSON.stringify({ k, picks })}\n`);
  else {
    const out = process.stdout;
    for (const r of picks) {
      safeWrite(out, `${r.region}: ${r.picks.map((p) => `#${p.tag}`).join(' ')}\n`);
      for (const p of r.picks) safeWrite(out, `  #${p.tag} (${p.score.toFixed(2)}): ${p.reason}\n`);
      for (const p of r.passedOver)
        safeWrite(out, `  left out #${p.tag} (${p.score.toFixed(2)}): ${p.reason}\n`);
    }
  }
  if (!flags.quiet) writeErr('credits: 0 (from the samples in the cache)\n');
  return EXIT_OK;
}

async function watchAction(flags: WatchFlags): Promise<number> {
  const dir = requireWorkspace(flags, 'watch');
  const ws = await openWorkspace(dir);
  const schedule = ws.settings.watch;
  if (flags.printSchedule) {
    const cmd = `${process.execPath} ${path.resolve(process.argv[1] ?? 'tagfit')} watch --workspace ${JSON.stringify(ws.dir)} --quiet`;
    for (const l of scheduleLines(schedule, cmd, process.platform)) writeOut(`# ${l.kind}\n${l.text}\n\n`);
    return EXIT_OK;
  }
  const runs = await listRuns(ws.paths.data);
  const last = runs.at(-1);
  const now = parseNow(flags.now);
  const due = isDue(now, schedule, last?.now);
  if (!due.due) {
    if (flags.json) writeOut(`${JSON.stringify({ due: false, why: due.why, next: due.next, alerts: [] })}\n`);
    else writeErr(`${due.why}\n`);
    return EXIT_OK;
  }
  if (!flags.quiet) writeErr(`${due.why}\n`);
  const reporter = createProgressReporter(flags.quiet ? 'quiet' : 'lines');
  const prepared = await prepare(flags, reporter.warn, true);
  const controller = new AbortController();
  const stopListening = stopOnSignals(controller);
  let outcome: ScoreJobOutcome;
  try {
    outcome = await runPrepared(flags, prepared, reporter, controller.signal);
  } finally {
    reporter.stop();
    stopListening();
    await prepared.release();
  }
  const { result } = outcome;
  if (result.stopped || outcome.historyError) {
    writeErr(
      `tagfit: the watch run did not complete (${result.stopped?.message ?? outcome.historyError?.message}); no alert is raised from a partial run\n`,
    );
    return EXIT_FAILED;
  }
  const { alerts, written } = await recordWatchRun({
    ws,
    result,
    // The run momentum was computed against, which the job has read already.
    previous: outcome.previous,
    suggestions: suggestionsOf(outcome, prepared.candidates, prepared.targets).tags,
    velocityThreshold: prepared.velocityThreshold,
    warn: reporter.warn,
  });
  if (flags.json)
    writeOut(`${JSON.stringify({ due: true, why: due.why, alerts, credits: result.credits })}\n`);
  else {
    for (const a of alerts) safeWrite(process.stdout, `${a.rule}: ${a.message}\n`);
    if (alerts.length === 0) safeWrite(process.stdout, 'no alert\n');
  }
  if (!flags.quiet) {
    for (const w of written) writeErr(`wrote ${w.path}\n`);
    writeErr(`credits: ${describeCredits(result.credits)}\n`);
  }
  if (result.failed.length > 0) return EXIT_FAILED;
  return alerts.length > 0 ? EXIT_ALERTS : EXIT_OK;
}
