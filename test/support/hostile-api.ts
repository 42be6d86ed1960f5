// A small TikLiveAPI stand-in on 127.0.0.1 whose answers a test writes itself (a hostile name, an absurd count,
// a flood of bytes), for the cases the simulator's dataset does not hold. Real HTTP, like the simulator.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostileTag {
  /** The `cha_name` served (default: the name asked for). */
  chaName?: string;
  /** Likes of every post (default 100 + i). */
  likes?: number;
  /** Serve this many bytes of JSON padding as the posts answer instead of a normal page. */
  floodBytes?: number;
}

export interface HostileApi {
  url: string;
  /** Every request: path and the X-Api-Key header it carried. */
  requests: { path: string; key: string | undefined; query: Record<string, string> }[];
  /** Per flood answer: the bytes handed to the socket, and whether the client hung up before the end. */
  floods: { sent: number; cutShort: boolean }[];
  close(): Promise<void>;
}

const NOW_S = Math.floor(Date.parse('2026-11-20T00:00:00Z') / 1000);

function posts(name: string, tag: HostileTag): unknown {
  return {
    videos: Array.from({ length: 30 }, (_, i) => ({
      video_id: `${name}-${i}`,
      title: `post ${i} #${name}`,
      digg_count: tag.likes ?? 100 + i,
      comment_count: 1,
      share_count: 1,
      collect_count: 1,
      play_count: 1000,
      create_time: NOW_S - i * 86_400,
      author: { unique_id: `author_${i % 7}` },
    })),
    cursor: '30',
    hasMore: false,
  };
}

/** Serves /region-list/ (US, GB), /challenge-info-name/ and /challenge-posts/ for the given tags. */
export async function startHostileApi(tags: Record<string, HostileTag>): Promise<HostileApi> {
  const requests: HostileApi['requests'] = [];
  const floods: HostileApi['floods'] = [];
  const byId = new Map(Object.keys(tags).map((name, i) => [`id${i + 1}`, name]));
  const send = (res: ServerResponse, body: unknown): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  // Stops by itself when a test forgets it: two idle minutes and it closes.
  let idle: ReturnType<typeof setTimeout> | undefined;
  const touch = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => void close(), 120_000);
    idle.unref();
  };
  const close = (): Promise<void> =>
    new Promise<void>((resolve) => {
      clearTimeout(idle);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    touch();
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(u.searchParams);
    const key = req.headers['x-api-key'];
    requests.push({ path: u.pathname, key: Array.isArray(key) ? key[0] : key, query });
    if (u.pathname === '/region-list/') return send(res, { US: 'United States', GB: 'United Kingdom' });
    if (u.pathname === '/challenge-info-name/') {
      const name = query.name ?? '';
      const tag = tags[name];
      if (!tag) return send(res, { status: 'error', message: 'Not found challenge' });
      const id = [...byId].find(([, n]) => n === name)![0];
      return send(res, {
        id,
        cha_name: tag.chaName ?? name,
        desc: '',
        user_count: 1000,
        view_count: 100000,
        is_commerce: false,
      });
    }
    if (u.pathname === '/challenge-posts/') {
      const name = byId.get(query.challenge_id ?? '');
      const tag = name === undefined ? undefined : tags[name];
      if (!name || !tag) return send(res, { status: 'error', message: 'Not found challenge' });
      if (tag.floodBytes !== undefined) {
        // Chunked, no content-length: the client must count as it reads.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const flood = { sent: 0, cutShort: false };
        floods.push(flood);
        let sent = 0;
        res.on('close', () => {
          flood.sent = sent;
          flood.cutShort = !res.writableFinished;
        });
        res.write('{"videos":[');
        const pump = (): void => {
          while (sent < tag.floodBytes!) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end('],"cursor":"0","hasMore":false}');
        };
        res.on('error', () => {});
        return pump();
      }
      return send(res, posts(name, tag));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  touch();
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, floods, close };
}
