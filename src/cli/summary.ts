// The human summary printed on stdout without --json (the top of each region's ranking), and the credits and
// stop footer on stderr.
import type { Credits, RunResult } from '../shared/model';
import { describeUnscored } from '../core/job/run-end';
import { safeWrite, writeErr } from './output';

const TOP = 10;

export function printSummary(result: RunResult, out: NodeJS.WritableStream): void {
  safeWrite(out, `Tagfit ${result.preset} ranking at ${result.now}\n`);
  for (const [code, r] of Object.entries(result.regions)) {
    safeWrite(out, `\n${code}: ${r.ranked.length} ranked, ${r.excluded.length} excluded\n`);
    safeWrite(
      out,
      `  ${'#'.padEnd(3)} ${'tag'.padEnd(28)} ${'score'.padStart(6)} ${'vel'.padStart(5)} ${'density'.padStart(9)} ${'overlap'.padStart(7)} ${'n'.padStart(4)}  flags\n`,
    );
    for (const t of r.ranked.slice(0, TOP)) {
      const name = `#${t.tag}`.replace(/\s+/g, ' ');
      safeWrite(
        out,
        `  ${String(t.rank).padEnd(3)} ${(name.length > 28 ? `${name.slice(0, 27)}…` : name).padEnd(28)} ${t.score.toFixed(2).padStart(6)} ${t.velocity.toFixed(2).padStart(5)} ${Math.trunc(t.density).toString().padStart(9)} ${t.overlap.toFixed(2).padStart(7)} ${String(t.sample).padStart(4)}  ${t.flags.map((f) => f.kind).join(', ')}\n`,
      );
    }
    if (r.ranked.length > TOP) safeWrite(out, `  … ${r.ranked.length - TOP} more in the report\n`);
    for (const e of r.excluded) safeWrite(out, `  excluded #${e.tag}: ${e.reason}\n`);
  }
  for (const f of result.failed) safeWrite(out, `failed #${f.tag} ${f.region}: ${f.error}\n`);
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

/** The credits a run spent and saved, what failed, and why it stopped, if it did. */
export function printRunFooter(result: RunResult, info: (text: string) => void): void {
  const c = result.credits;
  info(
    `credits: ${describeCredits(c)}; ${c.saved.byCache} answered by the cache, ${c.saved.byInfoOnce} saved by fetching challenge info once per tag\n`,
  );
  if (result.failed.length > 0)
    writeErr(`${result.failed.length} hashtag-region pairs failed (see "failed")\n`);
  if (result.stopped) {
    writeErr(
      `run stopped (${result.stopped.code}): ${result.stopped.message}; ${describeUnscored(result.stopped)}\n`,
    );
  }
}
