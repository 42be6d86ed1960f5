// `tagfit watch`: run if the schedule says a run is due, and raise alerts against the previous run (exit 3 with
// alerts); cron calls it (src/core/job/watch-due.ts does the job, for the app too).
import path from 'node:path';
import type { Command } from 'commander';
import { scheduleLines } from '../core/discover/watch';
import { runWatchIfDue } from '../core/job/watch-due';
import { openWorkspace } from '../core/workspace/layout';
import { EXIT_ALERTS, EXIT_FAILED, EXIT_OK } from './exit-codes';
import { safeWrite, writeErr, writeOut } from './output';
import { createProgressReporter } from './progress';
import { addScoreOptions, parseFormats, prepare, runPrepared, type ScoreFlags } from './score-command';
import { parseNow, requireWorkspaceFlag } from './session-flags';
import { withStopSignals } from './signals';
import { describeCredits } from './summary';

interface WatchFlags extends ScoreFlags {
  printSchedule?: boolean;
}

export function registerWatchCommand(program: Command, setCode: (c: number) => void): void {
  addScoreOptions(
    program
      .command('watch')
      .description(
        'run if the schedule says a run is due, and raise alerts against the previous run (exit 3)',
      )
      .option(
        '--print-schedule',
        "print this machine's scheduler line for the watch (Tagfit never edits it)",
      ),
  ).action(async (flags: WatchFlags) => setCode(await watchAction(flags)));
}

async function watchAction(flags: WatchFlags): Promise<number> {
  const ws = await openWorkspace(requireWorkspaceFlag(flags, 'watch'));
  if (flags.printSchedule) {
    const cmd = `${process.execPath} ${path.resolve(process.argv[1] ?? 'tagfit')} watch --workspace ${JSON.stringify(ws.dir)} --quiet`;
    for (const l of scheduleLines(ws.settings.watch, cmd, process.platform))
      writeOut(`# ${l.kind}\n${l.text}\n\n`);
    return EXIT_OK;
  }
  const reporter = createProgressReporter(flags.quiet ? 'quiet' : 'lines');
  parseFormats(flags.format);
  const watch = await runWatchIfDue({
    ws,
    now: parseNow(flags.now),
    warn: reporter.warn,
    run: async (why) => {
      if (!flags.quiet) writeErr(`${why}\n`);
      const prepared = await prepare(flags, reporter.warn, true);
      try {
        const outcome = await withStopSignals((signal) => runPrepared(flags, prepared, reporter, signal));
        return { ...outcome, candidates: prepared.candidates, targets: prepared.targets };
      } finally {
        reporter.stop();
        await prepared.release();
      }
    },
  });
  if (!watch.due) {
    if (flags.json) writeOut(`${JSON.stringify(watch)}\n`);
    else writeErr(`${watch.why}\n`);
    return EXIT_OK;
  }
  const { result, alerts } = watch;
  if (watch.incomplete) {
    writeErr(`tagfit: ${watch.incomplete}\n`);
    return EXIT_FAILED;
  }
  if (flags.json)
    writeOut(`${JSON.stringify({ due: true, why: watch.why, alerts, credits: result.credits })}\n`);
  else {
    for (const a of alerts) safeWrite(process.stdout, `${a.rule}: ${a.message}\n`);
    if (alerts.length === 0) safeWrite(process.stdout, 'no alert\n');
  }
  if (!flags.quiet) {
    for (const w of watch.written) writeErr(`wrote ${w.path}\n`);
    writeErr(`credits: ${describeCredits(result.credits)}\n`);
  }
  if (result.failed.length > 0) return EXIT_FAILED;
  return alerts.length > 0 ? EXIT_ALERTS : EXIT_OK;
}
