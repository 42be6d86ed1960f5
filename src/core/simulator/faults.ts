// Injected faults: one-shot misbehaviours matched to requests in order, and how each is served (a status, a
// time-out, a cut or malformed body, an HTML page, an error body with HTTP 200).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { replyJson, sleep } from './reply';
import { AUTH_ERROR_BODY, normalisePath } from './routes';
import type { Fault, SimulatorStats } from './simulator-types';

const HTML_PAGE = (status: number): string =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

export const STATUS_BODIES: Record<number, unknown> = {
  401: { message: 'Unauthorized' },
  403: { message: 'Forbidden' },
  404: { status: 'error', message: 'Not found' },
  429: { message: 'Too many requests' },
};

/** The faults waiting for their requests, each with how many more it hits. */
export function createFaultQueue(): {
  inject(f: Fault): void;
  clear(): void;
  take(path: string, q: URLSearchParams): Fault | null;
} {
  let faults: (Fault & { left: number })[] = [];
  return {
    inject(f) {
      faults.push({ ...f, left: f.times ?? 1 });
    },
    clear() {
      faults = [];
    },
    take(path, q) {
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
    },
  };
}

interface FaultContext {
  stats: SimulatorStats;
  /** Answers the request normally (a delayed time-out ends so). */
  serve(): void;
  /** The body the request would normally get, for faults that cut it short. */
  fullBody(): Buffer;
}

export async function serveFault(
  f: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: FaultContext,
): Promise<void> {
  const { stats } = ctx;
  stats.faultsServed += 1;
  switch (f.kind) {
    case 'status': {
      const status = f.status ?? 500;
      if (status === 429) {
        stats.rateLimited += 1;
        const ra = f.retryAfter ?? '1';
        return replyJson(res, 429, STATUS_BODIES[429], ra === '' ? {} : { 'Retry-After': ra });
      }
      return replyJson(res, status, STATUS_BODIES[status] ?? { message: `HTTP ${status}` });
    }
    case 'timeout':
      // Without a delay the request simply never gets an answer; close() or the client ends it.
      if (f.delayMs === undefined) return;
      await sleep(f.delayMs);
      if (req.socket.destroyed) return;
      return ctx.serve();
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
      const body = ctx.fullBody();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.end());
      return;
    }
    case 'drop': {
      const body = ctx.fullBody();
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
      return replyJson(res, 200, { status: 'error', message: 'Not found challenge' });
    case 'auth-200':
      return replyJson(res, 200, AUTH_ERROR_BODY);
  }
}
