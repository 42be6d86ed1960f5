// `tagfit pick`: per region, a set of k tags to post with, from the samples already fetched (no credit).
import type { Command } from 'commander';
import { picksOf } from '../core/job/discover-job';
import { loadSampledEquivalents } from '../core/localize/store';
import { EXIT_OK } from './exit-codes';
import { safeWrite, writeErr, writeOut } from './output';
import { samplesInHand } from './samples-in-hand';
import { addScoreOptions, type ScoreFlags } from './score-command';
import { num, requireWorkspaceFlag } from './session-flags';

interface PickFlags extends ScoreFlags {
  k?: string;
}

export function registerPickCommand(program: Command, setCode: (c: number) => void): void {
  addScoreOptions(
    program
      .command('pick')
      .description(
        'per region, a set of k tags to post with: high scores that reach different posts (no credit)',
      )
      .option('--k <n>', 'tags in the set (default 5)'),
  ).action(async (flags: PickFlags) => setCode(await pickAction(flags)));
}

async function pickAction(flags: PickFlags): Promise<number> {
  requireWorkspaceFlag(flags, 'pick');
  const k = num(flags.k, 'k', { min: 1, max: 30, int: true }) ?? 5;
  const { prepared, outcome } = await samplesInHand(flags);
  const localised = await loadSampledEquivalents(prepared.dataDir, (m) => writeErr(`warning: ${m}\n`));
  const picks = picksOf(outcome, k, localised);
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
