// `tagfit score` and `tagfit estimate`: read the lists, resolve settings, key and cache, run the job, print.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { PresetName, ScoringSettings } from '../shared/model';
import {
  addSettingOptions,
  presetOption,
  RUN_OPTION_NAMES,
  SCORING_OPTION_NAMES,
  scoringOverridesFromFlags,
  settingOption,
} from './setting-options';
import { TagfitError } from '../core/errors';
import type { SettingsOverrides } from '../core/engine/presets';
import {
  describeEstimate,
  estimateScoreRun,
  prepareScoreRun,
  type PreparedScoreRun,
} from '../core/job/prepare-score';
import { runScoreJob, type ScoreJobOutcome } from '../core/job/score-job';
import { type ReportFormat, REPORT_FORMATS } from '../shared/report-formats';
import { chromiumPdfPrinter } from '../core/report/pdf-chromium';
import { openWorkspace } from '../core/workspace/layout';
import { EXIT_FAILED, EXIT_OK } from './exit-codes';
import { toJsonDocument } from './json-output';
import { writeErr, writeOut } from './output';
import { createProgressReporter, type ProgressReporter } from './progress';
import { sessionRequestFromFlags, type SessionFlags } from './session-flags';
import { withStopSignals } from './signals';
import { printRunFooter, printSummary } from './summary';

export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/demo');

export interface ScoreFlags extends SessionFlags {
  tags?: string;
  creators?: string;
  regions?: string;
  workspace?: string;
  out?: string;
  format: string;
  preset?: string;
  weights?: string;
  windowDays?: string;
  pages?: string;
  pageSize?: string;
  keepCommercial?: boolean;
  sampling?: 'full' | 'adaptive';
  apiBase?: string;
  now?: string;
  cacheDir?: string;
  cache: boolean;
  offline?: boolean;
  maxAge?: string;
  maxCredits?: string;
  rpm?: string;
  concurrency?: string;
  timeout?: string;
  demo?: boolean;
  json?: boolean;
  skipInvalid?: boolean;
  quiet?: boolean;
  breakLock?: boolean;
}

export function addScoreOptions(cmd: Command): Command {
  cmd
    .option('--tags <file>', 'candidate hashtags CSV (column "tag")')
    .option('--creators <file>', 'target creators CSV (column "unique_id")')
    .option('--regions <file>', 'regions CSV (column "code", ISO-3166 alpha-2)')
    .option(
      '--workspace <dir>',
      'a Tagfit workspace: lists, settings, cache and history (explicit options win)',
    )
    .option('--out <dir>', 'write one report per region into this folder')
    .option(
      '--format <list>',
      'report formats, comma-separated: md (with charts and a summary), csv, html, pdf (the HTML printed by Chrome or Chromium)',
      'md',
    )
    .addOption(presetOption({ workspace: true }))
    .option('--weights <list>', 'custom weights, e.g. velocity=0.4,density=0.3,overlap=0.3,ad=0.05');
  // The scoring and plan options: flag, help, default and range are the scoring registry's.
  addSettingOptions(cmd, SCORING_OPTION_NAMES)
    .option('--api-base <url>', 'TikLiveAPI base URL (a proxy, or the simulator)')
    .option('--now <iso>', 'fix the run clock, e.g. 2026-11-20T00:00:00Z (default: the real clock)')
    .option('--cache-dir <dir>', 'answer cache folder (default: the workspace cache, else none)');
  return addSettingOptions(cmd, ['noCache', 'offline', ...RUN_OPTION_NAMES])
    .option('--demo', 'use the built-in TikLiveAPI simulator and demo lists: no key, no network')
    .option('--json', 'print one JSON document on stdout')
    .addOption(settingOption('skipInvalid'))
    .option('--quiet', 'no progress output')
    .option('--break-lock', "take the workspace although another computer's lock says it is in use");
}

export function registerScoreCommands(program: Command, setCode: (c: number) => void): void {
  addScoreOptions(
    program.command('score').description('score candidate hashtags per region and write reports'),
  ).action(async (flags: ScoreFlags) => setCode(await scoreAction(flags)));
  addScoreOptions(
    program
      .command('estimate')
      .description('estimate the credits a run would spend, from what the cache holds'),
  ).action(async (flags: ScoreFlags) => setCode(await estimateAction(flags)));
}

function parseWeights(text: string): Partial<ScoringSettings['weights']> {
  const names: Record<string, keyof ScoringSettings['weights']> = {
    velocity: 'velocity',
    v: 'velocity',
    density: 'density',
    d: 'density',
    overlap: 'overlap',
    o: 'overlap',
    ad: 'adPenalty',
    adpenalty: 'adPenalty',
  };
  const out: Partial<ScoringSettings['weights']> = {};
  for (const part of text.split(',').filter((p) => p.trim() !== '')) {
    const [k, v] = part.split('=').map((s) => s.trim());
    const name = names[(k ?? '').toLowerCase()];
    const value = Number(v);
    if (!name || v === undefined || v === '' || !Number.isFinite(value) || value < 0) {
      throw new TagfitError(
        'input',
        `--weights: "${part}" is not name=number with name velocity, density, overlap or ad.`,
      );
    }
    out[name] = value;
  }
  return out;
}

export function parseFormats(text: string): ReportFormat[] {
  const formats = text
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const known = (f: string): f is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(f);
  for (const f of formats)
    if (!known(f))
      throw new TagfitError('input', `--format: "${f}" is not one of ${REPORT_FORMATS.join(', ')}.`);
  if (formats.length === 0)
    throw new TagfitError(
      'input',
      `--format needs one or more of ${REPORT_FORMATS.join(', ')}, e.g. md,csv,html.`,
    );
  return [...new Set(formats)] as ReportFormat[];
}

export interface Prepared extends PreparedScoreRun {
  now: Date;
  outDir?: string;
}

/** Turn flags into a run's inputs (src/core/job/prepare-score does the rest); every problem says where. */
export async function prepare(
  flags: ScoreFlags,
  warn: (m: string) => void,
  lock: boolean,
  opts: { offline?: boolean; keys?: boolean } = {},
): Promise<Prepared> {
  const session = sessionRequestFromFlags(flags, { ...opts, warn });
  const workspace = flags.workspace ? await openWorkspace(flags.workspace) : undefined;
  const overrides: SettingsOverrides = {
    ...(flags.weights ? { weights: parseWeights(flags.weights) } : {}),
    ...scoringOverridesFromFlags({ ...flags }),
  };
  const prepared = await prepareScoreRun({
    workspace,
    files: { tags: flags.tags, creators: flags.creators, regions: flags.regions },
    demoDir: flags.demo ? DEMO_DIR : undefined,
    preset: flags.preset as PresetName | undefined,
    overrides,
    session,
    skipInvalid: flags.skipInvalid,
    lock: workspace && lock ? 'cli' : undefined,
    breakLock: flags.breakLock,
    warn,
    notice: flags.quiet ? () => {} : warn,
  });
  return { ...prepared, now: prepared.session.now, outDir: flags.out ?? prepared.reportsDir };
}

/**
 * The score job of prepared flags: what `score` runs, and what `watch` runs when due and `discover` and `pick` run
 * offline (from the samples in the cache, recording nothing, writing no report).
 */
export function runPrepared(
  flags: ScoreFlags,
  prepared: Prepared,
  reporter: ProgressReporter,
  signal: AbortSignal,
  opts: { record?: boolean; reports?: boolean } = {},
): Promise<ScoreJobOutcome> {
  return runScoreJob({
    ...prepared.session,
    candidates: prepared.candidates,
    targets: prepared.targets,
    regions: prepared.regions,
    settings: prepared.settings,
    dataDir: opts.record === false ? undefined : prepared.dataDir,
    velocityThreshold: prepared.velocityThreshold,
    out:
      opts.reports !== false && prepared.outDir
        ? {
            dir: prepared.outDir,
            formats: parseFormats(flags.format),
            branding: prepared.branding,
            pdf: chromiumPdfPrinter(),
          }
        : undefined,
    signal,
    onProgress: (p) => reporter.onProgress(p),
    onWarning: reporter.warn,
  });
}

async function scoreAction(flags: ScoreFlags): Promise<number> {
  const mode = flags.quiet ? 'quiet' : process.stderr.isTTY ? 'bar' : 'lines';
  const reporter = createProgressReporter(mode);
  // Checked whether or not reports will be written: a typo is said before any credit is spent, not never.
  parseFormats(flags.format);
  const prepared = await prepare(flags, reporter.warn, true);
  const { cache, cacheDir } = prepared.session;
  try {
    // Before spending anything, say what the cache will answer and what the network must.
    if (cache && !flags.quiet) writeErr(`${describeEstimate(await estimateScoreRun(prepared))}\n`);
    const outcome = await withStopSignals((signal) => runPrepared(flags, prepared, reporter, signal));
    reporter.stop();
    const { result } = outcome;
    // --quiet: only what explains a failing exit code is printed; what went well is not.
    const info = flags.quiet ? (): void => {} : (text: string): void => void writeErr(text);
    if (flags.json) writeOut(`${JSON.stringify(toJsonDocument(result))}\n`);
    else printSummary(result, process.stdout);
    for (const w of outcome.written) info(`wrote ${w.path}${w.note ? ` (${w.note})` : ''}\n`);
    if (outcome.partial && outcome.written.length > 0)
      info(
        'the run is partial: its reports are named "-partial" and leave a complete report of the day as it is\n',
      );
    if (outcome.reportError)
      writeErr(`tagfit: not every report was written: ${outcome.reportError.message}\n`);
    if (outcome.historyError)
      writeErr(
        `tagfit: the run was not saved to the workspace history (${outcome.historyError.message}); its results are above and in the reports, but next run's momentum will not see it\n`,
      );
    printRunFooter(result, info);
    if (cache && !flags.quiet) {
      const c = await cache.stats();
      info(
        `cache: ${c.entries} answers, ${(c.bytes / 1_048_576).toFixed(1)} MB of ${(c.maxBytes / 1_048_576).toFixed(0)} MB in ${cacheDir}\n`,
      );
    }
    if (result.stopped?.code === 'auth') writeErr(`tagfit: ${result.stopped.message}\n`);
    return result.failed.length > 0 || result.stopped || outcome.reportError || outcome.historyError
      ? EXIT_FAILED
      : EXIT_OK;
  } finally {
    reporter.stop();
    await prepared.release();
  }
}

async function estimateAction(flags: ScoreFlags): Promise<number> {
  const warn = (m: string): void => void writeErr(`warning: ${m}\n`);
  const prepared = await prepare(flags, warn, false, { keys: false });
  try {
    const estimate = await estimateScoreRun(prepared);
    writeOut(flags.json ? `${JSON.stringify(estimate)}\n` : `${describeEstimate(estimate)}\n`);
    return EXIT_OK;
  } finally {
    await prepared.release();
  }
}
