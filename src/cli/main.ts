// The `tagfit` command: argument parsing and terminal output over src/core. Exit codes: 0 every tag
// scored or excluded for a reason, 1 some failed (still reported), 2 bad input or usage.
import { Command, CommanderError } from 'commander';
import { TagfitError } from '../core/errors';
import { EXIT_FAILED, EXIT_KEYCHAIN, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { registerDecodeCommands } from './decode-command';
import { registerScoreCommands } from './score-command';
import { registerToolCommands } from './tool-commands';
import { registerTrackCommand } from './track-command';
import { registerDiscoverCommand } from './discover-command';
import { registerPickCommand } from './pick-command';
import { registerPlanCommand } from './plan-command';
import { registerLocalizeCommand } from './localize-command';
import { registerWatchCommand } from './watch-command';
import { registerWorkspaceCommand, sayConflicts } from './workspace-command';
import { dropWritesAfterClosedPipe, writeErr, writeOut } from './output';
import { cliMessage } from './setting-options';

/** Run the CLI; returns the exit code instead of exiting so tests can call it in-process. */
export async function main(argv: readonly string[]): Promise<number> {
  dropWritesAfterClosedPipe(process.stdout);
  dropWritesAfterClosedPipe(process.stderr);
  const program = new Command()
    .name('tagfit')
    .description(
      'Rank TikTok hashtags by their shape (velocity, engagement density, audience overlap), not their size.',
    )
    .exitOverride()
    // Help asked for goes to stdout (`tagfit score --help | less`); usage errors to stderr.
    .configureOutput({ writeOut: (s) => writeOut(s), writeErr: (s) => writeErr(s) })
    .showHelpAfterError(false);
  let code = EXIT_OK;
  const setCode = (c: number): void => {
    code = c;
  };
  registerScoreCommands(program, setCode);
  registerDecodeCommands(program, setCode);
  registerToolCommands(program, setCode);
  registerTrackCommand(program, setCode);
  registerDiscoverCommand(program, setCode);
  registerPickCommand(program, setCode);
  registerPlanCommand(program, setCode);
  registerLocalizeCommand(program, setCode);
  registerWatchCommand(program, setCode);
  registerWorkspaceCommand(program, setCode);
  // Any command on a workspace says, in one line, when a sync client left conflicted copies there.
  program.hook('preAction', async (_program, action) => {
    const dir = (action.opts() as { workspace?: unknown }).workspace;
    if (typeof dir === 'string' && action.parent?.name() !== 'workspace') await sayConflicts(dir);
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    return reportError(e);
  }
}

/** Print an error for people (never a stack, never the key) and map it to an exit code. */
export function reportError(e: unknown): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
      return EXIT_OK;
    return EXIT_USAGE;
  }
  if (e instanceof TagfitError) {
    writeErr(`tagfit: ${cliMessage(e)}\n`);
    if (e.code === 'keychain') return EXIT_KEYCHAIN;
    return e.code === 'input' || e.code === 'locked' || e.code === 'storage' ? EXIT_USAGE : EXIT_FAILED;
  }
  writeErr(`tagfit: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.TAGFIT_DEBUG && e instanceof Error) writeErr(`${e.stack}\n`);
  return EXIT_FAILED;
}
