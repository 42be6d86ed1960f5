// The TikLiveAPI simulator: a real HTTP server on 127.0.0.1 that answers like the API, counts credits,
// rate-limits and serves injected faults, so tests, benchmarks and the demo never need the real service.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { buildDemoDataset } from './dataset';
import { createFaultQueue, serveFault, STATUS_BODIES } from './faults';
import { createGenerator } from './posts';
import { replyJson, sleep } from './reply';
import { AUTH_ERROR_BODY, normalisePath, route } from './routes';
import type { SimulatorHandle, SimulatorOptions, SimulatorStats } from './simulator-types';

/** The rate limit's sliding window. */
const WINDOW_MS = 60_000;

/** Starts a simulator on 127.0.0.1 (port 0 = any free port). Close it when done; it also closes itself when idle. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const options = {
    key: opts.key,
    now: opts.now,
    latencyMs: opts.latencyMs ?? 0,
    requestsPerMinute: opts.requestsPerMinute ?? null,
    retryAfter: opts.retryAfter ?? 'seconds',
  };
  const gen = createGenerator(opts.dataset ?? buildDemoDataset(), opts.pageOrder, opts.hourEffect);
  const idleTimeoutMs = opts.idleTimeoutMs ?? 10 * 60_000;
  let stats = emptyStats();
  const faults = createFaultQueue();
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

  const count = (record: Record<string, number>, key: string): void => {
    record[key] = (record[key] ?? 0) + 1;
  };

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
    if (!answer) return replyJson(res, 404, { status: 'error', message: `Unknown endpoint ${path}` });
    if (!key || (options.key !== undefined && key !== options.key))
      return replyJson(res, 200, AUTH_ERROR_BODY);
    if (answer.charged) {
      stats.credits += 1;
      count(stats.creditsByEndpoint, path);
    }
    replyJson(res, answer.status, answer.body);
  }

  /** The body this request would normally get, for faults that cut it short. */
  function fullBody(path: string, q: URLSearchParams): Buffer {
    const answer = route(gen, path, q, clock());
    return Buffer.from(JSON.stringify(answer?.body ?? { videos: [], cursor: '0', hasMore: false }));
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
        return replyJson(res, 429, STATUS_BODIES[429], retryAfterHeader());
      }
      admitted.push(t);
    }

    const fault = faults.take(path, q);
    if (fault) {
      const serveNormally = (): void => serve(res, path, q, key);
      return serveFault(fault, req, res, { stats, serve: serveNormally, fullBody: () => fullBody(path, q) });
    }
    if (req.method !== 'GET') return replyJson(res, 405, { status: 'error', message: 'Method not allowed' });
    serve(res, path, q, key);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      replyJson(res, 500, { message: e instanceof Error ? e.message : 'Internal error' });
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
    inject: (f) => faults.inject(f),
    clearFaults: () => faults.clear(),
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
