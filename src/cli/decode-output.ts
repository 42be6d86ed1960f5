// What `tagfit decode` and `tagfit creator-fit` print: the JSON document, or a table per competitor and the
// creators ranked by fit.
import type { CompetitorDecode, CreatorFitResult, DecodeResult } from '../shared/decode';
import type { Credits } from '../shared/model';
import type { FailedCreator } from '../shared/decode';
import { toJsonDocument } from './json-output';
import { safeWrite, writeErr } from './output';
import { describeCredits } from './summary';

export function printCreditsAndFailures(credits: Credits, failed: readonly FailedCreator[]): void {
  writeErr(`credits: ${describeCredits(credits)}\n`);
  if (failed.length > 0) writeErr(`${failed.length} failed (see "failed")\n`);
}

export function decodeJson(result: DecodeResult, settings: unknown, posts: number) {
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

export function printDecode(result: DecodeResult): void {
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

export function printCreatorFit(result: CreatorFitResult): void {
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
