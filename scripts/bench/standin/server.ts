// The stand-in's HTTP face: /region-list/, /challenge-info-name/ and /challenge-posts/ in the shapes of the API
// description (errors as HTTP 200 bodies, `count` at most 35, cursor paging), answered from a seeded world.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWorld, type World, type WorldTag } from './world';
import { orderPosts, pairPosts, type StandinOrder, type StandinPost } from './posts';

export interface StandinOptions {
  key: string;
  /** The run's clock in ms: post times are drawn back from it. */
  now: number;
  order?: StandinOrder;
  world?: World;
}

export interface Standin {
  url: string;
  world: World;
  /** Calls answered with data, as the API would bill them. */
  calls(): number;
  close(): Promise<void>;
}

const MAX_COUNT = 35;

function challengeOf(tag: WorldTag): Record<string, unknown> {
  const views = tag.mega
    ? 1.8e11 + (Number(tag.id) % 97) * 1e9
    : Math.round(tag.volume * Math.exp(tag.likeLog) * 900);
  return {
    id: tag.id,
    cha_name: tag.name,
    desc: tag.commercial ? `Join the #${tag.name} challenge by our brand` : '',
    user_count: tag.mega ? 90_000_000 : tag.authorPool * 40,
    view_count: views,
    is_commerce: tag.commercial,
    is_challenge: true,
    is_pgcshow: false,
    is_strong_music: false,
    type: 1,
    cover: `https://standin.invalid/challenge/${tag.name}.jpg`,
  };
}

/** Starts the stand-in on 127.0.0.1 at a free port. */
export async function startStandin(o: StandinOptions): Promise<Standin> {
  const world = o.world ?? buildWorld();
  const order = o.order ?? 'newest';
  const byName = new Map(world.tags.map((t) => [t.name.toLowerCase(), t]));
  const byId = new Map(world.tags.map((t) => [t.id, t]));
  const regions = new Map(world.regions.map((r) => [r.code, r]));
  const served = new Map<string, StandinPost[]>();
  let billed = 0;

  const postsFor = (tag: WorldTag, code: string): StandinPost[] => {
    const key = `${tag.id}|${code}`;
    let list = served.get(key);
    if (!list) {
      const region = code ? (regions.get(code) ?? null) : null;
      list =
        code && !region
          ? []
          : orderPosts(pairPosts(world, tag, region, o.now), order, `${world.seed}|${key}`);
      served.set(key, list);
    }
    return list;
  };

  const answer = (q: URLSearchParams, path: string): unknown => {
    if (path === '/region-list/') return Object.fromEntries(world.regions.map((r) => [r.code, r.name]));
    if (path === '/challenge-info-name/') {
      const name = (q.get('name') ?? '').replace(/^#/, '').toLowerCase();
      const tag = byName.get(name);
      return tag ? challengeOf(tag) : { status: 'error', message: `Not found challenge "${name}"` };
    }
    if (path === '/challenge-posts/') {
      const tag = byId.get(q.get('challenge_id') ?? '');
      if (!tag) return { status: 'error', message: 'Not found challenge_id' };
      const count = Math.min(MAX_COUNT, Math.max(1, Number(q.get('count')) || 30));
      const start = Math.max(0, Math.floor(Number(q.get('cursor')) || 0));
      const list = postsFor(tag, (q.get('region') ?? '').toUpperCase());
      const end = Math.min(list.length, start + count);
      return { videos: list.slice(start, end), cursor: String(end), hasMore: end < list.length };
    }
    return null;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(405, { message: 'Method not allowed' });
    if (req.headers['x-api-key'] !== o.key) return send(200, { message: 'Api-Key is not available' });
    const body = answer(url.searchParams, path);
    if (body === null) return send(404, { message: `No endpoint ${path}` });
    if (!(typeof body === 'object' && body !== null && 'status' in body)) billed += 1;
    send(200, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    world,
    calls: () => billed,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
