// `tagfit plan`: what to post with, where and when: per region the best time to post (or none, said plainly) and K
// slots a week with rotated tag sets, from the samples already fetched (no credit), written as iCalendar and CSV.
import type { Command } from 'commander';
import { parsePlanFormats, planOf, writePlan } from '../core/job/plan-job';
import type { ContentPlan } from '../shared/plan';
import { PLAN_LIMITS } from '../shared/ipc/plan';
import { loadSampledEquivalents } from '../core/localize/store';
import { EXIT_OK } from './exit-codes';
import { safeWrite, writeErr, writeOut } from './output';
import { samplesInHand } from './samples-in-hand';
import { addScoreOptions, type ScoreFlags } from './score-command';
import { num, requireWorkspaceFlag } from './session-flags';

interface PlanFlags extends ScoreFlags {
  weeks?: string;
  perWeek?: string;
  from?: string;
  k?: string;
}

export function registerPlanCommand(program: Command, setCode: (c: number) => void): void {
  const cmd = addScoreOptions(
    program
      .command('plan')
      .description(
        'a content calendar per region: the best time to post (only where it beats chance) and K slots a week with tag sets, as iCalendar and CSV (no credit)',
      )
      .option('--weeks <n>', `weeks to plan (default ${PLAN_LIMITS.weeks.default})`)
      .option('--per-week <n>', `posts a week per region (default ${PLAN_LIMITS.perWeek.default})`)
      .option('--from <date>', 'first day of the plan, YYYY-MM-DD (default: tomorrow)')
      .option('--k <n>', 'tags in each set (default 5)'),
  );
  // The plan writes its own formats: --format and --out keep their names with the plan's meaning.
  for (const o of cmd.options) {
    if (o.long === '--format') {
      o.defaultValue = 'ics,csv';
      o.description = 'plan files, comma-separated: ics (iCalendar), csv';
      cmd.setOptionValueWithSource('format', 'ics,csv', 'default');
    }
    if (o.long === '--out')
      o.description = "write the plan's files into this folder (default: the workspace's reports)";
  }
  cmd.action(async (flags: PlanFlags) => setCode(await planAction(flags)));
}

async function planAction(flags: PlanFlags): Promise<number> {
  requireWorkspaceFlag(flags, 'plan');
  const weeks = num(flags.weeks, 'weeks', PLAN_LIMITS.weeks) ?? PLAN_LIMITS.weeks.default;
  const perWeek = num(flags.perWeek, 'per-week', PLAN_LIMITS.perWeek) ?? PLAN_LIMITS.perWeek.default;
  const setSize = num(flags.k, 'k', { min: 1, max: 15, int: true }) ?? 5;
  const formats = parsePlanFormats(flags.format);
  const { prepared, outcome } = await samplesInHand(flags);
  const plan = planOf({
    run: outcome,
    weeks,
    perWeek,
    from: flags.from,
    setSize,
    now: prepared.now.getTime(),
    localised: await loadSampledEquivalents(prepared.dataDir, (m) => writeErr(`warning: ${m}\n`)),
  });
  const dir = prepared.outDir;
  const written = dir && formats.length > 0 ? await writePlan(dir, plan, formats, prepared.now) : [];
  if (flags.json) writeOut(`${JSON.stringify({ ...plan, files: written.map((w) => w.path) })}\n`);
  else printPlan(plan);
  for (const k of plan.skipped) writeErr(`warning: ${k.region} left out of the plan: ${k.reason}\n`);
  if (!flags.quiet) {
    for (const w of written) writeErr(`wrote ${w.path}${w.note ? ` (${w.note})` : ''}\n`);
    writeErr('credits: 0 (from the samples in the cache)\n');
  }
  return EXIT_OK;
}

function printPlan(plan: ContentPlan): void {
  const out = process.stdout;
  for (const [region, r] of Object.entries(plan.regions)) {
    safeWrite(out, `${region} (${r.timeZone}): ${r.evidence.verdict}\n`);
    if (r.evidence.leftOutYoung > 0)
      safeWrite(
        out,
        `  ${r.evidence.leftOutYoung} posts younger than a day left out: their likes are not final\n`,
      );
    for (const s of r.slots)
      safeWrite(out, `  ${s.date} ${s.time}  ${s.tags.map((t) => `#${t}`).join(' ') || '(no tag set)'}\n`);
  }
}
