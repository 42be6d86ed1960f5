// `tagfit track --workspace DIR`: the ranking's track record against the user's own posts (src/core/track), and
// whether the posts made at the plan's suggested time did better (from the latest samples in the cache, no credit).
import { Command } from 'commander';
import { TagfitError } from '../core/errors';
import { parseUsername } from '../core/input/csv-lists';
import { USER_POSTS_PAGE_MAX } from '../core/decode/recent-posts';
import type { Evidence, TrackResult } from '../core/track/track-record';
import { runTrackJob, TRACK_POSTS, trackRegion } from '../core/job/track-job';
import { type SampledRun, samplesFromCache } from '../core/job/discover-job';
import { prepareScoreRun } from '../core/job/prepare-score';
import type { BestTimeCheck } from '../shared/track';
import { loadRuns } from '../core/workspace/history';
import { openWorkspace, type Workspace } from '../core/workspace/layout';
import { readRegionList } from '../core/input/csv-lists';
import { EXIT_FAILED, EXIT_OK } from './exit-codes';
import { safeWrite, writeErr, writeOut } from './output';
import { num, sessionFromFlags, sessionRequestFromFlags, type SessionFlags } from './session-flags';
import { withStopSignals } from './signals';
import { describeCredits } from './summary';
import { addSettingOptions, FETCH_OPTION_NAMES } from './setting-options';

interface TrackFlags extends SessionFlags {
  workspace?: string;
  account: string[];
  region?: string;
  posts?: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerTrackCommand(program: Command, setCode: (c: number) => void): void {
  const cmd = program
    .command('track')
    .description(
      "check the ranking against your own accounts' posts: did posts with higher-scored tags do better?",
    )
    .option('--workspace <dir>', 'the workspace whose runs (history) and ownAccounts are used')
    .option(
      '--account <username>',
      'an own account (repeat for several; default: ownAccounts in tagfit.json)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option(
      '--region <code>',
      "the region whose scores the posts are matched to (default: the workspace's first)",
    )
    .option('--posts <n>', `recent posts to read per account (default ${TRACK_POSTS})`)
    .option('--now <iso>', 'fix the clock, e.g. 2026-11-20T00:00:00Z (default: the real clock)')
    .option('--api-base <url>', 'TikLiveAPI base URL (a proxy, or the simulator)');
  addSettingOptions(cmd, FETCH_OPTION_NAMES)
    .option('--offline', 'never touch the network: use the cached posts only')
    .option('--demo', 'use the built-in TikLiveAPI simulator: no key, no network')
    .option('--json', 'print one JSON document on stdout')
    .option('--quiet', 'no progress output')
    .action(async (flags: TrackFlags) => setCode(await trackAction(flags)));
}

async function trackAction(flags: TrackFlags): Promise<number> {
  if (!flags.workspace)
    throw new TagfitError('input', '--workspace <dir> is required: its runs are the record.');
  const ws = await openWorkspace(flags.workspace);
  const raw = flags.account.length > 0 ? flags.account : ws.settings.ownAccounts;
  const accounts: string[] = [];
  for (const [i, a] of raw.entries()) {
    const u = parseUsername(a);
    const where =
      flags.account.length > 0 ? `--account "${a}"` : `${ws.paths.settings}: ownAccounts[${i}] "${a}"`;
    if (!u.ok) throw new TagfitError('input', `${where} is not a TikTok username: ${u.reason}.`);
    if (!accounts.includes(u.value)) accounts.push(u.value);
  }
  if (accounts.length === 0)
    throw new TagfitError(
      'input',
      `No own accounts to track: add "ownAccounts": ["yourname"] to ${ws.paths.settings}, or pass --account <username>.`,
    );
  const regions = (await readRegionList(ws.paths.regions)).values;
  if (flags.region === undefined && regions.length === 0)
    throw new TagfitError(
      'input',
      `${ws.paths.regions} lists no region to match the posts to: add one, or pass --region CODE.`,
    );
  const warn = (m: string): void => void (flags.quiet ? undefined : writeErr(`warning: ${m}\n`));
  const runs = await loadRuns(ws.paths.data, warn);
  const region = trackRegion(flags.region, regions, runs)!;
  if (!/^[A-Z]{2}$/.test(region))
    throw new TagfitError('input', `--region: "${flags.region}" is not a two-letter region code.`);
  const posts = num(flags.posts, 'posts', { min: 1, max: 1000, int: true }) ?? TRACK_POSTS;
  const perAccount = 1 + Math.ceil(posts / USER_POSTS_PAGE_MAX);
  if (!flags.quiet)
    writeErr(
      `estimate: at most ${accounts.length * perAccount} credits (${accounts.length} account${accounts.length === 1 ? '' : 's'} × ${perAccount}: the profile, then ${perAccount - 1} page${perAccount === 2 ? '' : 's'} of posts), less what the cache answers\n`,
    );
  const session = await sessionFromFlags(flags, { workspace: ws, warn });
  const samples = await latestSamples(flags, ws, warn);
  const result = await withStopSignals((signal) =>
    runTrackJob({
      session,
      signal,
      onWarning: warn,
      accounts,
      runs,
      region,
      posts,
      samples,
      onAccount: (e) => {
        if (flags.quiet) return;
        writeErr(
          e.error === undefined
            ? `@${e.username}: ${e.posts} posts\n`
            : `failed @${e.username}: ${e.error}\n`,
        );
      },
    }),
  );
  if (flags.json) writeOut(`${JSON.stringify(result)}\n`);
  else printTrack(result);
  if (!flags.quiet) writeErr(`credits: ${describeCredits(result.credits)}\n`);
  return result.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
}

/** The latest run's samples from the cache alone, for the best-time check; none (said) when the cache has none. */
async function latestSamples(
  flags: TrackFlags,
  ws: Workspace,
  warn: (m: string) => void,
): Promise<(SampledRun & { result: { now: string } }) | undefined> {
  try {
    const quiet = (): void => {};
    // The lists' own notes belong to `score`; here they would only repeat.
    const prepared = await prepareScoreRun({
      workspace: ws,
      session: sessionRequestFromFlags(flags, { offline: true, warn: quiet }),
      warn: quiet,
      notice: quiet,
    });
    try {
      return (await samplesFromCache(prepared, ws.dir)).outcome;
    } finally {
      await prepared.release();
    }
  } catch (e) {
    if (!(e instanceof TagfitError)) throw e;
    warn(`the posts' times are not checked against a best time: ${e.message}`);
    return undefined;
  }
}

function bestTimeLine(b: BestTimeCheck | undefined): string[] {
  return b ? [`  best time: ${b.verdict}`] : [];
}

function evidenceLines(e: Evidence): string[] {
  const lines = [`  posts: ${e.posts}, matched to a scored hashtag: ${e.matched}`, `  ${e.verdict}`];
  if (e.playsCorrelation)
    lines.push(
      `  with plays instead of likes: rank correlation ${e.playsCorrelation.rho.toFixed(2)} (90 % interval ${e.playsCorrelation.low.toFixed(2)} to ${e.playsCorrelation.high.toFixed(2)})`,
    );
  return [...lines, ...bestTimeLine(e.bestTime)];
}

function printTrack(r: TrackResult): void {
  const out = process.stdout;
  safeWrite(out, `Tagfit track record at ${r.now}, scores of region ${r.region}\n`);
  safeWrite(
    out,
    r.runs.length === 0
      ? 'No run is recorded in this workspace yet: every post is unmatched.\n'
      : `Matched against ${r.runs.length} recorded run${r.runs.length === 1 ? '' : 's'} (${r.runs[0]!.slice(0, 10)} to ${r.runs.at(-1)!.slice(0, 10)}).\n`,
  );
  for (const a of r.accounts) {
    safeWrite(out, `\n@${a.username}\n`);
    for (const l of evidenceLines(a.evidence)) safeWrite(out, `${l}\n`);
  }
  if (r.accounts.length > 1) {
    safeWrite(out, '\nAll accounts together\n');
    for (const l of evidenceLines(r.overall)) safeWrite(out, `${l}\n`);
  }
  for (const f of r.failed) safeWrite(out, `failed @${f.username}: ${f.error}\n`);
}
