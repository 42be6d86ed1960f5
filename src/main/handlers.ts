// The main process's IPC handlers as plain functions over injected services: Electron wires them to
// ipcMain, the tests and the browser test harness call the very same functions.
import path from 'node:path';
import type { InvokeChannel, InvokeRequest, InvokeResponses, EventPayloads } from '../shared/ipc-contract';
import type { RunRequest } from '../shared/ipc-contract';
import { TagfitError } from '../core/errors';
import { resolveSettings } from '../core/engine/presets';
import { listFromValues, readCreatorList, readRegionList, readTagList } from '../core/input/csv-lists';
import { runScoreJob } from '../core/job/score-job';
import type { Keychain } from '../core/secrets/keychain';
import { resolveApiKey } from '../core/secrets/key-policy';
import { Secret } from '../core/secrets/secret';

export interface HandlerServices {
  keychain: Keychain;
  clock: () => Date;
  /** Folder of the demo lists (resources/demo). */
  demoDir: string;
  apiBase?: string;
  version: string;
  emit: <E extends keyof EventPayloads>(channel: E, payload: EventPayloads[E]) => void;
}

export type Handlers = { [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponses[C]> };

/**
 * The lists as the editor sends them, validated and merged like the CLI's CSV files; an invalid item is an
 * input error that names the list, the item's position and the reason (nothing is sent to the API).
 */
function checkedLists(request: RunRequest): { tags: string[]; creators: string[]; regions: string[] } {
  const tags = listFromValues('tags', request.tags, 'Candidate hashtags');
  const creators = listFromValues('creators', request.creators, 'Target creators');
  const regions = listFromValues('regions', request.regions, 'Regions');
  const errors = [...tags.errors, ...creators.errors, ...regions.errors];
  if (errors.length > 0) {
    throw new TagfitError('input', errors.map((e) => `${e.file}, item ${e.line}: ${e.reason}`).join('\n'));
  }
  return { tags: tags.values, creators: creators.values, regions: regions.values };
}

export function createHandlers(s: HandlerServices): Handlers {
  let running: AbortController | undefined;
  const hasKey = async (): Promise<boolean> => {
    try {
      return (await s.keychain.get()) !== undefined;
    } catch {
      return false;
    }
  };
  return {
    async 'app:get-status'() {
      const keychainProblem = await s.keychain.unavailable();
      const has = keychainProblem ? false : await hasKey();
      return { hasKey: has, demo: !has, keychainProblem, version: s.version };
    },
    async 'keychain:set-key'({ key }) {
      await s.keychain.set(new Secret(key.trim()));
      return { hasKey: await hasKey() };
    },
    async 'keychain:delete-key'() {
      await s.keychain.delete();
      return { hasKey: await hasKey() };
    },
    async 'lists:get-demo'() {
      const [tags, creators, regions] = await Promise.all([
        readTagList(path.join(s.demoDir, 'tags.csv')),
        readCreatorList(path.join(s.demoDir, 'creators.csv')),
        readRegionList(path.join(s.demoDir, 'regions.csv')),
      ]);
      return { tags: tags.values, creators: creators.values, regions: regions.values };
    },
    async 'run:start'(request: RunRequest) {
      if (running)
        throw new TagfitError('input', 'A run is already going; cancel it or wait for it to finish.');
      running = new AbortController();
      try {
        const settings = resolveSettings(request.preset, {
          ...(request.weights ? { weights: request.weights } : {}),
          ...(request.windowDays ? { windowDays: request.windowDays } : {}),
          ...(request.keepCommercial !== undefined ? { keepCommercial: request.keepCommercial } : {}),
        });
        const lists = checkedLists(request);
        // The key policy of core: a keychain that fails is said, never turned into a demo run on simulated data.
        const demo = request.demo === true;
        const key = await resolveApiKey({ demo, keychain: s.keychain });
        const outcome = await runScoreJob({
          candidates: lists.tags,
          targets: lists.creators,
          regions: lists.regions,
          settings,
          now: s.clock(),
          demo,
          apiBase: s.apiBase,
          key,
          signal: running.signal,
          onProgress: (p) => s.emit('run:progress', p),
        });
        return outcome.result;
      } finally {
        running = undefined;
      }
    },
    async 'run:cancel'() {
      const had = running !== undefined;
      running?.abort();
      return { cancelled: had };
    },
  };
}
