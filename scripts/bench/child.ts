// Runs one part of the benchmark in a child process (`bench.ts --part <name>`) and reads its JSON from stdout.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PartName, PartOptions, PartOutput } from './parts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const toFlags = (o: Partial<PartOptions>): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v === undefined ? [] : [`--${k}`, String(v)]));

export async function runPart<N extends PartName>(name: N, o: Partial<PartOptions>): Promise<PartOutput<N>> {
  const args = ['bin/run-ts.mjs', 'scripts/bench.ts', '--part', name, ...toFlags(o)];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const last = stdout.trim().split('\n').at(-1);
  if (code !== 0 || !last) throw new Error(`bench part "${name}" exited with code ${code}`);
  return JSON.parse(last) as PartOutput<N>;
}
