// `tagfit score` and `tagfit estimate`: read the lists, resolve settings, key and cache, run the job, print.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Credits, PresetName, RunResult, ScoringSettings } from '../shared/model';
import { presetOption, scoringOverridesFromFlags, settingOption } from './setting-options';
import { TagfitError } from '../core/errors';
import type { SettingsOverrides } from '../core/engine/presets';
import type { CreditEstimate } from '../core/job/estimate';
import {
  describeEstimate,
  estimateScoreRun,
  prepareScoreRun,
  type PreparedScoreRun,
} from '../core/job/prepare-score';
import { runScoreJob, type ScoreJobOutcome } from '../core/job/score-job';
import { type ReportFormat, REPORT_FORMATS } from '../shared/report-formats';
import { createSystemKeychain } from '../core/secrets/keychain';
import { resolveApiKey } from '../core/secrets/key-policy';
import type { Secret } from '../core/secrets/secret';
import { openWorkspace } from '../core/workspace/layout';
import { EXIT_FAILED, EXIT_OK } from './exit-codes';
import { toJsonDocument } from './json-output';
import { writeErr, writeOut } from './output';
import { createProgressReporter, type ProgressReporter } from './progress';
import { printSummary } from './summary';

export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/demo');

export interface ScoreFlags {
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
}

export function addScoreOptions(cmd: Command): Command {
  return (
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
        'report formats, comma-separated: md (with charts and a summary), csv, html',
        'md',
      )
      .addOption(presetOption({ workspace: true }))
      .option('--weights <list>', 'custom weights, e.g. velocity=0.4,density=0.3,overlap=0.3,ad=0.05')
      // The scoring and plan options: flag, help, default and range are the scoring registry's.
      .addOption(settingOption('windowDays'))
      .addOption(settingOption('pages'))
      .addOption(settingOption('pageSize'))
      .addOption(settingOption('keepCommercial'))
      .addOption(settingOption('sampling'))
      .option('--api-base <url>', 'TikLiveAPI base URL (a proxy, or the simulator)')
      .option('--now <iso>', 'fix the run clock, e.g. 2026-11-20T00:00:00Z (default: the real clock)')
      .option('--cache-dir <dir>', 'answer cache folder (default: the workspace cache, else none)')
      .addOption(settingOption('noCache'))
      .addOption(settingOption('offline'))
      .addOption(settingOption('cacheMaxAgeHours'))
      .addOption(settingOption('maxCredits'))
      .addOption(settingOption('requestsPerMinute'))
      .addOption(settingOption('concurrency'))
      .addOption(settingOption('timeoutSeconds'))
      .option('--demo', 'use the built-in TikLiveAPI simulator and demo lists: no key, no network')
      .option('--json', 'print one JSON document on stdout')
      .addOption(settingOption('skipInvalid'))
      .option('--quiet', 'no progress output')
  );
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

/** A numeric option's value, or a TagfitError('input') that names the option and its range. */
export const num = (
  value: string | undefined,
  name: string,
  { min, max, int }: { min: number; max: number; int?: boolean },
): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n))) {
    throw new TagfitError(
      'input',
      `--${name} must be ${int ? 'a whole number' : 'a number'} from ${min} to ${max} (got "${value}").`,
    );
  }
  return n;
};

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

export function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const d = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(d.getTime())) {
    throw new TagfitError(
      'input',
      `--now must be an ISO date-time such as 2026-11-20T00:00:00Z (got "${text}").`,
    );
  }
  return d;
}

function parseFormats(text: string): ReportFormat[] {
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

export function checkApiBase(apiBase: string | undefined): void {
  if (apiBase === undefined) return;
  let url: URL | undefined;
  try {
    url = /^https?:\/\/[^/\s]+/i.test(apiBase) ? new URL(apiBase) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) {
    throw new TagfitError(
      'input',
      `--api-base must be an http(s) URL such as https://api.tikliveapi.com (got "${apiBase}").`,
    );
  }
  // Credentials in a URL end up in logs and warnings; the API takes its key in a header, never here.
  if (url.username !== '' || url.password !== '') {
    throw new TagfitError(
      'input',
      `--api-base must not carry a user name or password (got "${url.protocol}//***@${url.host}${url.pathname}"); the key goes in TIKLIVE_KEY or the keychain.`,
    );
  }
}

/**
 * Ctrl-C (or SIGTERM) aborts `controller` so the run stops cleanly; a second one ends the process at once.
 * Returns the function that removes the listeners.
 */
export function stopOnSignals(controller: AbortController): () => void {
  // `on`, not `once`: signal-exit (inside proper-lockfile and write-file-atomic) re-raises a signal that it
  // finds no other listener for, so a `once` listener gone mid-emit let one Ctrl-C during a cache write kill
  // the run before its reports. A second signal still ends the process at once.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.kill(process.pid, signal);
      return;
    }
    writeErr('\ntagfit: stopping; what was fetched is kept in the cache…\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** "12 used (/challenge-info-name/ 4, /challenge-posts/ 8)": the credits of a run, per endpoint. */
export function describeCredits(c: Credits): string {
  const by = Object.entries(c.byEndpoint)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  // Error bodies and time-outs are not credits by the API's word, but a request it answered may be billed:
  // the budget counts every request sent, and both figures are said when they differ.
  const sent = c.calls !== c.used ? `; ${c.calls} requests sent, the most TikLiveAPI can bill` : '';
  return `${c.used} used${by ? ` (${by})` : ''}${sent}`;
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
): Promise<Prepared> {
  checkApiBase(flags.apiBase);
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
    maxAgeHours: num(flags.maxAge, 'max-age', { min: 0, max: 24 * 365 }),
    cacheDir: flags.cacheDir,
    readCache: flags.cache,
    offline: flags.offline,
    skipInvalid: flags.skipInvalid,
    lock: workspace && lock ? 'cli' : undefined,
    syncCacheReads: true,
    requestsPerMinute: num(flags.rpm, 'rpm', { min: 1, max: 100_000 }),
    concurrency: num(flags.concurrency, 'concurrency', { min: 1, max: 64, int: true }),
    warn,
    notice: flags.quiet ? () => {} : warn,
  });
  try {
    return {
      ...prepared,
      now: parseNow(flags.now),
      outDir: flags.out ?? prepared.reportsDir,
    };
  } catch (e) {
    await prepared.release();
    throw e;
  }
}

/** The run's key by the one key policy (src/core/secrets/key-policy): TIKLIVE_KEY, else the OS keychain. */
export const resolveKey = (flags: { demo?: boolean; offline?: boolean }): Promise<Secret | undefined> =>
  resolveApiKey({
    demo: flags.demo === true,
    offline: flags.offline === true,
    env: process.env.TIKLIVE_KEY,
    keychain: createSystemKeychain(),
  });

/**
 * The score job of prepared flags: what `score` runs, and what `watch` runs when due and `discover` and `pick` run
 * offline (from the samples in the cache, recording nothing, writing no report).
 */
export async function runPrepared(
  flags: ScoreFlags,
  prepared: Prepared,
  reporter: ProgressReporter,
  signal: AbortSignal,
  opts: { offline?: boolean; record?: boolean; reports?: boolean } = {},
): Promise<ScoreJobOutcome> {
  const timeoutS = num(flags.timeout, 'timeout', { min: 1, max: 600 });
  const offline = opts.offline ?? flags.offline;
  const key = await resolveKey({ ...flags, offline });
  return runScoreJob({
    candidates: prepared.candidates,
    targets: prepared.targets,
    regions: prepared.regions,
    settings: prepared.settings,
    now: prepared.now,
    clockIsFixed: flags.now !== undefined,
    demo: flags.demo === true,
    apiBase: flags.apiBase,
    key,
    requestsPerMinute: prepared.requestsPerMinute,
    concurrency: prepared.concurrency,
    timeoutMs: timeoutS !== undefined ? timeoutS * 1000 : undefined,
    cache: prepared.cache,
    maxAgeMs: prepared.maxAgeMs,
    infoMaxAgeMs: prepared.infoMaxAgeMs,
    offline,
    maxCredits: num(flags.maxCredits, 'max-credits', { min: 0, max: 1e9, int: true }),
    dataDir: opts.record === false ? undefined : prepared.dataDir,
    velocityThreshold: prepared.velocityThreshold,
    out:
      opts.reports !== false && prepared.outDir
        ? { dir: prepared.outDir, formats: parseFormats(flags.format) }
        : undefined,
    signal,
    onProgress: (p) => reporter.onProgress(p),
    onWarning: reporter.warn,
  });
}

async function scoreAction(flags: ScoreFlags): Promise<number> {
  const mode = flags.quiet ? 'quiet' : process.stderr.isTTY ? 'bar' : 'lines';
  const reporter = createProgressReporter(mode);
  const prepared = await prepare(flags, reporter.warn, true);
  // Before spending anything, say what the cache will answer and what the network must.
  if (prepared.cache && !flags.quiet) writeErr(`${describeEstimate(await estimateFor(flags, prepared))}\n`);
  const controller = new AbortController();
  const stopListening = stopOnSignals(controller);
  try {
    const outcome = await runPrepared(flags, prepared, reporter, controller.signal);
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
    if (outcome.reportError) writeErr(`tagfit: reports not written: ${outcome.reportError.message}\n`);
    if (outcome.historyError)
      writeErr(
        `tagfit: the run was not saved to the workspace history (${outcome.historyError.message}); its results are above and in the reports, but next run's momentum will not see it\n`,
      );
    printRunFooter(result, info);
    if (prepared.cache && !flags.quiet) {
      const c = await prepared.cache.stats();
      info(
        `cache: ${c.entries} answers, ${(c.bytes / 1_048_576).toFixed(1)} MB of ${(c.maxBytes / 1_048_576).toFixed(0)} MB in ${prepared.cacheDir}\n`,
      );
    }
    if (result.stopped?.code === 'auth') writeErr(`tagfit: ${result.stopped.message}\n`);
    return result.failed.length > 0 || result.stopped || outcome.reportError || outcome.historyError
      ? EXIT_FAILED
      : EXIT_OK;
  } finally {
    reporter.stop();
    stopListening();
    await prepared.release();
  }
}

function printRunFooter(result: RunResult, info: (text: string) => void): void {
  const c = result.credits;
  info(
    `credits: ${describeCredits(c)}; ${c.saved.byCache} answered by the cache, ${c.saved.byInfoOnce} saved by fetching challenge info once per tag\n`,
  );
  if (result.failed.length > 0)
    writeErr(`${result.failed.length} hashtag-region pairs failed (see "failed")\n`);
  if (result.stopped) {
    writeErr(
      `run stopped (${result.stopped.code}): ${result.stopped.message}; ${result.stopped.unscored.length} pairs left unscored, the next run fetches only those\n`,
    );
  }
}

/** What the cache will answer for this run and what the network must, judged with the run's clock. */
const estimateFor = (flags: ScoreFlags, prepared: Prepared): Promise<CreditEstimate> =>
  estimateScoreRun(prepared, {
    demo: flags.demo === true,
    apiBase: flags.apiBase,
    now: prepared.now,
    clockIsFixed: flags.now !== undefined,
  });

async function estimateAction(flags: ScoreFlags): Promise<number> {
  const warn = (m: string): void => void writeErr(`warning: ${m}\n`);
  const prepared = await prepare(flags, warn, false);
  try {
    const estimate = await estimateFor(flags, prepared);
    writeOut(flags.json ? `${JSON.stringify(estimate)}\n` : `${describeEstimate(estimate)}\n`);
    return EXIT_OK;
  } finally {
    await prepared.release();
  }
}
