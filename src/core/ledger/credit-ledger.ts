// The credit ledger of a workspace: every job that called TikLiveAPI appends what it spent to its device's own file
// (data/ledger/<device>.jsonl), so two devices sharing the folder (a synced drive) never write the same file; the
// readers sum every device's file, counting an entry once even when a sync tool left a conflicted copy.
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LEDGER_JOBS, type LedgerEntry, type LedgerJob, type LedgerSummary } from '../../shared/ledger';
import { storageError } from '../storage/storage-error';
import { thisDevice } from '../workspace/device';

export type { LedgerEntry, LedgerJob, LedgerSummary };

const WEEK_MS = 7 * 86_400_000;

/** The ledger folder inside a workspace's data folder. */
export const ledgerDir = (dataDir: string): string => path.join(path.resolve(dataDir), 'ledger');

/** What a job tells the ledger; the id, the device and the defaults are filled in. */
export type LedgerSpend = Pick<LedgerEntry, 'at' | 'job' | 'credits' | 'calls'> &
  Partial<Pick<LedgerEntry, 'simulated' | 'stopped'>>;

/**
 * Appends one job's spend to this device's file (one line, one append: nothing else writes that file). A job
 * that spent nothing writes nothing.
 */
export async function appendToLedger(
  dataDir: string,
  spend: LedgerSpend,
  opts: { device?: string } = {},
): Promise<LedgerEntry | undefined> {
  if (spend.credits <= 0 && spend.calls <= 0) return undefined;
  // The workspace's one device identity (workspace/device.ts): TAGFIT_DEVICE and the stable id name the file.
  const device = opts.device ?? (await thisDevice()).id;
  const entry: LedgerEntry = {
    id: randomUUID(),
    at: spend.at,
    job: spend.job,
    credits: spend.credits,
    calls: spend.calls,
    simulated: spend.simulated === true,
    ...(spend.stopped ? { stopped: true } : {}),
    device,
  };
  const dir = ledgerDir(dataDir);
  const file = path.join(dir, `${device}.jsonl`);
  try {
    await mkdir(dir, { recursive: true });
    await appendFile(file, `${JSON.stringify(entry)}\n`, 'utf8');
  } catch (e) {
    throw storageError('write', file, e);
  }
  return entry;
}

const isJob = (v: unknown): v is LedgerJob => LEDGER_JOBS.includes(v as LedgerJob);

/** A ledger line as an entry, or undefined when it is not one (a line cut short by a crash, another format). */
export function parseLedgerLine(line: string): LedgerEntry | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const e = v as Partial<LedgerEntry>;
  const count = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (typeof e.id !== 'string' || typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at)))
    return undefined;
  if (!isJob(e.job) || !count(e.credits) || !count(e.calls)) return undefined;
  return {
    id: e.id,
    at: e.at,
    job: e.job,
    credits: e.credits,
    calls: e.calls,
    simulated: e.simulated === true,
    ...(e.stopped === true ? { stopped: true } : {}),
    device: typeof e.device === 'string' ? e.device : 'unknown',
  };
}

/**
 * Every device's entries, oldest first, each once. A file that cannot be read is said through `warn` and skipped:
 * the ledger is an account of what was spent, never a reason for a job to fail.
 */
export async function readLedger(
  dataDir: string,
  warn: (m: string) => void = () => {},
): Promise<LedgerEntry[]> {
  const dir = ledgerDir(dataDir);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    warn(storageError('read', dir, e).message);
    return [];
  }
  const seen = new Map<string, LedgerEntry>();
  for (const name of names) {
    let text: string;
    try {
      text = await readFile(path.join(dir, name), 'utf8');
    } catch (e) {
      warn(storageError('read', path.join(dir, name), e).message);
      continue;
    }
    for (const line of text.split('\n')) {
      const entry = line.trim() ? parseLedgerLine(line) : undefined;
      if (entry && !seen.has(entry.id)) seen.set(entry.id, entry);
    }
  }
  return [...seen.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The week up to `nowMs` (the app's clock) and the whole ledger, summed. */
export function summariseLedger(entries: readonly LedgerEntry[], nowMs: number): LedgerSummary {
  const since = nowMs - WEEK_MS;
  const out: LedgerSummary = { week: 0, weekByJob: {}, total: 0, weekSimulated: 0 };
  for (const e of entries) {
    out.total += e.credits;
    const t = Date.parse(e.at);
    // An entry stamped after the app's clock (a demo at a fixed date, a colleague's clock ahead) is this week's.
    if (t < since) continue;
    out.week += e.credits;
    if (e.credits > 0) out.weekByJob[e.job] = (out.weekByJob[e.job] ?? 0) + e.credits;
    if (e.simulated) out.weekSimulated += e.credits;
  }
  return out;
}
