// The watchlist: when a run is due, and which alerts a run raises against the previous one. A period is a day or a
// week starting at the schedule's day and hour (local time); a run is due when no run is recorded since the current
// period began, so a second call in the same period does nothing and a missed week is made up once, not twice.
import type { RegionCode, RunResult } from '../../shared/model';
import type { TagSuggestion, WatchAlert } from '../../shared/discover';
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
 * The alerts of a run against the one before it (its momentum, already computed) under the rules; and of the new
 * suggestions against the ones the previous watch run saw.
 */
export function alertsFor(
  current: RunResult,
  previous: StoredRun | undefined,
  rules: WatchSchedule['rules'],
  velocityThreshold: number,
  suggestions: readonly TagSuggestion[] = [],
  knownSuggestions: ReadonlySet<string> = new Set(),
): WatchAlert[] {
  const alerts: WatchAlert[] = [];
  const add = (a: Omit<WatchAlert, 'message'>, message: string): void => void alerts.push({ ...a, message });
  if (previous) {
    for (const [region, r] of Object.entries(current.regions) as [
      RegionCode,
      RunResult['regions'][string],
    ][]) {
      const before = new Map((previous.regions[region]?.ranked ?? []).map((t) => [t.candidate, t]));
      for (const t of r.ranked) {
        const h = t.history;
        const was = before.get(t.candidate);
        if (!h || !was) continue;
        // Either way (the momentum's own flag is the calendar's: upward only).
        const crossed =
          h.previousVelocity !== null &&
          h.previousVelocity < velocityThreshold !== t.velocity < velocityThreshold;
        if (rules.velocityThreshold && crossed && h.previousVelocity !== null)
          add(
            { rule: 'velocity-threshold', tag: t.tag, region, before: h.previousVelocity, after: t.velocity },
            `#${t.tag} in ${region}: velocity ${h.previousVelocity < t.velocity ? 'rose' : 'fell'} across ${f2(velocityThreshold)}, from ${f2(h.previousVelocity)} to ${f2(t.velocity)}`,
          );
        if (rules.rankMove > 0 && h.rankChange !== null && Math.abs(h.rankChange) >= rules.rankMove)
          add(
            { rule: 'rank-move', tag: t.tag, region, before: was.rank, after: t.rank },
            `#${t.tag} in ${region}: ${h.rankChange > 0 ? 'up' : 'down'} ${Math.abs(h.rankChange)} places, from #${was.rank} to #${t.rank}`,
          );
        if (rules.scoreMove > 0 && h.scoreChange !== null && Math.abs(h.scoreChange) >= rules.scoreMove)
          add(
            { rule: 'score-move', tag: t.tag, region, before: was.score, after: t.score },
            `#${t.tag} in ${region}: score ${h.scoreChange > 0 ? 'up' : 'down'} ${f2(Math.abs(h.scoreChange))} points, from ${f2(was.score)} to ${f2(t.score)}`,
          );
        for (const kind of rules.becameFlagged) {
          if (t.flags.some((f) => f.kind === kind) && !was.flags.includes(kind))
            add(
              { rule: 'became-flagged', tag: t.tag, region, before: null, after: kind },
              `#${t.tag} in ${region} is now ${kind}: ${t.flags.find((f) => f.kind === kind)!.reason}`,
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
        `#${s.tag} in ${s.region}: a new suggestion, in ${s.posts} of the high scorers' ${s.highPosts} posts (${f2(s.lift)}× its overall share), next to ${s.nextTo.map((c) => `#${c}`).join(', ')}`,
      );
    }
  }
  return alerts;
}

/** The alerts file: what fired, in words, grouped by region. */
export function renderAlertsMarkdown(
  alerts: readonly WatchAlert[],
  date: string,
  escape: (s: string) => string,
): string {
  const lines = [`# Alerts ${date}`, ''];
  if (alerts.length === 0) lines.push('No alert: nothing crossed a rule since the last run.');
  const regions = [...new Set(alerts.map((a) => a.region))];
  for (const region of regions) {
    lines.push(`## ${escape(region)}`, '');
    for (const a of alerts.filter((x) => x.region === region))
      lines.push(`- ${a.rule}: ${escape(a.message)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
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
