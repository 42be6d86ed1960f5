// Spawns the real `tagfit` command (bin/tagfit.mjs) as a process, the way cron and outside checks run it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'tagfit.mjs');

/**
 * How to start a process that file permissions stop, so a read-only folder can be made with chmod wherever
 * the checkout lives: as a normal user, the command itself; as root, the same user without the capabilities
 * that override permissions (setpriv, util-linux), so the child reads the checkout as its owner but cannot
 * write into a mode-555 folder. Undefined (with the reason) when neither is possible here.
 */
export const UNPRIVILEGED: { prefix: string[] } | { reason: string } = (() => {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const prefix = [
    'setpriv',
    '--inh-caps=-dac_override,-dac_read_search',
    '--bounding-set=-dac_override,-dac_read_search',
    '--',
  ];
  const probe = spawnSync(prefix[0]!, [...prefix.slice(1), 'true']);
  return probe.status === 0
    ? { prefix }
    : {
        reason: `running as root and setpriv cannot drop CAP_DAC_OVERRIDE (${probe.error?.message ?? probe.stderr})`,
      };
})();

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: {
    env?: Record<string, string | undefined>;
    cwd?: string;
    timeoutMs?: number;
    onSpawn?: (pid: number) => void;
    /** Run without the power to write where file permissions forbid it (see UNPRIVILEGED). */
    unprivileged?: boolean;
    /** Stop reading stdout at once, as `tagfit … | head -0` does (the command's writes then meet a closed pipe). */
    closeStdout?: boolean;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, TIKLIVE_KEY: undefined, ...opts.env };
    // A test never reaches a real keychain unless it asks for one.
    if (!('DBUS_SESSION_BUS_ADDRESS' in (opts.env ?? {})))
      env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent';
    let command = [process.execPath, BIN, ...args];
    if (opts.unprivileged) {
      if (!('prefix' in UNPRIVILEGED)) throw new Error(UNPRIVILEGED.reason);
      command = [...UNPRIVILEGED.prefix, ...command];
    }
    const child = spawn(command[0]!, command.slice(1), {
      cwd: opts.cwd ?? ROOT,
      env: env as NodeJS.ProcessEnv,
    });
    let stdout = '';
    let stderr = '';
    if (opts.closeStdout) child.stdout.destroy();
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    if (child.pid) opts.onSpawn?.(child.pid);
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A temporary folder with the given files; `dispose` removes it. */
export async function tempDir(
  files: Record<string, string> = {},
): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-test-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
