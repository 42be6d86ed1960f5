// The browser preview: the built renderer served on 127.0.0.1 under a random per-launch token, its window.tagfit
// bridged to the very main-process handlers the app uses (same dispatch: validation, errors as results).
// The token is printed (and on the opener's command line), so it is good once: the first page load swaps it for
// an HttpOnly, SameSite=Strict cookie that every later request needs. A web page the user visits cannot find or
// drive the preview (Host and Origin checks); a local process that read the URL after the page loaded cannot.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CSP_META, CSP_WEB, CSP_WEB_META } from '../../shared/csp';
import type { EventPayloads } from '../../shared/ipc-contract';
import { dispatch } from '../dispatch';
import type { Handlers } from '../handlers';
import { BRIDGE_SCRIPT } from './bridge-script';

export interface WebPreviewOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** The handlers, created with an `emit` that calls the returned `emit`. */
  handlers: Handlers;
}

export interface WebPreview {
  /** http://127.0.0.1:PORT/<token>/ */
  url: string;
  port: number;
  emit<E extends keyof EventPayloads>(channel: E, payload: EventPayloads[E]): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_BODY = 16 * 1024 * 1024;
const COOKIE = 'tagfit-preview';

/** The value of one cookie in a Cookie header, if there. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** Constant-time: how much of a guess is right never shows in how long the refusal takes. */
function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebPreview(opts: WebPreviewOptions): Promise<WebPreview> {
  const token = randomBytes(18).toString('base64url');
  const prefix = `/${token}/`;
  // The page's session: set on the first load of the printed URL, required by everything after it.
  const session = randomBytes(32).toString('base64url');
  let claimed = false;
  const root = path.resolve(opts.rendererDir);
  const clients = new Set<ServerResponse>();
  let origin = '';

  const headers = (type: string): Record<string, string> => ({
    'content-type': type,
    'content-security-policy': CSP_WEB,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-resource-policy': 'same-origin',
  });
  const refuse = (res: ServerResponse, status: number, text: string): void => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
  };
  /** Our own page on our own host: the Host header (no DNS rebinding) and, where the browser says, the origin. */
  const sameHost = (req: IncomingMessage): boolean => req.headers.host === origin.slice('http://'.length);
  const sameOrigin = (req: IncomingMessage, requireOrigin: boolean): boolean => {
    if (!sameHost(req)) return false;
    const o = req.headers.origin;
    if (o !== undefined) return o === origin;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined) return site === 'same-origin';
    return !requireOrigin;
  };

  async function serveFile(
    res: ServerResponse,
    rel: string,
    extra: Record<string, string> = {},
  ): Promise<void> {
    const file = path.resolve(root, rel === '' ? 'index.html' : rel);
    if (file !== root && !file.startsWith(`${root}${path.sep}`)) return refuse(res, 404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(res, 404, 'Not found');
    }
    const ext = path.extname(file);
    if (ext === '.html') {
      // The app's meta CSP forbids connections; the preview's page may reach its own bridge, and loads it first.
      const html = body
        .toString('utf8')
        .replace(CSP_META.replace(/'/g, '&#39;'), CSP_WEB_META.replace(/'/g, '&#39;'))
        .replace('<head>', '<head>\n    <script src="./tagfit-bridge.js"></script>');
      return void res.writeHead(200, { ...headers(TYPES['.html']!), ...extra }).end(html);
    }
    res.writeHead(200, headers(TYPES[ext] ?? 'application/octet-stream')).end(body);
  }

  async function readBody(req: IncomingMessage): Promise<string | undefined> {
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_BODY) return undefined;
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!url.pathname.startsWith(prefix)) return refuse(res, 404, 'Not found');
      // Every answer, static files included, only to our own host name (no DNS rebinding).
      if (!sameHost(req)) return refuse(res, 403, "Refused: not the preview's address.");
      let rel: string;
      try {
        rel = decodeURIComponent(url.pathname.slice(prefix.length));
      } catch {
        return refuse(res, 400, 'Bad request: the path is not valid percent-encoding.');
      }
      if (!sameSecret(cookieValue(req.headers.cookie, COOKIE), session)) {
        if (claimed || rel !== '' || req.method !== 'GET')
          return refuse(
            res,
            403,
            "Refused: this preview's link was used by the page it opened. To open it elsewhere, stop npm run web and start it again.",
          );
        claimed = true;
        return serveFile(res, rel, {
          'set-cookie': `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=${prefix}`,
        });
      }
      if (rel === 'bridge/invoke') {
        if (req.method !== 'POST') return refuse(res, 405, 'POST only');
        if (!sameOrigin(req, true)) return refuse(res, 403, 'Refused: not from the preview page.');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
          return refuse(res, 415, 'JSON only');
        const text = await readBody(req);
        if (text === undefined) return refuse(res, 413, 'Too large');
        let message: { channel?: unknown; payload?: unknown };
        try {
          message = JSON.parse(text) as typeof message;
        } catch {
          return refuse(res, 400, 'Not JSON');
        }
        const result = await dispatch(opts.handlers, String(message.channel), message.payload);
        return void res.writeHead(200, headers('application/json')).end(JSON.stringify(result));
      }
      if (rel === 'bridge/events') {
        if (!sameOrigin(req, false)) return refuse(res, 403, 'Refused: not from the preview page.');
        res.writeHead(200, { ...headers('text/event-stream'), connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (rel === 'tagfit-bridge.js') {
        return void res.writeHead(200, headers(TYPES['.js']!)).end(BRIDGE_SCRIPT);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'GET only');
      return serveFile(res, rel);
    })().catch((e: unknown) => {
      if (!res.headersSent) refuse(res, 500, `Preview error: ${(e as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    port,
    emit(channel, payload) {
      const data = `data: ${JSON.stringify({ channel, payload })}\n\n`;
      for (const c of clients) c.write(data);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
