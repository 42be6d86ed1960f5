// `tagfit discover`: new candidates and creators from the samples already fetched (no credit), keyword searches and
// profiles when asked (a credit each), and adding the ones the user accepts (src/core/job/discover-job.ts).
import type { Command } from 'commander';
import type { CreatorSuggestion, TagSuggestion } from '../shared/discover';
import { creatorEvidence, tagEvidence } from '../shared/discover';
import {
  acceptSuggestions,
  type Profile,
  runSearchJob,
  searchCalls,
  suggestionsOf,
} from '../core/job/discover-job';
import { TagfitError } from '../core/errors';
import { parseUsername } from '../core/input/csv-lists';
import { openWorkspace } from '../core/workspace/layout';
import { EXIT_OK } from './exit-codes';
import { safeWrite, writeErr, writeOut } from './output';
import { samplesInHand } from './samples-in-hand';
import { addScoreOptions, type ScoreFlags } from './score-command';
import { requireWorkspaceFlag, sessionFromFlags } from './session-flags';
import { withStopSignals } from './signals';
import { describeCredits } from './summary';

interface DiscoverFlags extends ScoreFlags {
  accept: string[];
  acceptCreator: string[];
  search?: string;
  searchCreators?: string;
  profile: string[];
}

interface Searched {
  tags: string[];
  creators: string[];
  profiles: Profile[];
  credits?: string;
}

const repeat = (v: string, all: string[]): string[] => [...all, v];

export function registerDiscoverCommand(program: Command, setCode: (c: number) => void): void {
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
}

async function discoverAction(flags: DiscoverFlags): Promise<number> {
  const dir = requireWorkspaceFlag(flags, 'discover');
  const { prepared, outcome } = await samplesInHand(flags);
  const suggestions = suggestionsOf(outcome, prepared.candidates, prepared.targets);
  const profiles = flags.profile.map((raw) => {
    const u = parseUsername(raw);
    if (!u.ok) throw new TagfitError('input', `--profile "${raw}" is not a TikTok username: ${u.reason}.`);
    return u.value;
  });
  const ws = await openWorkspace(dir);
  let searched: Searched = { tags: [], creators: [], profiles: [] };
  const ask = { search: flags.search, searchCreators: flags.searchCreators, profiles };
  const calls = searchCalls(ask);
  if (calls > 0) {
    if (!flags.quiet)
      writeErr(`estimate: at most ${calls} credit${calls === 1 ? '' : 's'} for the searches and profiles\n`);
    const session = await sessionFromFlags(flags, { workspace: ws });
    const found = await withStopSignals((signal) =>
      runSearchJob({
        session,
        ...ask,
        candidates: prepared.candidates,
        targets: prepared.targets,
        signal,
      }),
    );
    searched = { ...found, credits: describeCredits(found.credits) };
  }
  const accepted = await acceptSuggestions(
    ws,
    prepared,
    { tags: flags.accept, creators: flags.acceptCreator },
    { tags: '--accept', creators: '--accept-creator' },
  );
  if (flags.json) writeOut(`${JSON.stringify({ suggestions, searched, accepted })}\n`);
  else printSuggestions(suggestions, searched, accepted);
  if (!flags.quiet) writeErr(`credits: ${searched.credits ?? '0 (from the samples in the cache)'}\n`);
  return EXIT_OK;
}

function printSuggestions(
  s: { tags: TagSuggestion[]; creators: CreatorSuggestion[] },
  searched: Searched,
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
