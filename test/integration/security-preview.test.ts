// The security pass on the browser preview (issue 20, items 1, 2 and 8): the preview, tried from a second local
// process that knows the printed URL after the page has loaded, can do nothing; the browser it opens never holds
// the key.
import { spawn } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/cli';

const CANARY = 'tk-canary-3f9d2c71b0e84a55';
const disposers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of disposers.reverse()) await d();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request as any local process can make it: every header its own choice, the Host included. */
function raw(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; path?: string } = {},
): Promise<Answer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: u.hostname,
        port: u.port,
        path: opts.path ?? u.pathname,
        method: opts.method ?? 'GET',
        headers: opts.headers,
      },
      (res) => {
        let body = '';
        // An event stream never ends: its first bytes are enough.
        if ((res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          res.destroy();
          return resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        }
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    r.on('error', reject);
    r.end(opts.body);
  });
}

let url = '';
let claimed: Promise<Answer> | undefined;
/** The page's first load, as the browser makes it (once, whichever test asks first). */
const claim = (): Promise<Answer> => (claimed ??= raw(url, { headers: { host: new URL(url).host } }));
const cookieOf = (a: Answer): string => String(a.headers['set-cookie'] ?? '').split(';')[0] ?? '';
let origin = '';
let openerLog = '';
let stderr = '';

beforeAll(async () => {
  const home = await tempDir();
  disposers.push(home.dispose);
  // The "browser": an xdg-open that writes down what it was given (its environment and arguments).
  openerLog = path.join(home.dir, 'opener.txt');
  const bin = path.join(home.dir, 'bin');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(bin);
  await writeFile(
    path.join(bin, 'xdg-open'),
    `#!/bin/sh\n{ env; echo "ARGS $*"; } > "${openerLog}.tmp" && mv "${openerLog}.tmp" "${openerLog}"\n`,
  );
  await chmod(path.join(bin, 'xdg-open'), 0o755);
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'bin/run-ts.mjs'),
      'scripts/web.ts',
      '--demo',
      '--port',
      '0',
      '--data-dir',
      path.join(home.dir, 'app'),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        TIKLIVE_KEY: CANARY,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
      },
      detached: true,
    },
  );
  disposers.push(async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let out = '';
  url = await new Promise<string>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`npm run web exited with ${code}:\n${stderr}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Tagfit preview: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
  origin = new URL(url).origin;
}, 120_000);

describe('the browser preview, against a local process that knows its URL', () => {
  it('1. the browser the preview opens gets no TIKLIVE_KEY in its environment', async () => {
    if (process.platform !== 'linux') return; // the opener stand-in is an xdg-open script
    let log = '';
    await expect
      .poll(async () => (log = await readFile(openerLog, 'utf8').catch(() => '')), { timeout: 30_000 })
      .toContain('ARGS http://127.0.0.1');
    expect(log).toContain(`ARGS ${url}`);
    expect(log).not.toContain(CANARY);
    expect(log).not.toContain('TIKLIVE_KEY');
  });

  it('2. the printed URL opens the page once; after that, without the page’s cookie, nothing answers', async () => {
    // The page loads (the browser): the launch token is swapped for an HttpOnly, SameSite=Strict cookie.
    const page = await claim();
    expect(page.status).toBe(200);
    const setCookie = String(page.headers['set-cookie'] ?? '');
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = cookieOf(page);
    const host = new URL(url).host;
    const invoke = (headers: Record<string, string>, channel = 'app:get-status') =>
      raw(`${url}bridge/invoke`, {
        method: 'POST',
        headers: { host, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ channel, payload: {} }),
      });
    // The page itself keeps working: its bridge, its events, a reload.
    const ours = await invoke({ origin, cookie });
    expect(ours.status).toBe(200);
    expect(JSON.parse(ours.body)).toMatchObject({ ok: true, value: { shell: 'web' } });
    expect((await raw(`${url}bridge/events`, { headers: { host, cookie } })).status).toBe(200);
    expect((await raw(url, { headers: { host, cookie } })).status).toBe(200);

    // A second process with the URL, setting Origin and Host as it likes: the page, the bridge, the events.
    expect((await raw(url, { headers: { host } })).status).toBe(403);
    expect((await invoke({ origin })).status).toBe(403);
    expect((await invoke({ origin }, 'keychain:delete-key')).status).toBe(403);
    expect((await raw(`${url}bridge/events`, { headers: { host } })).status).toBe(403);
    expect((await raw(`${url}bridge/events`, { headers: { host, origin } })).status).toBe(403);
    // A guessed cookie of the right shape is no better.
    const forged = cookie.replace(/=.*/, `=${'A'.repeat(cookie.split('=')[1]!.length)}`);
    expect((await invoke({ origin, cookie: forged })).status).toBe(403);
    // The page's static files are no help either.
    expect((await raw(`${url}tagfit-bridge.js`, { headers: { host } })).status).toBe(403);
    expect(stderr).not.toContain(CANARY);
  });

  it('8. static files check the Host header like the bridge; a malformed path is a 400, not a 500', async () => {
    const host = new URL(url).host;
    const cookie = cookieOf(await claim());
    const u = new URL(url);
    const rebound = await raw(url, { headers: { host: `evil.example:${u.port}`, cookie } });
    expect(rebound.status).toBe(403);
    const malformed = await raw(url, { path: `${u.pathname}%ff`, headers: { host, cookie } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).not.toMatch(/URI malformed/);
  });
});
