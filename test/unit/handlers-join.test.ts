// The handler maps are joined by a function that refuses a channel two domains both answer, at start-up.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryKeychain } from '../../src/core/secrets/keychain';
import { createMainHandlers } from '../../src/main/handlers';
import { joinHandlers } from '../../src/main/handlers/join';
import { invokeChannels } from '../../src/shared/ipc-contract';

describe('joinHandlers', () => {
  it('joins the domains, each channel once', async () => {
    const joined = joinHandlers({
      a: { 'x:one': async () => 1 },
      b: { 'x:two': async () => 2 },
    });
    expect(Object.keys(joined).sort()).toEqual(['x:one', 'x:two']);
    expect(await joined['x:two']()).toBe(2);
  });

  it('refuses a channel two domains answer, naming the channel and both domains', () => {
    expect(() =>
      joinHandlers({
        run: { 'run:start': async () => 'first' },
        watch: { 'run:start': async () => 'second' },
      }),
    ).toThrow('IPC channel run:start has two handlers: in run and in watch.');
  });

  it("the app's handlers answer every channel of the contract, and nothing else", async () => {
    const main = createMainHandlers({
      keychain: createMemoryKeychain(),
      clock: () => new Date('2026-11-20T00:00:00Z'),
      emit: () => {},
      paths: { demoDir: path.resolve('resources/demo'), demoWorkspace: path.resolve('/nonexistent/demo') },
      dialogs: { pickFolder: async () => null, pickImage: async () => null },
      notifier: { notify: () => {} },
      appSettings: {
        get: () => ({
          version: 1,
          theme: 'system',
          recentWorkspaces: [],
          lastWorkspace: null,
          exportDirs: {},
          window: { width: 1200, height: 800, maximized: false },
        }),
        update: () => {
          throw new Error('not in this test');
        },
        notice: null,
      },
      shell: 'web',
      version: 'test',
    });
    expect(Object.keys(main.handlers).sort()).toEqual([...invokeChannels].sort());
    await main.dispose();
  });
});
