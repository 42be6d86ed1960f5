// The CLI's other commands: workspaces, run history, the answer cache, the keychain and the simulator.
import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { TagfitError } from '../core/errors';
import { createSystemKeychain } from '../core/secrets/keychain';
import { Secret } from '../core/secrets/secret';
import { startSimulator } from '../core/simulator';
import { createFileCache } from '../core/workspace/cache';
import { createWorkspaceCache } from '../core/workspace/device-cache';
import { compareRuns } from '../core/engine/momentum';
import { runIdOf } from '../core/job/previous-run';
import { listRuns, loadRun } from '../core/workspace/history';
import { initWorkspace, openWorkspace } from '../core/workspace/layout';
import { EXIT_KEYCHAIN, EXIT_OK } from './exit-codes';
import { writeErr, writeOut } from './output';
import { NEW_WORKSPACE_PRESET, PRESET_NAMES, type PresetName } from '../shared/scoring-registry';

const pct = (x: number | null): string => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
const signed = (x: number | null, digits = 2): string =>
  x === null ? '—' : `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

export function registerToolCommands(program: Command, setCode: (c: number) => void): void {
  program
    .command('init <dir>')
    .description('create a workspace folder (lists, tagfit.json, reports/, data/)')
    .option('--tags <file>', 'copy this CSV in as the candidate list')
    .option('--creators <file>', 'copy this CSV in as the target creators')
    .option('--regions <file>', 'copy this CSV in as the regions')
    .option('--preset <name>', PRESET_NAMES.join(', ').replace(/, (\w+)$/, ' or $1'), NEW_WORKSPACE_PRESET)
    .action(
      async (dir: string, o: { tags?: string; creators?: string; regions?: string; preset: string }) => {
        if (!(PRESET_NAMES as readonly string[]).includes(o.preset))
          throw new TagfitError('input', `--preset: "${o.preset}" is not ${PRESET_NAMES.join(', ')}.`);
        const ws = await initWorkspace(dir, {
          from: { tags: o.tags, creators: o.creators, regions: o.regions },
          settings: { preset: o.preset as PresetName },
        });
        writeOut(`created workspace ${ws.dir}\n`);
        setCode(EXIT_OK);
      },
    );

  const runs = program.command('runs').description('past runs of a workspace');
  runs
    .command('list')
    .requiredOption('--workspace <dir>', 'the workspace')
    .option('--json', 'print JSON')
    .action(async (o: { workspace: string; json?: boolean }) => {
      const ws = await openWorkspace(o.workspace);
      const list = await listRuns(ws.paths.data, (m) => writeErr(`warning: ${m}\n`));
      if (o.json) writeOut(`${JSON.stringify(list)}\n`);
      else if (list.length === 0) writeOut('no runs yet\n');
      else {
        for (const r of list) {
          writeOut(
            `${r.id}  ${r.now}  ${r.preset.padEnd(7)}  ${r.regions.join(',')}  ${r.tags} tags  ${r.creditsUsed} credits${r.stopped ? '  (stopped)' : ''}${r.device ? `  on ${r.device}` : ''}\n`,
          );
        }
      }
      setCode(EXIT_OK);
    });
  runs
    .command('compare <before> <after>')
    .description('compare two runs (ids from `runs list`; "last" and "previous" work too)')
    .requiredOption('--workspace <dir>', 'the workspace')
    .option('--json', 'print JSON')
    .action(async (beforeId: string, afterId: string, o: { workspace: string; json?: boolean }) => {
      const ws = await openWorkspace(o.workspace);
      const list = await listRuns(ws.paths.data);
      const resolve = (name: string): string => {
        const id = runIdOf(list, name);
        if (!id)
          throw new TagfitError(
            'input',
            `No run "${name}" in ${ws.paths.history} (see \`tagfit runs list\`).`,
          );
        return id;
      };
      const cmp = compareRuns(
        await loadRun(ws.paths.data, resolve(beforeId)),
        await loadRun(ws.paths.data, resolve(afterId)),
      );
      if (o.json) {
        writeOut(`${JSON.stringify(cmp)}\n`);
      } else {
        writeOut(`${cmp.before.now} → ${cmp.after.now} (${cmp.days.toFixed(1)} days)\n`);
        // Unlike runs: their scores are positions in other lists; the changes are left empty and this says why.
        if (cmp.notComparable) writeOut(`${cmp.notComparable}; score and rank changes are not given\n`);
        if (cmp.comparedOver) writeOut(`${cmp.comparedOver}\n`);
        for (const [code, r] of Object.entries(cmp.regions)) {
          writeOut(`\n${code}\n`);
          for (const t of r.rows) {
            writeOut(
              `  #${t.tag.padEnd(26)} ${t.status.padEnd(4)} score ${signed(t.scoreChange)} rank ${signed(t.rankChange, 0)} users/week ${pct(t.userCountGrowthPerWeek)} views/week ${pct(t.viewCountGrowthPerWeek)}\n`,
            );
          }
        }
      }
      setCode(EXIT_OK);
    });

  const cache = program.command('cache').description('the answer cache of a workspace or folder');
  const openCache = async (o: { workspace?: string; cacheDir?: string }) => {
    const onWarning = (m: string): void => void writeErr(`warning: ${m}\n`);
    if (o.cacheDir) return createFileCache(o.cacheDir, { onWarning });
    if (!o.workspace) throw new TagfitError('input', 'Give --workspace <dir> or --cache-dir <dir>.');
    // This computer's answers: the other computers' folders are theirs to prune.
    return createWorkspaceCache((await openWorkspace(o.workspace)).paths.cache, { onWarning });
  };
  cache
    .command('stats')
    .option('--workspace <dir>', 'the workspace')
    .option('--cache-dir <dir>', 'a cache folder')
    .option('--json', 'print JSON')
    .action(async (o: { workspace?: string; cacheDir?: string; json?: boolean }) => {
      const s = await (await openCache(o)).stats();
      if (o.json) writeOut(`${JSON.stringify(s)}\n`);
      else {
        writeOut(
          `${s.entries} answers, ${(s.bytes / 1024 / 1024).toFixed(2)} MB of ${(s.maxBytes / 1024 / 1024).toFixed(0)} MB` +
            `${s.oldest ? `, oldest ${new Date(s.oldest).toISOString()}` : ''}${s.newest ? `, newest ${new Date(s.newest).toISOString()}` : ''}\n`,
        );
      }
      setCode(EXIT_OK);
    });
  cache
    .command('prune')
    .option('--workspace <dir>', 'the workspace')
    .option('--cache-dir <dir>', 'a cache folder')
    .option('--older-than <hours>', 'remove answers fetched more than this many hours ago', '168')
    .option('--max-mb <n>', 'then remove the oldest answers until the cache is at most this size')
    .action(async (o: { workspace?: string; cacheDir?: string; olderThan: string; maxMb?: string }) => {
      const hours = Number(o.olderThan);
      if (!Number.isFinite(hours) || hours < 0)
        throw new TagfitError('input', `--older-than must be hours ≥ 0 (got "${o.olderThan}").`);
      const maxMb = o.maxMb === undefined ? undefined : Number(o.maxMb);
      if (maxMb !== undefined && (!Number.isFinite(maxMb) || maxMb < 0))
        throw new TagfitError('input', `--max-mb must be ≥ 0 (got "${o.maxMb}").`);
      const r = await (
        await openCache(o)
      ).prune({
        olderThanMs: hours * 3_600_000,
        now: Date.now(),
        ...(maxMb !== undefined ? { maxBytes: maxMb * 1024 * 1024 } : {}),
      });
      writeOut(`removed ${r.removed} answers, freed ${(r.freedBytes / 1024 / 1024).toFixed(2)} MB\n`);
      setCode(EXIT_OK);
    });

  const key = program
    .command('key')
    .description('the TikLiveAPI key in the OS keychain (shared with the app)');
  key
    .command('set')
    .description('store the key: read from stdin (or TIKLIVE_KEY), never from the command line')
    .action(async () => {
      const value = process.env.TIKLIVE_KEY?.trim() || (await readKeyFromStdin());
      if (value.length < 8)
        throw new TagfitError('input', 'That does not look like a TikLiveAPI key (too short).');
      await createSystemKeychain().set(new Secret(value));
      writeErr('key stored in the OS keychain\n');
      setCode(EXIT_OK);
    });
  key.command('delete').action(async () => {
    const had = await createSystemKeychain().delete();
    writeErr(had ? 'key deleted from the OS keychain\n' : 'no key was stored\n');
    setCode(EXIT_OK);
  });
  key.command('status').action(async () => {
    const k = createSystemKeychain();
    const problem = await k.unavailable();
    if (problem) {
      writeErr(`tagfit: ${problem}\n`);
      setCode(EXIT_KEYCHAIN);
      return;
    }
    writeOut((await k.get()) ? 'a key is stored in the OS keychain\n' : 'no key stored\n');
    setCode(EXIT_OK);
  });

  program
    .command('simulator')
    .description('run the TikLiveAPI simulator on 127.0.0.1 (for trying Tagfit and testing against faults)')
    .option('--port <n>', 'port (default: a free one)', '0')
    .option('--latency <ms>', 'latency per answer', '0')
    .option('--rpm <n>', 'answer 429 above this many requests a minute')
    .option('--key <key>', 'accept only this key (default: any)')
    .action(async (o: { port: string; latency: string; rpm?: string; key?: string }) => {
      const sim = await startSimulator({
        port: Number(o.port),
        latencyMs: Number(o.latency),
        requestsPerMinute: o.rpm ? Number(o.rpm) : null,
        key: o.key,
        idleTimeoutMs: 24 * 3_600_000,
      });
      writeOut(`TikLiveAPI simulator listening on ${sim.url} (Ctrl-C stops it)\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await sim.close();
      setCode(EXIT_OK);
    });
}

async function readKeyFromStdin(): Promise<string> {
  if (process.stdin.isTTY)
    writeErr('TikLiveAPI key (input hidden is not supported here; paste and press Enter): ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.trim();
  }
  return '';
}
