// Progress on stderr: a bar on a terminal, plain lines otherwise (cron logs, CI), nothing with --quiet.
import cliProgress from 'cli-progress';
import type { RunProgress } from '../shared/model';
import { nameSafe } from '../core/text/safe-text';
import { safeWrite } from './output';

export interface ProgressReporter {
  onProgress(p: RunProgress): void;
  warn(message: string): void;
  stop(): void;
}

export function createProgressReporter(
  mode: 'bar' | 'lines' | 'quiet',
  out: NodeJS.WriteStream = process.stderr,
): ProgressReporter {
  // --quiet prints no progress; warnings (something was lost or degraded) still print.
  if (mode === 'quiet')
    return { onProgress: () => {}, warn: (m) => safeWrite(out, `warning: ${m}\n`), stop: () => {} };
  if (mode === 'lines') {
    return {
      onProgress(p) {
        switch (p.type) {
          case 'queued':
            safeWrite(out, `queued ${p.total} hashtag-region pairs\n`);
            break;
          case 'scored':
            safeWrite(
              out,
              `[${p.done}/${p.total}] #${nameSafe(p.tag)} ${p.region} done (credits ${p.credits})\n`,
            );
            break;
          case 'failed':
            safeWrite(
              out,
              `[${p.done}/${p.total}] failed #${nameSafe(p.tag)}${p.region ? ` ${p.region}` : ''}: ${nameSafe(p.error.message)}\n`,
            );
            break;
          case 'done':
            safeWrite(
              out,
              `done: ${p.credits} credits, ${p.failed} failed${p.stopped ? ', stopped early' : ''}\n`,
            );
            break;
          default:
            break;
        }
      },
      warn: (m) => safeWrite(out, `warning: ${m}\n`),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'scoring [{bar}] {value}/{total} pairs | {credits} credits | {status}',
      stream: out,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const pending: string[] = [];
  let started = false;
  return {
    onProgress(p) {
      if (p.type === 'queued') {
        bar.start(p.total, 0, { credits: 0, status: '' });
        started = true;
      } else if (p.type === 'done') {
        bar.update({ credits: p.credits, status: p.stopped ? 'stopped' : 'done' });
      } else if (started) {
        const status = nameSafe(
          p.type === 'failed' ? `failed #${p.tag}` : `#${p.tag}${p.region ? ` ${p.region}` : ''}`,
        );
        bar.update(p.done, { credits: p.credits, status });
      }
    },
    // Warnings would tear the bar: keep them for after it.
    warn: (m) => pending.push(m),
    stop() {
      if (started) bar.stop();
      for (const m of pending) safeWrite(out, `warning: ${m}\n`);
    },
  };
}
