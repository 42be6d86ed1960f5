// The benchmark's figures: the bound, the goals, ranking agreement, and the tables for people and the README.
import os from 'node:os';
import type { DatasetTag } from '../../src/core/simulator';
import type { ScenarioResult } from './measure';
import type { Rankings, RescoreOutput } from './parts';
import { CONCURRENCY, LATENCY_MS, NOW, REGIONS, TARGETS, describeMix } from './scenario';

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

type Sim = ScenarioResult['tagfit']['sim'];
const endpointCalls = (sim: Sim, endpoint: string): number => sim.byEndpoint[endpoint] ?? 0;

/** Why the call share is what it is: the info calls saved against the posts calls both sides make. */
function callsExplained(s: ScenarioResult): string[] {
  const [ri, ti] = [s.reference.sim, s.tagfit.sim].map((sim) => endpointCalls(sim, '/challenge-info-name/'));
  const [rp, tp] = [s.reference.sim, s.tagfit.sim].map((sim) => endpointCalls(sim, '/challenge-posts/'));
  const other = s.tagfit.sim.requests - ti! - tp!;
  // Tagfit spends T + other + P against the reference's R·T + P: the more pages per tag, the closer to 1.
  const postsForGoal = Math.floor((GOALS.callShare * ri! - ti! - other) / (1 - GOALS.callShare));
  return [
    `calls by endpoint: reference ${ri} info + ${rp} posts; Tagfit ${ti} info + ${tp} posts + ${other} region list`,
    `Tagfit saves ${ri! - ti!} info calls (once per tag, not once per tag and region); posts calls: ${tp === rp ? 'the same on both sides' : `${tp} vs ${rp}`}, ${(rp! / ri!).toFixed(2)} pages per tag and region`,
    `the 80% goal holds while posts calls stay at or under ${postsForGoal} for these ${s.tags} tags (full 3-page samples everywhere would be ${s.tags * REGIONS.length * 3})`,
  ];
}

function scenarioRows(s: ScenarioResult): string[][] {
  const { ref, tf } = sides(s);
  const row = (name: string, f: SideFigures): string[] => [
    name,
    sec(f.wallMs),
    String(f.calls),
    String(f.credits),
    String(f.rateLimited),
    sec(f.boundMs),
    signedPct(f.wallMs / f.boundMs - 1),
    mb(f.maxRssKb),
  ];
  return [
    ['', 'wall', 'calls', 'credits', '429s', 'bound', 'vs bound', 'peak RSS'],
    row('reference (sequential)', ref),
    row(`Tagfit (concurrency ${CONCURRENCY})`, tf),
  ];
}

export function scenarioSection(s: ScenarioResult): string {
  const { ref, tf } = sides(s);
  const v = verdicts(s);
  const diffs = rankingDiffs(s.reference.out.rankings, s.tagfit.out.rankings);
  const own = s.tagfit.out.credits;
  return [
    `== ${s.rpm} calls/min plan: ${s.tags} tags × ${REGIONS.length} regions (${REGIONS.join(', ')}), latency ${LATENCY_MS} ms ==`,
    textTable(scenarioRows(s)),
    `ratio: Tagfit is ${(ref.wallMs / tf.wallMs).toFixed(2)}× faster and makes ${pct(tf.calls / ref.calls)} of the reference's calls`,
    `Tagfit's own count: ${own.calls} calls, ${own.used} credits, ${own.retries} retries, ${own.rateLimited} × 429, ${s.tagfit.out.failed} failed`,
    ...callsExplained(s),
    `seed rankings: ${diffs.length === 0 ? 'identical (every region: same tags, order and scores)' : `${diffs.length} differences`}`,
    ...diffs.slice(0, 20).map((d) => `  ${d}`),
    `goals: within ${pct(GOALS.overBound)} of the bound ${mark(v.nearBound)}; ≤ ${pct(GOALS.callShare)} of the calls ${mark(v.fewerCalls)}; no 429 ${mark(v.no429)}; identical rankings ${mark(v.identical)}`,
  ].join('\n');
}

export function warmSection(s: ScenarioResult): string {
  const w = s.warm!;
  const ok = w.out.wallMs < GOALS.warmMs && w.sim.requests === 0 && w.out.failed === 0;
  return [
    `== warm re-score: ${s.tags} tags × ${REGIONS.length} regions from the cache (offline), new weights (${w.out.weights}) ==`,
    `time ${msText(w.out.wallMs)} in a fresh process (of which scoring ${msText(w.out.scoreMs)}; the rest is reading and validating the cached answers), ${msText(w.out.againMs)} for the next re-score in the same process; simulator calls ${w.sim.requests}, answers from the cache ${w.out.fromCache}, ${w.out.ranked} rows ranked, ${w.out.failed} failed, peak RSS ${mb(w.out.maxRssKb)}`,
    `goal: under ${GOALS.warmMs} ms and 0 calls ${mark(ok)}`,
  ].join('\n');
}

const slowest = (r: RescoreOutput): number => Math.max(...r.byPreset.map((p) => p.ms));

export function rescoreSection(r: RescoreOutput): string {
  return [
    `== re-score in memory: ${r.tags} tags × ${REGIONS.length} regions × 90 posts (${r.posts} synthetic posts) ==`,
    r.byPreset.map((p) => `${p.preset} ${msText(p.ms)}`).join(', ') + ` (scoreRun only, not the generation)`,
    `peak RSS ${mb(r.maxRssKb)} (the samples held in memory plus the scoring)`,
    `goal: under ${sec(GOALS.rescoreMs)} ${mark(slowest(r) < GOALS.rescoreMs)}`,
  ].join('\n');
}

export function header(candidates: readonly DatasetTag[], quick: boolean): string {
  return [
    `Tagfit benchmark${quick ? ' (--quick)' : ''}, ${today()}`,
    `machine: ${machine()}`,
    `candidates: ${candidates.length} tags from the simulator's demo world (${describeMix(candidates)}); every non-edge tag with posts in ${REGIONS.join(', ')}, in dataset order`,
    `target creators: the demo world's ${TARGETS.length}; clock ${NOW.toISOString()}; simulator latency ${LATENCY_MS} ms, a fresh simulator per run`,
    `Tagfit: the seed preset as the CLI runs it (runScoreJob, file cache, concurrency ${CONCURRENCY}, paced at the plan)`,
  ].join('\n');
}

/** The README's table: one row per figure, reference and Tagfit side by side, the goal and whether it is met. */
export function readmeTable(scenarios: readonly ScenarioResult[], rescore: RescoreOutput): string {
  const rows: string[][] = [['measure', 'reference port', 'Tagfit', 'goal', 'met']];
  for (const s of scenarios) {
    const { ref, tf } = sides(s);
    const v = verdicts(s);
    const at = `${s.rpm}/min`;
    rows.push(
      [
        `${at}: wall time`,
        sec(ref.wallMs),
        `${sec(tf.wallMs)} (bound ${sec(tf.boundMs)}, ${signedPct(tf.wallMs / tf.boundMs - 1)})`,
        `≤ bound + ${pct(GOALS.overBound)}`,
        mark(v.nearBound),
      ],
      [
        `${at}: calls (credits)`,
        `${ref.calls} (${ref.credits})`,
        `${tf.calls} (${tf.credits}), ${pct(tf.calls / ref.calls)}`,
        `≤ ${pct(GOALS.callShare)} of the reference`,
        mark(v.fewerCalls),
      ],
      [`${at}: HTTP 429`, String(ref.rateLimited), String(tf.rateLimited), '0', mark(v.no429)],
      [`${at}: seed rankings`, '', v.identical ? 'identical' : 'differ', 'identical', mark(v.identical)],
    );
  }
  const first = scenarios[0]!;
  if (first.warm) {
    const w = first.warm;
    rows.push([
      `warm re-score ${first.tags} × ${REGIONS.length}, new weights`,
      '',
      `${msText(w.out.wallMs)} (fresh process), ${msText(w.out.againMs)} (again), ${w.sim.requests} calls`,
      `< ${GOALS.warmMs} ms, 0 calls`,
      mark(w.out.wallMs < GOALS.warmMs && w.sim.requests === 0),
    ]);
  }
  rows.push(
    [
      `re-score ${rescore.tags.toLocaleString('en')} × ${REGIONS.length} × 90 posts (slowest preset)`,
      '',
      msText(slowest(rescore)),
      `< ${sec(GOALS.rescoreMs)}`,
      mark(slowest(rescore) < GOALS.rescoreMs),
    ],
    [
      `peak RSS, ${first.tags} × ${REGIONS.length} run at ${first.rpm}/min`,
      mb(sides(first).ref.maxRssKb),
      mb(sides(first).tf.maxRssKb),
      '',
      '',
    ],
    [`peak RSS, ${rescore.tags.toLocaleString('en')}-tag re-score`, '', mb(rescore.maxRssKb), '', ''],
  );
  return [
    `Measured ${today()} on ${machine()}; simulator latency ${LATENCY_MS} ms, ${first.tags} tags × ${REGIONS.length} regions.`,
    '',
    markdownTable(rows),
  ].join('\n');
}
