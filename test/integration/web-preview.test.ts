// `npm run web -- --demo --no-open --port N`: serves the app on 127.0.0.1:N under a per-launch token; nothing
// without the token, no bridge call from another origin or another host name.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/cli';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe('npm run web', () => {
  it('serves on the port asked, under a token; refuses requests without it and bridge calls from elsewhere', async () => {
    const port = await freePort();
    const data = await tempDir();
    cleanups.push(data.dispose);
    const child = spawn(
      'npm',
      ['run', 'web', '--', '--demo', '--no-open', '--port', String(port), '--data-dir', data.dir],
      {
        cwd: ROOT,
        env: { ...process.env, TIKLIVE_KEY: undefined, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
        detached: true,
      },
    );
    cleanups.push(async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 90_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Tagfit preview: (\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const u = new URL(url);
    expect(u.hostname).toBe('127.0.0.1');
    expect(Number(u.port)).toBe(port);
    expect(u.pathname).toMatch(/^\/[A-Za-z0-9_-]{20,}\/$/);

    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/index.html`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/assets/`)).status).toBe(404);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="./tagfit-bridge.js"></script>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // The page's session: the bridge answers only requests that carry it (see security-preview.test.ts).
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;

    const call = (headers: Record<string, string>) =>
      fetch(`${url}bridge/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ channel: 'app:get-status', payload: {} }),
      });
    expect((await call({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await call({})).status).toBe(403); // no origin at all: not our page
    const ours = await call({ origin: `http://127.0.0.1:${port}` });
    expect(ours.status).toBe(200);
    expect(await ours.json()).toMatchObject({ ok: true, value: { shell: 'web', workspace: { demo: true } } });
    // A page fetched under our token but through another host name (DNS rebinding) is refused.
    const { request } = await import('node:http');
    const rebound = await new Promise<number>((resolve) => {
      const r = request(
        {
          host: '127.0.0.1',
          port,
          path: `${u.pathname}bridge/invoke`,
          method: 'POST',
          headers: {
            host: `evil.example:${port}`,
            origin: `http://evil.example:${port}`,
            'content-type': 'application/json',
            cookie,
          },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      r.end(JSON.stringify({ channel: 'app:get-status', payload: {} }));
    });
    expect(rebound).toBe(403);
  }, 120_000);
});
