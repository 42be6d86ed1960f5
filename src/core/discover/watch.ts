// The watchlist: when a run is due, and which alerts a run raises against the previous one. A period is a day or a
// week starting at the schedule's day and hour (local time); a run is due when no run is recorded since the current
// period began, so a second call in the same period does nothing and a missed week is made up once, not twice.
import type { RegionCode, RunResult, ScoredTag } from '../../shared/model';
import { tagEvidence, type TagSuggestion, type WatchAlert } from '../../shared/discover';
import { comparability } from '../engine/comparable';
import { VELOCITY_BASELINE_RUNS, velocityAlert } from './velocity-alert';
import { WEEKDAYS, type WorkspaceSettings } from '../../shared/workspace-settings';
import type { StoredRun } from '../workspace/history';

export type WatchSchedule = WorkspaceSettings['watch'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The start of the period `now` falls in (local time). */
export function periodStart(now: Date, s: WatchSchedule): Date {
  const start = new Date(now);
  start.setHours(s.hour, 0, 0, 0);
  if (s.every === 'day') {
    if (start > now) start.setDate(start.getDate() - 1);
    return start;
  }
  const back = (start.getDay() - WEEKDAYS.indexOf(s.day) + 7) % 7;
  start.setDate(start.getDate() - back);
  if (start > now) start.setDate(start.getDate() - 7);
  return start;
}

export function nextStart(now: Date, s: WatchSchedule): Date {
  const start = periodStart(now, s);
  const next = new Date(start);
  next.setDate(next.getDate() + (s.every === 'day' ? 1 : 7));
  return next;
}

export interface Due {
  due: boolean;
  /** Where this period began, and when the next begins. */
  since: string;
  next: string;
  /** The last recorded run, if any. */
  lastRun?: string;
  /** In words: why it is or is not due. */
  why: string;
}

export function isDue(now: Date, s: WatchSchedule, lastRunAt: string | undefined): Due {
  const since = periodStart(now, s);
  const next = nextStart(now, s);
  const base = {
    since: since.toISOString(),
    next: next.toISOString(),
    ...(lastRunAt ? { lastRun: lastRunAt } : {}),
  };
  if (lastRunAt === undefined) return { ...base, due: true, why: 'no run is recorded yet' };
  const last = new Date(lastRunAt);
  if (last >= since)
    return {
      ...base,
      due: false,
      why: `not due: this period began ${since.toISOString()} and the run of ${lastRunAt} is in it; the next is due at ${next.toISOString()}`,
    };
  const missed = Math.floor((since.getTime() - last.getTime()) / (s.every === 'day' ? DAY : 7 * DAY));
  return {
    ...base,
    due: true,
    why:
      missed >= 1
        ? `due: the last run (${lastRunAt}) is ${missed + 1} periods back; one run makes up for them`
        : `due: this period began ${since.toISOString()}, after the last run (${lastRunAt})`,
  };
}

const f2 = (x: number): string => x.toFixed(2);

/**
 * A score or rank move needs the score change to stand out from the run's own interval: the interval's half-width,
 * as a standard error of each run's score, makes the difference's error √2 times it; |change| / that ≥ this.
 */
export const SCORE_ALERT_Z = 3.5;
const Z90 = 1.6449;

/** A score's standard error from its 90 % interval; undefined without one. */
function scoreSe(t: ScoredTag): number | undefined {
  const c = t.confidence;
  if (!c || c.low === null || c.high === null || !(c.high > c.low)) return undefined;
  return (c.high - c.low) / (2 * Z90);
}

/**
 * The score change's z, from the row's interval; at least the region's median error, because min-max scores move
 * with the list's best and worst tags too (null when the row has no interval).
 */
function scoreChangeZ(change: number, t: ScoredTag, floor: number): number | null {
  const se = scoreSe(t);
  return se === undefined ? null : change / (Math.SQRT2 * Math.max(se, floor));
}

const medianOf = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

/**
 * The alerts of a run against the one before it (its momentum, already computed) under the rules; and of the new
 * suggestions against the ones the previous watch run saw. Alerts test the change, not a point crossing: a velocity
 * crossing must also be a significant change from the level of the last comparable runs (velocity-alert.ts), a
 * score or rank move a significant score change, and a flag must hold in two runs in a row. `earlier` is the runs
 * before the previous one, newest first (or just the one before it): the velocity level pools the comparable ones,
 * and a flag is new against the first. Runs that measured differently raise no movement alert, only one that says
 * why they are not comparable.
 */
export function alertsFor(
  current: RunResult,
  previous: StoredRun | undefined,
  rules: WatchSchedule['rules'],
  velocityThreshold: number,
  suggestions: readonly TagSuggestion[] = [],
  knownSuggestions: ReadonlySet<string> = new Set(),
  earlier?: StoredRun | readonly StoredRun[],
): WatchAlert[] {
  const alerts: WatchAlert[] = [];
  const add = (a: Omit<WatchAlert, 'message'>, message: string): void => void alerts.push({ ...a, message });
  const cmp = previous ? comparability(previous, current) : undefined;
  // Runs that differ only in their candidates are compared over the tags both ranked (momentum re-normalised them).
  if (previous && cmp && !cmp.comparable && !cmp.onlyCandidates) {
    const region = Object.keys(current.regions)[0] ?? '';
    add(
      { rule: 'not-comparable', tag: '', region, before: previous.now, after: current.now },
      `No movement alert: the last two runs are ${cmp.why}.`,
    );
  } else if (previous) {
    const older = earlier === undefined ? [] : 'regions' in earlier ? [earlier] : earlier;
    const first = older[0];
    const flagBase = first !== undefined && comparability(first, previous).comparable ? first : undefined;
    // The runs whose posts the velocity level pools: older than the previous run and measured like it, back to the
    // first that was not (a change of settings starts the level afresh).
    const baseline: StoredRun[] = [];
    for (const run of older) {
      if (baseline.length >= VELOCITY_BASELINE_RUNS - 1) break;
      if (Date.parse(run.now) >= Date.parse(previous.now)) continue;
      if (!comparability(run, previous).comparable) break;
      baseline.push(run);
    }
    for (const [region, r] of Object.entries(current.regions) as [
      RegionCode,
      RunResult['regions'][string],
    ][]) {
      const before = new Map((previous.regions[region]?.ranked ?? []).map((t) => [t.candidate, t]));
      const beforeThat = new Map((flagBase?.regions[region]?.ranked ?? []).map((t) => [t.candidate, t]));
      const earlierRows = baseline.map(
        (run) => new Map((run.regions[region]?.ranked ?? []).map((t) => [t.candidate, t])),
      );
      const floor = medianOf(r.ranked.map(scoreSe).filter((x): x is number => x !== undefined));
      for (const t of r.ranked) {
        const h = t.history;
        const was = before.get(t.candidate);
        if (!h || !was) continue;
        const readings = [was, ...earlierRows.flatMap((m) => m.get(t.candidate) ?? [])];
        const v = rules.velocityThreshold ? velocityAlert(readings, t, velocityThreshold) : null;
        if (v)
          add(
            { rule: 'velocity-threshold', tag: t.tag, region, before: was.velocity, after: t.velocity },
            `#${t.tag} in ${region}: velocity ${v.crossed} ${f2(velocityThreshold)}, from ${f2(v.level.velocity)} (${v.level.sample} posts${v.runs > 1 ? ` over the last ${v.runs} runs` : ''}) to ${f2(t.velocity)} (${t.sample} posts)`,
          );
        // The momentum's changes: between runs with other candidates, over the tags both ranked.
        const scoreChange = h.scoreChange ?? 0;
        const rankChange = h.rankChange ?? 0;
        const zs = h.scoreChange === null ? null : scoreChangeZ(scoreChange, t, floor);
        const real = zs !== null && Math.abs(zs) >= SCORE_ALERT_Z;
        const over = h.comparedOver ? ' (over the tags both runs ranked)' : '';
        if (
          rules.rankMove > 0 &&
          real &&
          Math.abs(rankChange) >= rules.rankMove &&
          Math.sign(rankChange) === Math.sign(scoreChange)
        )
          add(
            { rule: 'rank-move', tag: t.tag, region, before: was.rank, after: t.rank },
            `#${t.tag} in ${region}: ${rankChange > 0 ? 'up' : 'down'} ${Math.abs(rankChange)} places${over}, from #${was.rank} to #${t.rank}`,
          );
        if (rules.scoreMove > 0 && real && Math.abs(scoreChange) >= rules.scoreMove)
          add(
            { rule: 'score-move', tag: t.tag, region, before: was.score, after: t.score },
            `#${t.tag} in ${region}: score ${scoreChange > 0 ? 'up' : 'down'} ${f2(Math.abs(scoreChange))} points${over}, from ${f2(was.score)} to ${f2(t.score)}`,
          );
        for (const kind of rules.becameFlagged) {
          // In this run and the previous one, and not already in the one before (else it was alerted then).
          const flag = t.flags.find((f) => f.kind === kind);
          const gone = beforeThat.get(t.candidate);
          if (flag && was.flags.includes(kind) && !(gone?.flags.includes(kind) ?? false))
            add(
              { rule: 'became-flagged', tag: t.tag, region, before: null, after: kind },
              `#${t.tag} in ${region} is ${kind} in two runs in a row: ${flag.reason}`,
            );
        }
      }
    }
  }
  if (rules.suggestionPosts > 0) {
    for (const s of suggestions) {
      if (s.posts < rules.suggestionPosts || knownSuggestions.has(`${s.region}|${s.tag}`)) continue;
      add(
        { rule: 'new-suggestion', tag: s.tag, region: s.region, before: null, after: s.posts },
        `#${s.tag} in ${s.region}: a new suggestion, ${tagEvidence(s)}`,
      );
    }
  }
  return alerts;
}

/** The scheduler lines for this machine; Tagfit never edits a scheduler's configuration itself. */
export function scheduleLines(
  s: WatchSchedule,
  command: string,
  platform: NodeJS.Platform,
): { kind: string; text: string }[] {
  const dayNum = WEEKDAYS.indexOf(s.day);
  const cronDay = s.every === 'day' ? '*' : String(dayNum);
  const cron = `0 ${s.hour} * * ${cronDay} ${command} >> "$HOME/tagfit-watch.log" 2>&1`;
  const onCalendar =
    s.every === 'day'
      ? `*-*-* ${String(s.hour).padStart(2, '0')}:00:00`
      : `${s.day.slice(0, 3).replace(/^./, (c) => c.toUpperCase())} *-*-* ${String(s.hour).padStart(2, '0')}:00:00`;
  const systemd = [
    '# ~/.config/systemd/user/tagfit-watch.service',
    '[Unit]',
    'Description=Tagfit watch',
    '[Service]',
    'Type=oneshot',
    `ExecStart=${command}`,
    '',
    '# ~/.config/systemd/user/tagfit-watch.timer',
    '[Unit]',
    'Description=Tagfit watch schedule',
    '[Timer]',
    `OnCalendar=${onCalendar}`,
    'Persistent=true',
    '[Install]',
    'WantedBy=timers.target',
    '',
    '# then: systemctl --user daemon-reload && systemctl --user enable --now tagfit-watch.timer',
  ].join('\n');
  const time = `${String(s.hour).padStart(2, '0')}:00`;
  const schtasks =
    s.every === 'day'
      ? `schtasks /Create /TN "Tagfit watch" /SC DAILY /ST ${time} /TR "${command.replace(/"/g, '\\"')}"`
      : `schtasks /Create /TN "Tagfit watch" /SC WEEKLY /D ${s.day.slice(0, 3).toUpperCase()} /ST ${time} /TR "${command.replace(/"/g, '\\"')}"`;
  const all = [
    { kind: 'crontab (crontab -e)', text: cron },
    { kind: 'systemd user timer', text: systemd },
    { kind: 'Windows Task Scheduler', text: schtasks },
  ];
  // This machine's first; the others follow for a workspace shared across machines.
  return platform === 'win32'
    ? [all[2]!, all[0]!, all[1]!]
    : platform === 'linux'
      ? [all[0]!, all[1]!, all[2]!]
      : all;
}
