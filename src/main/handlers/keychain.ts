// The key: set (write-only), test with one cheap call, state, delete. It never crosses to the renderer.
import { TagfitError } from '../../core/errors';
import { openApiSession } from '../../core/job/api-session';
import { resolveApiKey } from '../../core/secrets/key-policy';
import { Secret } from '../../core/secrets/secret';
import { type HandlerContext, keyState } from './context';
import type { DomainHandlers } from './types';

type Channels = 'keychain:get-state' | 'keychain:set-key' | 'keychain:test-key' | 'keychain:delete-key';

export function createKeychainHandlers(ctx: HandlerContext): DomainHandlers<Channels> {
  return {
    'keychain:get-state': () => keyState(ctx),
    async 'keychain:set-key'({ key }) {
      await ctx.s.keychain.set(new Secret(key.trim()));
      ctx.session.keyRejected = false;
      return keyState(ctx);
    },
    async 'keychain:test-key'() {
      const key = await resolveApiKey({ demo: false, env: ctx.s.envKey, keychain: ctx.s.keychain });
      // One call, the region list: the cheapest answer there is, and not cached, so it really asks.
      const session = await openApiSession({
        now: ctx.s.clock(),
        demo: false,
        apiBase: ctx.s.apiBase,
        key,
        timeoutMs: 15_000,
        retry: { retries: 1 },
        // Its credit counts in the open workspace's ledger, if one is open.
        ...(ctx.session.current
          ? { ledgerDataDir: ctx.session.current.ws.paths.data, job: 'key-test' as const }
          : {}),
      });
      try {
        const regions = await session.api.regionList();
        ctx.session.keyRejected = false;
        return {
          ok: true,
          key: await keyState(ctx),
          message: `TikLiveAPI accepted the key (it knows ${Object.keys(regions).length} regions; 1 credit).`,
        };
      } catch (e) {
        if (!(e instanceof TagfitError)) throw e;
        if (e.code === 'auth') ctx.session.keyRejected = true;
        const message =
          e.code === 'auth'
            ? 'TikLiveAPI refused the key: check it, or the balance of credits.'
            : `The key could not be tested: ${e.message}`;
        return { ok: false, key: await keyState(ctx), message };
      } finally {
        await session.close();
      }
    },
    async 'keychain:delete-key'() {
      await ctx.s.keychain.delete();
      ctx.session.keyRejected = false;
      return keyState(ctx);
    },
  };
}
