// `tagfit decode` (a competitor's hashtags, scored) and `tagfit creator-fit` (creators ranked by the density and
// velocity of their recent posts): option parsing and terminal output over src/core/decode.
import path from 'node:path';
import type { Command } from 'commander';
import type { Credits, PresetName } from '../shared/model';
import {
  type CompetitorDecode,
  type DecodeResult,
  type FailedCreator,
  runDecodeJob,
} from '../core/decode/competitor';
import { type CreatorFitResult, runCreatorFitJob } from '../core/decode/creator-fit';
import { resolveSettings } from '../core/engine/presets';
import { TagfitError } from '../core/errors';
import { parseUsername, readCreatorList, readRegionList } from '../core/input/csv-lists';
import { runDate } from '../core/report/files';
import { renderDecodeCsv } from '../core/report/decode-csv';
import { checkReportDir, writeReports } from '../core/report/write';
import { EXIT_FAILED, EXIT_OK } from './exit-codes';
import { createProgressReporter, type ProgressReporter } from './progress';
import { toJsonDocument } from './json-output';
import {
  checkApiBase,
  DEMO_DIR,
  describeCredits,
  num,
  parseNow,
  resolveKey,
  stopOnSignals,
} from './score-command';
import { safeWrite, writeErr, writeOut } from './output';
import { DEFAULT_PRESET } from '../shared/scoring-registry';
import { parseSetting, presetOption, settingOption } from './setting-options';
import { checkLists } from '../core/input/csv-lists';

const DEFAULT_POSTS = 60;

interface CommonFlags {
  posts?: string;
  preset?: PresetName;
  windowDays?: string;
  now?: string;
  apiBase?: string;
  rpm?: string;
  concurrency?: string;
  timeout?: string;
  demo?: boolean;
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

function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('--posts <n>', `recent posts to read per creator (default ${DEFAULT_POSTS})`)
    .addOption(presetOption())
    .addOption(settingOption('windowDays'))
    .option('--now <iso>', 'fix the run clock, e.g. 2026-11-20T00:00:00Z (default: the real clock)')
    .option('--api-base <url>', 'TikLiveAPI base URL (a proxy, or the simulator)')
    .addOption(settingOption('requestsPerMinute'))
    .addOption(settingOption('concurrency'))
    .addOption(settingOption('timeoutSeconds'))
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
  ).action(async (flags: DecodeFlags) => setCode(await decodeAction(flags)));
  addCommonOptions(
    program
      .command('creator-fit')
      .description('rank creators by the density and velocity of their recent posts')
      .option('--creators <file>', 'creators CSV (column "unique_id")'),
  ).action(async (flags: CreatorFitFlags) => setCode(await creatorFitAction(flags)));
}

/** What both commands share: clock, settings, key and client options, progress. */
async function common(flags: CommonFlags) {
  const reporter = createProgressReporter(flags.quiet ? 'quiet' : process.stderr.isTTY ? 'bar' : 'lines');
  checkApiBase(flags.apiBase);
  const settings = resolveSettings(flags.preset ?? DEFAULT_PRESET, {
    windowDays: parseSetting('windowDays', flags.windowDays),
  });
  const timeoutS = parseSetting('timeoutSeconds', flags.timeout);
  return {
    reporter,
    settings,
    posts: num(flags.posts, 'posts', { min: 1, max: 1000, int: true }) ?? DEFAULT_POSTS,
    session: {
      now: parseNow(flags.now),
      clockIsFixed: flags.now !== undefined,
      demo: flags.demo === true,
      apiBase: flags.apiBase,
      key: await resolveKey(flags),
      requestsPerMinute: parseSetting('requestsPerMinute', flags.rpm),
      concurrency: parseSetting('concurrency', flags.concurrency),
      timeoutMs: timeoutS !== undefined ? timeoutS * 1000 : undefined,
      onWarning: reporter.warn,
    },
    onCreator: (e: { username: string; posts?: number; error?: string }): void => {
      if (flags.quiet) return;
      writeErr(
        e.error === undefined ? `@${e.username}: ${e.posts} posts\n` : `failed @${e.username}: ${e.error}\n`,
      );
    },
  };
}

/** A list file from the option, the demo lists with --demo, else none (or a usage error when required). */
function listFile(
  flag: string | undefined,
  demo: boolean,
  demoName: string,
  option: string,
  required: boolean,
) {
  if (flag) return flag;
  if (demo) return path.join(DEMO_DIR, demoName);
  if (required) throw new TagfitError('input', `${option} <file> is required (or --demo).`);
  return undefined;
}

function printCreditsAndFailures(credits: Credits, failed: readonly FailedCreator[]): void {
  writeErr(`credits: ${describeCredits(credits)}\n`);
  if (failed.length > 0) writeErr(`${failed.length} failed (see "failed")\n`);
}

async function withSignals<T>(reporter: ProgressReporter, run: (signal: AbortSignal) => Promise<T>) {
  const controller = new AbortController();
  const stopListening = stopOnSignals(controller);
  try {
    return await run(controller.signal);
  } finally {
    reporter.stop();
    stopListening();
  }
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
  const regionsFile = listFile(flags.regions, flags.demo === true, 'regions.csv', '--regions', true)!;
  const creatorsFile = listFile(flags.creators, flags.demo === true, 'creators.csv', '--creators', false);
  const lists = [
    await readRegionList(regionsFile),
    ...(creatorsFile ? [await readCreatorList(creatorsFile)] : []),
  ];
  checkLists(lists, c.reporter.warn, false);
  const [regions, creators] = lists;
  if (regions!.values.length === 0) throw new TagfitError('input', `${regionsFile}: no regions to score.`);
  // As for `score`: a report folder that cannot be written is said before any credit is spent.
  if (flags.out) await checkReportDir(flags.out);

  const result = await withSignals(c.reporter, (signal) =>
    runDecodeJob({
      ...c.session,
      signal,
      competitors,
      posts: c.posts,
      regions: regions!.values,
      targets: creators?.values ?? [],
      settings: c.settings,
      onCreator: c.onCreator,
      onProgress: (p) => c.reporter.onProgress(p),
    }),
  );
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
  if (flags.json) writeOut(`${JSON.stringify(decodeJson(result, c.settings, c.posts))}\n`);
  else printDecode(result);
  printCreditsAndFailures(result.credits, result.failed);
  const scoring = result.scoring;
  if (scoring && scoring.failed.length > 0)
    writeErr(`${scoring.failed.length} hashtag-region pairs failed (see "scoring.failed")\n`);
  if (scoring?.stopped) writeErr(`run stopped (${scoring.stopped.code}): ${scoring.stopped.message}\n`);
  const bad = result.failed.length > 0 || (scoring && (scoring.failed.length > 0 || scoring.stopped));
  return bad || writeFailed ? EXIT_FAILED : EXIT_OK;
}

function decodeJson(result: DecodeResult, settings: unknown, posts: number) {
  return {
    now: result.now,
    preset: result.scoring?.preset ?? (settings as { preset: string }).preset,
    settings,
    posts,
    candidates: result.candidates,
    competitors: result.competitors,
    failed: result.failed,
    credits: result.credits,
    ...(result.scoring ? { scoring: toJsonDocument(result.scoring) } : {}),
  };
}

function printDecode(result: DecodeResult): void {
  const out = process.stdout;
  safeWrite(out, `Tagfit competitor decode at ${result.now}\n`);
  for (const comp of result.competitors) printCompetitor(comp);
  for (const f of result.failed) safeWrite(out, `failed @${f.username}: ${f.error}\n`);
}

function printCompetitor(comp: CompetitorDecode): void {
  const out = process.stdout;
  safeWrite(
    out,
    `\n@${comp.username} (${comp.user.nickname}, ${comp.user.followerCount} followers): ${comp.tags.length} hashtags in ${comp.sample} posts\n`,
  );
  const regions = Object.keys(comp.tags[0]?.regions ?? {});
  safeWrite(
    out,
    `  ${'tag'.padEnd(28)} ${'uses'.padStart(5)} ${'share'.padStart(6)}${regions.map((r) => `  ${`${r} score (rank)`.padStart(18)}`).join('')}\n`,
  );
  for (const t of comp.tags) {
    const name = `#${t.tag}`;
    const cells = regions.map((r) => {
      const s = t.regions[r]!;
      const text =
        s.status === 'ranked'
          ? `${s.score.toFixed(2)} (${s.rank}/${s.of})`
          : s.status === 'excluded'
            ? 'excluded'
            : s.status;
      return `  ${text.padStart(18)}`;
    });
    safeWrite(
      out,
      `  ${(name.length > 28 ? `${name.slice(0, 27)}…` : name).padEnd(28)} ${String(t.uses).padStart(5)} ${`${Math.round(t.share * 100)}%`.padStart(6)}${cells.join('')}\n`,
    );
  }
}

async function creatorFitAction(flags: CreatorFitFlags): Promise<number> {
  const c = await common(flags);
  const creatorsFile = listFile(flags.creators, flags.demo === true, 'creators.csv', '--creators', true)!;
  const list = await readCreatorList(creatorsFile);
  checkLists([list], c.reporter.warn, false);
  if (list.values.length === 0) throw new TagfitError('input', `${creatorsFile}: no creators to score.`);
  const result = await withSignals(c.reporter, (signal) =>
    runCreatorFitJob({
      ...c.session,
      signal,
      creators: list.values,
      posts: c.posts,
      settings: c.settings,
      onCreator: c.onCreator,
    }),
  );
  if (flags.json) {
    const doc = { preset: c.settings.preset, windowDays: c.settings.windowDays, posts: c.posts, ...result };
    writeOut(`${JSON.stringify(doc)}\n`);
  } else printCreatorFit(result);
  printCreditsAndFailures(result.credits, result.failed);
  return result.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
}

function printCreatorFit(result: CreatorFitResult): void {
  const out = process.stdout;
  const w = result.weights;
  safeWrite(
    out,
    `Tagfit creator fit at ${result.now} (velocity ${w.velocity.toFixed(2)}, density ${w.density.toFixed(2)})\n`,
  );
  safeWrite(
    out,
    `  ${'#'.padEnd(3)} ${'creator'.padEnd(26)} ${'followers'.padStart(10)} ${'n'.padStart(4)} ${'vel'.padStart(5)} ${'density'.padStart(9)} ${'score'.padStart(6)}\n`,
  );
  for (const r of result.ranked) {
    safeWrite(
      out,
      `  ${String(r.rank).padEnd(3)} ${`@${r.username}`.padEnd(26)} ${String(r.followerCount).padStart(10)} ${String(r.sample).padStart(4)} ${r.velocity.toFixed(2).padStart(5)} ${Math.trunc(r.density).toString().padStart(9)} ${r.score.toFixed(2).padStart(6)}\n`,
    );
  }
  for (const f of result.failed) safeWrite(out, `failed @${f.username}: ${f.error}\n`);
}
