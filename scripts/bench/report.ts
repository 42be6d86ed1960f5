// The benchmark's figures: the bound, the goals, ranking agreement, and the tables for people and the README.
import os from 'node:os';
import type { DatasetTag } from '../../src/core/simulator';
import type { ScenarioResult } from './measure';
import type { Rankings, RescoreOutput } from './parts';
import { CONCURRENCY, LATENCY_MS, REGIONS, describeMix } from './scenario';

const GOALS = { overBound: 0.15, callShare: 0.8, warmMs: 100, rescoreMs: 1_000 };

export interface SideFigures {
  wallMs: number;
  calls: number;
  credits: number;
  rateLimited: number;
  boundMs: number;
  maxRssKb: number;
}

/** The fastest a run can be: the plan's pace or the latency shared by the parallel slots, whichever is slower. */
export const boundMs = (calls: number, rpm: number, concurrency: number): number =>
  Math.max((calls / rpm) * 60_000, (calls * LATENCY_MS) / concurrency);

const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const msText = (ms: number): string => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const mb = (kb: number): string => `${Math.round(kb / 1024)} MB`;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const signedPct = (x: number): string => `${x >= 0 ? '+' : ''}${pct(x)}`;
const mark = (ok: boolean): string => (ok ? 'yes' : 'NO');

export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const ram = Math.round(os.totalmem() / 1024 ** 3);
  return `${os.type()} ${os.release()} ${os.arch()}, ${model}, ${cpus.length} cores, ${ram} GB RAM, Node ${process.version}`;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** Where two rankings differ, one line per difference; empty when identical (same tags, order and scores). */
export function rankingDiffs(reference: Rankings, ours: Rankings): string[] {
  const diffs: string[] = [];
  for (const region of REGIONS) {
    const a = reference[region] ?? [];
    const b = ours[region] ?? [];
    if (a.length !== b.length)
      diffs.push(`${region}: ${a.length} ranked by the reference, ${b.length} by Tagfit`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const [x, y] = [a[i]!, b[i]!];
      if (x.tag !== y.tag || x.score !== y.score)
        diffs.push(`${region} #${i + 1}: reference ${x.tag} ${x.score}, Tagfit ${y.tag} ${y.score}`);
    }
  }
  return diffs;
}

function sides(s: ScenarioResult): { ref: SideFigures; tf: SideFigures } {
  const figures = (
    o: { wallMs: number; maxRssKb: number },
    sim: ScenarioResult['tagfit']['sim'],
    conc: number,
  ) => ({
    wallMs: o.wallMs,
    calls: sim.requests,
    credits: sim.credits,
    rateLimited: sim.rateLimited,
    boundMs: boundMs(sim.requests, s.rpm, conc),
    maxRssKb: o.maxRssKb,
  });
  return {
    ref: figures(s.reference.out, s.reference.sim, 1),
    tf: figures(s.tagfit.out, s.tagfit.sim, CONCURRENCY),
  };
}

interface Verdicts {
  nearBound: boolean;
  fewerCalls: boolean;
  no429: boolean;
  identical: boolean;
}

function verdicts(s: ScenarioResult): Verdicts {
  const { ref, tf } = sides(s);
  return {
    nearBound: tf.wallMs <= tf.boundMs * (1 + GOALS.overBound),
    fewerCalls: tf.calls <= ref.calls * GOALS.callShare,
    no429: tf.rateLimited === 0,
    identical: rankingDiffs(s.reference.out.rankings, s.tagfit.out.rankings).length === 0,
  };
}

/** Columns padded to their widest cell; the first row is the header. */
export function textTable(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: readonly string[][]): string {
  const line = (r: readonly string[]): string => `| ${r.join(' | ')} |`;
  return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

/** Why the call share is what it is: the info calls saved against the posts calls both sides make. */
function callsExplained(s: ScenarioResult): string {
  const info = (sim: ScenarioResult['tagfit']['sim']): number => sim.byEndpoint['/challenge-info-name/'] ?? 0;
  const posts = (sim: ScenarioResult['tagfit']['sim']): number => sim.byEndpoint['/challenge-posts/'] ?? 0;
  const [ri, ti] = [info(s.reference.sim), info(s.tagfit.sim)];
  const [rp, tp] = [posts(s.reference.sim), posts(s.tagfit.sim)];
  const other = s.tagfit.sim.requests - ti - tp;
  // With info saved in all but one region, the share is (T + other + P) / (R·T + P): the more pages, the closer to 1.
  const maxPosts = Math.floor((GOALS.callShare * ri - ti - other) / (1 - GOALS.callShare));
  return [
    `calls by endpoint: reference ${ri} info + ${rp} posts; Tagfit ${ti} info + ${tp} posts + ${other} region list`,
    `  Tagfit saves ${ri - ti} info calls (once per tag, not per region); posts calls are ${tp === rp ? 'the same on both sides' : `${tp} vs ${rp}`}`,
    `  (${(tp / Math.max(1, s.tagfit.out.rankings[REGIONS[0]!]?.length ?? 1)).toFixed(0) === '' ? '' : ''}` +
      `${(rp / (ri || 1)).toFixed(2)} pages per tag and region: the 80% goal holds while posts calls ≤ ${maxPosts})`,
  ].join('\n');
}
