// `tagfit localize`: each candidate's local-language variants per region from the samples already fetched (no
// credit) and the workspace's variants.csv; with --sample, each variant fetched and scored beside the candidate.
import type { Command } from 'commander';
import {
  type EquivalentEvidence,
  equivalentEvidence,
  equivalentJson,
  localiseAdvice,
} from '../shared/localize';
import { parseHashtag } from '../shared/hashtag';
import { plural } from '../shared/number-format';
import { TagfitError } from '../core/errors';
import { localizeFromSamples, type LocalizeReport } from '../core/localize/localize-job';
import { estimateVariantSampling, sampleEquivalents } from '../core/localize/sample';
import { saveSampledEquivalents } from '../core/localize/store';
import { EXIT_FAILED, EXIT_OK } from './exit-codes';
import { safeWrite, writeErr, writeOut } from './output';
import { samplesInHand } from './samples-in-hand';
import { addScoreOptions, prepare, type ScoreFlags } from './score-command';
import { requireWorkspaceFlag } from './session-flags';
import { withStopSignals } from './signals';
import { describeCredits } from './summary';

interface LocalizeFlags extends ScoreFlags {
  sample?: boolean;
}

export function registerLocalizeCommand(program: Command, setCode: (c: number) => void): void {
  const cmd = addScoreOptions(
    program
      .command('localize')
      .description(
        "each candidate's local-language variants per region, from the posts already sampled (no credit) and the workspace's variants.csv; --sample scores each variant beside its candidate",
      )
      .option(
        '--sample',
        "fetch each variant in its region and score it with that region's candidates (estimate first; --max-credits holds)",
      ),
  );
  // Here --tags and --regions narrow what is shown (comma-separated); the lists are the workspace's.
  for (const o of cmd.options) {
    if (o.long === '--tags')
      o.description = 'only these candidates, comma-separated (default: every candidate)';
    if (o.long === '--regions')
      o.description = 'only these regions, comma-separated, e.g. DE,FR (default: every region)';
  }
  cmd.action(async (flags: LocalizeFlags) => setCode(await localizeAction(flags)));
}

function listFlag(text: string | undefined, flag: string, item: (s: string) => string): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0)
    throw new TagfitError('input', `${flag} needs one or more values, comma-separated.`);
  return [...new Set(items.map(item))];
}

const tagItem = (raw: string): string => {
  const t = parseHashtag(raw);
  if (!t.ok) throw new TagfitError('input', `--tags: "${raw}" is not a hashtag: ${t.reason}.`);
  return t.value;
};

const regionItem = (raw: string): string => {
  const r = raw.toUpperCase();
  if (!/^[A-Z]{2}$/.test(r))
    throw new TagfitError('input', `--regions: "${raw}" is not a region code (two letters, e.g. DE).`);
  return r;
};

async function localizeAction(flags: LocalizeFlags): Promise<number> {
  const dir = requireWorkspaceFlag(flags, 'localize');
  const tags = listFlag(flags.tags, '--tags', tagItem);
  const only = listFlag(flags.regions, '--regions', regionItem);
  const lists: LocalizeFlags = { ...flags, tags: undefined, regions: undefined };
  const warn = (m: string): void => void writeErr(`warning: ${m}\n`);
  const { prepared, outcome } = await samplesInHand(lists);
  let report: LocalizeReport = await localizeFromSamples({
    run: outcome,
    candidates: prepared.candidates,
    regions: prepared.regions,
    workspaceDir: dir,
    dataDir: prepared.dataDir,
    tags,
    only,
    warn,
  });
  let credits = '0 (from the samples in the cache)';
  let code = EXIT_OK;
  if (flags.sample && report.equivalents.length > 0) {
    const online = await prepare(lists, warn, true);
    try {
      const est = await estimateVariantSampling(online, outcome, report.equivalents);
      if (!flags.quiet)
        writeErr(
          `estimate: ${plural(est.pairs, 'variant-region pair')} to fetch, ${plural(est.fromCache, 'answer')} from the cache, ${est.min === est.max ? est.max : `${est.min}-${est.max}`} credits to spend\n`,
        );
      const sampled = await withStopSignals((signal) =>
        sampleEquivalents(online, outcome, report.equivalents, { signal, onWarning: warn }),
      );
      report = { ...report, equivalents: sampled.equivalents };
      if (online.dataDir)
        await saveSampledEquivalents(online.dataDir, sampled.equivalents, online.session.now);
      credits = describeCredits(sampled.credits);
      if (sampled.stopped) {
        writeErr(`tagfit: sampling stopped: ${sampled.stopped.message}\n`);
        code = EXIT_FAILED;
      }
    } finally {
      await online.release();
    }
  }
  if (flags.json)
    writeOut(
      `${JSON.stringify({ equivalents: report.equivalents.map(equivalentJson), tested: report.tested, fdr: report.fdr })}\n`,
    );
  else printTables(report);
  if (!flags.quiet) writeErr(`credits: ${credits}\n`);
  return code;
}

const score = (x: number | null): string => (x === null ? '–' : x.toFixed(2));

/** A table per candidate: region, variant, where it came from, both scores, and the evidence in words. */
function printTables(report: LocalizeReport): void {
  const out = process.stdout;
  if (report.equivalents.length === 0) {
    safeWrite(
      out,
      `No local variant found (${report.tested} pairs tested at a ${Math.round(report.fdr * 100)} % false discovery rate), and none declared in variants.csv.\n`,
    );
    return;
  }
  const byTag = new Map<string, EquivalentEvidence[]>();
  for (const e of report.equivalents) byTag.set(e.tag, [...(byTag.get(e.tag) ?? []), e]);
  for (const [tag, list] of byTag) {
    safeWrite(out, `#${tag}\n`);
    const rows = list.map((e) => [e.region, `#${e.equivalent}`, e.source, score(e.score), score(e.tagScore)]);
    const head = ['Region', 'Variant', 'Source', 'Score', `#${tag}`];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]): string =>
      `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
    safeWrite(out, `${line(head)}\n`);
    for (const [i, e] of list.entries()) {
      safeWrite(out, `${line(rows[i]!)}\n`);
      safeWrite(
        out,
        `    ${localiseAdvice(e) ?? e.note ?? 'not sampled yet: --sample scores it beside the candidate'}\n`,
      );
      safeWrite(out, `    ${equivalentEvidence(e)}\n`);
    }
    safeWrite(out, '\n');
  }
}
