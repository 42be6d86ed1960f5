// `tagfit decode` (a competitor's hashtags, scored) and `tagfit creator-fit` (creators ranked by the density and
// velocity of their recent posts): flags to one core job (src/core/job/decode-job.ts), then print.
import type { Command } from 'commander';
import type { PresetName } from '../shared/model';
import { CREATOR_FIT_POSTS, DECODE_POSTS, runCreatorFitJob, runDecodeJob } from '../core/job/decode-job';
import { TagfitError } from '../core/errors';
import { parseUsername, readCreatorList } from '../core/input/csv-lists';
import { checkLists } from '../core/input/csv-lists';
import { listPath } from '../core/job/job-inputs';
import { runDate } from '../core/report/files';
import { renderDecodeCsv } from '../core/report/decode-csv';
import { checkReportDir, writeReports } from '../core/report/write';
import { openWorkspace } from '../core/workspace/layout';
import { decodeJson, printCreatorFit, printCreditsAndFailures, printDecode } from './decode-output';
import { EXIT_FAILED, EXIT_OK } from './exit-codes';
import { writeErr, writeOut } from './output';
import { createProgressReporter } from './progress';
import { DEMO_DIR } from './score-command';
import { num, sessionFromFlags, type SessionFlags } from './session-flags';
import {
  addSettingOptions,
  FETCH_OPTION_NAMES,
  parseSetting,
  presetOption,
  settingOption,
} from './setting-options';
import { withStopSignals } from './signals';

interface CommonFlags extends SessionFlags {
  workspace?: string;
  posts?: string;
  preset?: PresetName;
  windowDays?: string;
  json?: boolean;
  quiet?: boolean;
}

interface DecodeFlags extends CommonFlags {
  competitor: string[];
  regions?: string;
  creators?: string;
  out?: string;
}

interface CreatorFitFlags extends CommonFlags {
  creators?: string;
}

function addCommonOptions(cmd: Command, defaultPosts: number): Command {
  cmd
    .option('--posts <n>', `recent posts to read per creator (default ${defaultPosts})`)
    .option(
      '--workspace <dir>',
      "a Tagfit workspace: its lists, preset, plan and answer cache, as the app's (explicit options win)",
    )
    .addOption(presetOption({ workspace: true }))
    .addOption(settingOption('windowDays'))
    .option('--now <iso>', 'fix the run clock, e.g. 2026-11-20T00:00:00Z (default: the real clock)')
    .option('--api-base <url>', 'TikLiveAPI base URL (a proxy, or the simulator)');
  addSettingOptions(cmd, FETCH_OPTION_NAMES).option(
    '--cache-dir <dir>',
    'answer cache folder (default: the workspace cache, else none)',
  );
  return addSettingOptions(cmd, ['cacheMaxAgeHours', 'noCache'])
    .option('--offline', 'never touch the network: answer from the cache only')
    .option('--demo', 'use the built-in TikLiveAPI simulator and demo lists: no key, no network')
    .option('--json', 'print one JSON document on stdout')
    .option('--quiet', 'no progress output');
}

export function registerDecodeCommands(program: Command, setCode: (c: number) => void): void {
  addCommonOptions(
    program
      .command('decode')
      .description("parse a competitor's hashtags from their recent captions and score them per region")
      .option(
        '--competitor <username>',
        'a competitor to decode (repeat for several)',
        (v: string, all: string[]) => [...all, v],
        [] as string[],
      )
      .option('--regions <file>', 'regions CSV (column "code")')
      .option('--creators <file>', 'target creators CSV (column "unique_id") for overlap')
      .option('--out <dir>', 'write decode-<date>.csv (one row per competitor, tag and region) here'),
    DECODE_POSTS,
  ).action(async (flags: DecodeFlags) => setCode(await decodeAction(flags)));
  addCommonOptions(
    program
      .command('creator-fit')
      .description('rank creators by the density and velocity of their recent posts')
      .option('--creators <file>', 'creators CSV (column "unique_id")'),
    CREATOR_FIT_POSTS,
  ).action(async (flags: CreatorFitFlags) => setCode(await creatorFitAction(flags)));
}

/** What both commands share: the workspace, the session, the scoring choices, progress. */
async function common(flags: CommonFlags) {
  const reporter = createProgressReporter(flags.quiet ? 'quiet' : process.stderr.isTTY ? 'bar' : 'lines');
  const workspace = flags.workspace ? await openWorkspace(flags.workspace) : undefined;
  const windowDays = parseSetting('windowDays', flags.windowDays);
  return {
    reporter,
    workspace,
    session: await sessionFromFlags(flags, { workspace, warn: reporter.warn }),
    preset: flags.preset,
    overrides: windowDays !== undefined ? { windowDays } : undefined,
    posts: num(flags.posts, 'posts', { min: 1, max: 1000, int: true }),
    onCreator: (e: { username: string; posts?: number; error?: string }): void => {
      if (flags.quiet) return;
      writeErr(
        e.error === undefined ? `@${e.username}: ${e.posts} posts\n` : `failed @${e.username}: ${e.error}\n`,
      );
    },
  };
}

async function decodeAction(flags: DecodeFlags): Promise<number> {
  const competitors: string[] = [];
  for (const raw of flags.competitor) {
    const u = parseUsername(raw);
    if (!u.ok) throw new TagfitError('input', `--competitor "${raw}" is not a TikTok username: ${u.reason}.`);
    if (!competitors.includes(u.value)) competitors.push(u.value);
  }
  if (competitors.length === 0) throw new TagfitError('input', '--competitor <username> is required.');
  const c = await common(flags);
  // As for `score`: a report folder that cannot be written is said before any credit is spent.
  if (flags.out) await checkReportDir(flags.out);
  const { result, settings, posts } = await withStopSignals((signal) =>
    runDecodeJob({
      session: c.session,
      workspace: c.workspace,
      files: { regions: flags.regions, creators: flags.creators },
      demoDir: flags.demo ? DEMO_DIR : undefined,
      preset: c.preset,
      overrides: c.overrides,
      competitors,
      posts: c.posts,
      signal,
      onCreator: c.onCreator,
      onProgress: (p) => c.reporter.onProgress(p),
      onWarning: c.reporter.warn,
    }),
  ).finally(() => c.reporter.stop());
  let writeFailed = false;
  if (flags.out) {
    try {
      const written = await writeReports(flags.out, [
        { name: `decode-${runDate(c.session.now)}.csv`, content: renderDecodeCsv(result) },
      ]);
      for (const w of written) writeErr(`wrote ${w.path}${w.note ? ` (${w.note})` : ''}\n`);
    } catch (e) {
      writeFailed = true;
      writeErr(`tagfit: report not written: ${(e as Error).message}\n`);
    }
  }
  if (flags.json) writeOut(`${JSON.stringify(decodeJson(result, settings, posts))}\n`);
  else printDecode(result);
  printCreditsAndFailures(result.credits, result.failed);
  const scoring = result.scoring;
  if (scoring && scoring.failed.length > 0)
    writeErr(`${scoring.failed.length} hashtag-region pairs failed (see "scoring.failed")\n`);
  if (scoring?.stopped) writeErr(`run stopped (${scoring.stopped.code}): ${scoring.stopped.message}\n`);
  const bad = result.failed.length > 0 || (scoring && (scoring.failed.length > 0 || scoring.stopped));
  return bad || writeFailed ? EXIT_FAILED : EXIT_OK;
}

async function creatorFitAction(flags: CreatorFitFlags): Promise<number> {
  const c = await common(flags);
  const sources = {
    workspace: c.workspace,
    files: { creators: flags.creators },
    demoDir: flags.demo ? DEMO_DIR : undefined,
  };
  const creatorsFile = listPath('creators', sources, true);
  const list = await readCreatorList(creatorsFile);
  checkLists([list], c.reporter.warn, false);
  if (list.values.length === 0) throw new TagfitError('input', `${creatorsFile}: no creators to score.`);
  const { result, settings, posts } = await withStopSignals((signal) =>
    runCreatorFitJob({
      session: c.session,
      workspace: c.workspace,
      preset: c.preset,
      overrides: c.overrides,
      creators: list.values,
      posts: c.posts,
      signal,
      onCreator: c.onCreator,
      onWarning: c.reporter.warn,
    }),
  ).finally(() => c.reporter.stop());
  if (flags.json) {
    const doc = { preset: settings.preset, windowDays: settings.windowDays, posts, ...result };
    writeOut(`${JSON.stringify(doc)}\n`);
  } else printCreatorFit(result);
  printCreditsAndFailures(result.credits, result.failed);
  return result.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
}
