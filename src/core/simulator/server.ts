// The TikLiveAPI simulator: a real HTTP server on 127.0.0.1 that answers like the API, counts credits,
// rate-limits and serves injected faults, so tests, benchmarks and the demo never need the real service.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { buildDemoDataset, type Dataset } from './dataset';
import { createGenerator, type Generator, type WireVideo } from './posts';

export interface SimulatorOptions {
  port?: number;
  /** The accepted X-Api-Key; when undefined any non-empty key is accepted (demo mode). */
  key?: string;
  /** The simulator's clock in epoch ms (default Date.now); data are generated for it. */
  now?: number | (() => number);
  /** Delay before each answer (default 0). */
  latencyMs?: number;
  /** Sliding 60-second window per server; over it the answer is HTTP 429 (default null: no limit). */
  requestsPerMinute?: number | null;
  /** How a 429 states Retry-After (default 'seconds'; the value is the seconds until a slot frees, at least 1). */
  retryAfter?: 'seconds' | 'date' | 'none';
  dataset?: Dataset;
  /** Closes itself after this long without a request (default 10 minutes). */
  idleTimeoutMs?: number;
}

export interface SimulatorStats {
  /** Every request received, whatever its answer. */
  requests: number;
  byEndpoint: Record<string, number>;
  /** Successful data answers: each costs one credit. */
  credits: number;
  creditsByEndpoint: Record<string, number>;
  /** Answers with HTTP 429 (rate limit or injected). */
  rateLimited: number;
  faultsServed: number;
  /** Every distinct X-Api-Key value received, in order of first sight. */
  apiKeysSeen: string[];
}

export interface SimulatorHandle {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  stats(): SimulatorStats;
  setOptions(
    p: Partial<Pick<SimulatorOptions, 'latencyMs' | 'requestsPerMinute' | 'retryAfter' | 'key' | 'now'>>,
  ): void;
  /** Holds every answer not yet given (those in flight and those to come) until the returned release is called,
   * or the server closes: a test can stop a run between two calls, however fast the machine. */
  hold(): () => void;
  /** One-shot faults, consumed in order by the requests they match. */
  inject(f: Fault): void;
  clearFaults(): void;
  resetStats(): void;
  /** Closes the server and every open socket. */
  close(): Promise<void>;
}

export type FaultKind =
  'status' | 'timeout' | 'malformed' | 'truncated' | 'drop' | 'html' | 'error-200' | 'auth-200';

export interface Fault {
  kind: FaultKind;
  /** For 'status': 500, 502, 503, 401, 403, 404, 429…; for 'html' the status of the HTML page (default 502). */
  status?: number;
  /** For status 429: the literal Retry-After header ('' = none; default '1'). */
  retryAfter?: string;
  /** Only requests to this path, e.g. '/challenge-posts/'. */
  endpoint?: string;
  /** Only when these query parameters match. */
  match?: Record<string, string>;
  /** How many matching requests it hits (default 1; Infinity allowed). */
  times?: number;
  /** For 'timeout': hold the answer this long, then answer normally (default: never, until the client gives up). */
  delayMs?: number;
}

export const ENDPOINTS = [
  '/challenge-info-name/',
  '/challenge-posts/',
  '/region-list/',
  '/userinfo-by-username/',
  '/user-posts/',
  '/search-user/',
  '/search-challenge/',
] as const;

export const AUTH_ERROR_BODY = { message: 'Api-Key is not available' } as const;
const MAX_COUNT = 35;
const DEFAULT_COUNT = 30;
const WINDOW_MS = 60_000;

interface Answer {
  status: number;
  body: unknown;
  /** A successful data answer, which costs a credit. */
  charged: boolean;
}

const ok = (body: unknown): Answer => ({ status: 200, body, charged: true });
const notFound = (what: string): Answer => ({
  status: 200,
  body: { status: 'error', message: `Not found ${what}` },
  charged: false,
});
const missing = (param: string): Answer => ({
  status: 400,
  body: { status: 'error', message: `Missing parameter: ${param}` },
  charged: false,
});

/** Paths compare with a trailing slash, as the API documents them. */
const normalisePath = (p: string): string => (p.endsWith('/') ? p : `${p}/`);

function pageCount(raw: string | null): number {
  const n = Number.parseInt(raw ?? '', 10);
  if (!Number.isFinite(n)) return DEFAULT_COUNT;
  return Math.max(1, Math.min(MAX_COUNT, n));
}

function paged<T>(
  items: T[],
  cursor: string | null,
  count: number,
): { items: T[]; cursor: string; hasMore: boolean } {
  const offset = Math.max(0, Number.parseInt(cursor ?? '0', 10) || 0);
  const page = items.slice(offset, offset + count);
  const next = offset + page.length;
  return { items: page, cursor: String(next), hasMore: next < items.length };
}

function route(gen: Generator, path: string, q: URLSearchParams, now: number): Answer | null {
  switch (path) {
    case '/challenge-info-name/': {
      const name = q.get('name');
      if (!name) return missing('name');
      const tag = gen.findTag(name);
      return tag ? ok(gen.challenge(tag, now)) : notFound('challenge');
    }
    case '/challenge-posts/': {
      const id = q.get('challenge_id');
      if (!id) return missing('challenge_id');
      const tag = gen.tagById(id);
      if (!tag) return notFound('challenge');
      const region = q.get('region')?.trim().toUpperCase() || undefined;
      return ok(gen.postsPage(tag, region, now, q.get('cursor') ?? '0', pageCount(q.get('count'))));
    }
    case '/region-list/':
      return ok({ ...gen.dataset.regions });
    case '/userinfo-by-username/': {
      const username = q.get('username');
      if (!username) return missing('username');
      const author = gen.authorByUniqueId(username);
      return author ? ok(gen.userInfo(author)) : notFound('user');
    }
    case '/user-posts/': {
      const userId = q.get('userid');
      if (!userId) return missing('userid');
      const author = gen.authorById(userId);
      if (!author) return notFound('user');
      const p = paged<WireVideo>(gen.userPosts(author, now), q.get('cursor'), pageCount(q.get('count')));
      return ok({ videos: p.items, cursor: p.cursor, hasMore: p.hasMore });
    }
    case '/search-user/': {
      const keyword = (q.get('keyword') ?? '').trim().toLowerCase();
      if (!keyword) return missing('keyword');
      const hits = gen.dataset.authors
        .filter(
          (a) => a.uniqueId.toLowerCase().includes(keyword) || a.nickname.toLowerCase().includes(keyword),
        )
        .sort((a, b) => b.followers - a.followers);
      const p = paged(hits, q.get('cursor'), pageCount(q.get('count')));
      const userList = p.items.map((a) => {
        const info = gen.userInfo(a);
        return {
          user_info: {
            id: a.id,
            uniqueId: a.uniqueId,
            secUid: a.secUid,
            nickname: a.nickname,
            avatarThumb: info.user.avatarThumb,
            signature: info.user.signature,
            verified: a.verified,
            followerCount: a.followers,
            followingCount: a.following,
            heartCount: a.hearts,
            videoCount: a.videos,
          },
        };
      });
      return ok({ user_list: userList, cursor: p.cursor, hasMore: p.hasMore });
    }
    case '/search-challenge/': {
      const keyword = (q.get('keyword') ?? '').trim().normalize('NFC').toLowerCase().replace(/^#/, '');
      if (!keyword) return missing('keyword');
      const hits = gen.dataset.tags
        .filter((t) => t.shape !== 'edge' && t.name.normalize('NFC').toLowerCase().includes(keyword))
        .map((t) => gen.challenge(t, now))
        .sort((a, b) => b.view_count - a.view_count);
      const p = paged(hits, q.get('cursor'), pageCount(q.get('count')));
      return ok({ challenge_list: p.items, cursor: p.cursor, hasMore: p.hasMore });
    }
    default:
      return null;
  }
}

const HTML_PAGE = (status: number): string =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

const STATUS_BODIES: Record<number, unknown> = {
  401: { message: 'Unauthorized' },
  403: { message: 'Forbidden' },
  404: { status: 'error', message: 'Not found' },
  429: { message: 'Too many requests' },
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Starts a simulator on 127.0.0.1 (port 0 = any free port). Close it when done; it also closes itself when idle. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const options = {
    key: opts.key,
    now: opts.now,
    latencyMs: opts.latencyMs ?? 0,
    requestsPerMinute: opts.requestsPerMinute ?? null,
    retryAfter: opts.retryAfter ?? 'seconds',
  };
  const gen = createGenerator(opts.dataset ?? buildDemoDataset());
  const idleTimeoutMs = opts.idleTimeoutMs ?? 10 * 60_000;
  let stats = emptyStats();
  let faults: (Fault & { left: number })[] = [];
  /** Real-clock times of the requests admitted in the last minute (the data clock `now` plays no part). */
  let admitted: number[] = [];
  const sockets = new Set<Socket>();
  let closing: Promise<void> | null = null;
  /** While set, answers wait for its release (hold()). */
  let gate: { held: Promise<void>; release: () => void } | null = null;
  let idleTimer: NodeJS.Timeout | undefined;

  const clock = (): number => {
    const n = options.now;
    return typeof n === 'function' ? n() : (n ?? Date.now());
  };

  const touch = (): void => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void close(), idleTimeoutMs);
    idleTimer.unref();
  };

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    if (res.destroyed || res.headersSent) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      ...headers,
    });
    res.end(text);
  };

  const count = (record: Record<string, number>, key: string): void => {
    record[key] = (record[key] ?? 0) + 1;
  };

  function takeFault(path: string, q: URLSearchParams): Fault | null {
    const i = faults.findIndex(
      (f) =>
        (f.endpoint === undefined || normalisePath(f.endpoint) === path) &&
        Object.entries(f.match ?? {}).every(([k, v]) => q.get(k) === v),
    );
    const f = faults[i];
    if (!f) return null;
    f.left -= 1;
    if (f.left <= 0) faults.splice(i, 1);
    return f;
  }

  function retryAfterHeader(): Record<string, string> {
    const oldest = admitted[0] ?? Date.now();
    const seconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - Date.now()) / 1000));
    if (options.retryAfter === 'none') return {};
    if (options.retryAfter === 'date')
      return { 'Retry-After': new Date(Date.now() + seconds * 1000).toUTCString() };
    return { 'Retry-After': String(seconds) };
  }

  /** Answers a request normally: auth, then the endpoint; charges a credit for a data answer. */
  function serve(res: ServerResponse, path: string, q: URLSearchParams, key: string | undefined): void {
    if (res.destroyed) return;
    const answer = route(gen, path, q, clock());
    if (!answer) return send(res, 404, { status: 'error', message: `Unknown endpoint ${path}` });
    if (!key || (options.key !== undefined && key !== options.key)) return send(res, 200, AUTH_ERROR_BODY);
    if (answer.charged) {
      stats.credits += 1;
      count(stats.creditsByEndpoint, path);
    }
    send(res, answer.status, answer.body);
  }

  /** The body this request would normally get, for faults that cut it short. */
  function fullBody(path: string, q: URLSearchParams): Buffer {
    const answer = route(gen, path, q, clock());
    return Buffer.from(JSON.stringify(answer?.body ?? { videos: [], cursor: '0', hasMore: false }));
  }

  async function serveFault(
    f: Fault,
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    q: URLSearchParams,
    key: string | undefined,
  ): Promise<void> {
    stats.faultsServed += 1;
    switch (f.kind) {
      case 'status': {
        const status = f.status ?? 500;
        if (status === 429) {
          stats.rateLimited += 1;
          const ra = f.retryAfter ?? '1';
          return send(res, 429, STATUS_BODIES[429], ra === '' ? {} : { 'Retry-After': ra });
        }
        return send(res, status, STATUS_BODIES[status] ?? { message: `HTTP ${status}` });
      }
      case 'timeout':
        // Without a delay the request simply never gets an answer; close() or the client ends it.
        if (f.delayMs === undefined) return;
        await sleep(f.delayMs);
        if (req.socket.destroyed) return;
        return serve(res, path, q, key);
      case 'malformed': {
        // Cut inside a value: no JSON parser accepts it.
        const text = '{"videos": [{"video_id": "7';
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(text)),
        });
        res.end(text);
        return;
      }
      case 'truncated': {
        const body = fullBody(path, q);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.end());
        return;
      }
      case 'drop': {
        const body = fullBody(path, q);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write(body.subarray(0, Math.max(1, Math.floor(body.length / 3))), () => {
          setTimeout(() => res.socket?.destroy(), 10).unref();
        });
        return;
      }
      case 'html': {
        const status = f.status ?? 502;
        const text = HTML_PAGE(status);
        res.writeHead(status, {
          'Content-Type': 'text/html',
          'Content-Length': String(Buffer.byteLength(text)),
        });
        res.end(text);
        return;
      }
      case 'error-200':
        return send(res, 200, { status: 'error', message: 'Not found challenge' });
      case 'auth-200':
        return send(res, 200, AUTH_ERROR_BODY);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    touch();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = normalisePath(url.pathname);
    const q = url.searchParams;
    stats.requests += 1;
    count(stats.byEndpoint, path);
    const raw = req.headers['x-api-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (key && !stats.apiKeysSeen.includes(key)) stats.apiKeysSeen.push(key);

    if (options.latencyMs > 0) await sleep(options.latencyMs);
    while (gate) await gate.held;
    if (res.destroyed) return;

    if (options.requestsPerMinute !== null) {
      const t = Date.now();
      admitted = admitted.filter((x) => x > t - WINDOW_MS);
      if (admitted.length >= options.requestsPerMinute) {
        stats.rateLimited += 1;
        return send(res, 429, STATUS_BODIES[429], retryAfterHeader());
      }
      admitted.push(t);
    }

    const fault = takeFault(path, q);
    if (fault) return serveFault(fault, req, res, path, q, key);
    if (req.method !== 'GET') return send(res, 405, { status: 'error', message: 'Method not allowed' });
    serve(res, path, q, key);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      send(res, 500, { message: e instanceof Error ? e.message : 'Internal error' });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  touch();

  function close(): Promise<void> {
    gate?.release();
    closing ??= new Promise<void>((resolve) => {
      if (idleTimer) clearTimeout(idleTimer);
      server.close(() => resolve());
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
    });
    return closing;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: () => structuredClone(stats),
    setOptions(p) {
      if ('latencyMs' in p) options.latencyMs = p.latencyMs ?? 0;
      if ('requestsPerMinute' in p) options.requestsPerMinute = p.requestsPerMinute ?? null;
      if ('retryAfter' in p) options.retryAfter = p.retryAfter ?? 'seconds';
      if ('key' in p) options.key = p.key;
      if ('now' in p) options.now = p.now;
    },
    hold() {
      if (!gate) {
        let release = (): void => {};
        const held = new Promise<void>((r) => (release = r));
        gate = {
          held,
          release: () => {
            gate = null;
            release();
          },
        };
      }
      return gate.release;
    },
    inject(f) {
      faults.push({ ...f, left: f.times ?? 1 });
    },
    clearFaults() {
      faults = [];
    },
    resetStats() {
      stats = emptyStats();
      admitted = [];
    },
    close,
  };
}

function emptyStats(): SimulatorStats {
  return {
    requests: 0,
    byEndpoint: {},
    credits: 0,
    creditsByEndpoint: {},
    rateLimited: 0,
    faultsServed: 0,
    apiKeysSeen: [],
  };
}
