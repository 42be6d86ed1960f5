// `tagfit workspace check`: a shared workspace's health (sync clients' conflicted copies, damaged or foreign files
// in data/, other computers' locks), `--fix` merging what can be merged; and the one line every other command says.
import type { Command } from 'commander';
import { thisDevice } from '../core/workspace/device';
import { openWorkspace, workspacePaths } from '../core/workspace/layout';
import { acquireWorkspaceLock } from '../core/workspace/lock';
import { fixConflicts, type FixOutcome } from '../core/workspace/sync/fix';
import { checkWorkspace, conflictNotice, type Finding } from '../core/workspace/sync/scan';
import { EXIT_FAILED, EXIT_OK } from './exit-codes';
import { writeErr, writeOut } from './output';

/** Findings a person must act on: a copy still there, a damaged file. Foreign files and locks are information. */
const needsAction = (f: Finding): boolean => f.kind === 'conflict' || f.kind === 'damaged';

export function registerWorkspaceCommand(program: Command, setCode: (c: number) => void): void {
  const workspace = program.command('workspace').description('the health of a (shared) workspace folder');
  workspace
    .command('check')
    .description(
      "report conflicted copies sync clients made of Tagfit's files, damaged or foreign files in data/, and locks",
    )
    .requiredOption('--workspace <dir>', 'the workspace')
    .option(
      '--fix',
      'merge what can be merged (runs, settings, cache answers); merged copies move to data/merged/',
    )
    .option('--json', 'print JSON')
    .action(async (o: { workspace: string; fix?: boolean; json?: boolean }) => {
      const ws = await openWorkspace(o.workspace);
      const device = await thisDevice();
      let fixed: FixOutcome | undefined;
      if (o.fix) {
        const lock = await acquireWorkspaceLock(ws.dir, { app: 'cli', task: 'workspace check --fix' });
        try {
          fixed = await fixConflicts(
            ws.paths,
            await checkWorkspace(ws.paths, device, { cacheEntries: true }),
          );
        } finally {
          await lock.release();
        }
      }
      const findings = await checkWorkspace(ws.paths, device, { cacheEntries: true });
      if (o.json) {
        writeOut(
          `${JSON.stringify({ workspace: ws.dir, device: device.name, findings, ...(fixed ? { fixed } : {}) })}\n`,
        );
      } else {
        for (const m of fixed?.merged ?? []) writeOut(`merged: ${m.message}\n`);
        for (const m of fixed?.failed ?? []) writeOut(`not merged: ${m.message}\n`);
        for (const f of findings) writeOut(`${f.kind}: ${f.message}\n`);
        const open = findings.filter(needsAction).length;
        writeOut(
          open === 0
            ? `${ws.dir}: no conflicted copies or damaged files${fixed ? ` (merged ${fixed.merged.length})` : ''}\n`
            : `${ws.dir}: ${open} to look at${findings.some((f) => f.fix === 'merge') ? '; --fix merges those marked mergeable' : ''}\n`,
        );
      }
      setCode(findings.some(needsAction) ? EXIT_FAILED : EXIT_OK);
    });
}

/** Before any other command on a workspace: one line on stderr when conflicted copies wait there. */
export async function sayConflicts(dir: string): Promise<void> {
  const notice = await conflictNotice(workspacePaths(dir)).catch(() => undefined);
  if (notice) writeErr(`warning: ${notice}\n`);
}
