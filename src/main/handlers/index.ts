// The main process's IPC handlers as plain functions over injected services, joined from one part per domain.
// Electron wires them to ipcMain; the browser preview and the tests call the very same functions.
import { AppSession } from '../session';
import type { HandlerServices } from '../services';
import { createAppHandlers } from './app';
import { createBrandingHandlers } from './branding';
import { createCreatorFitHandlers } from './creator-fit';
import { createDecodeHandlers } from './decode';
import { createHistoryHandlers } from './history';
import { createKeychainHandlers } from './keychain';
import { createListsHandlers } from './lists';
import { createLocalizeHandlers } from './localize';
import { createPlanHandlers } from './plan';
import { createReportsHandlers } from './reports';
import { createRunHandlers } from './run';
import { createSettingsHandlers } from './settings';
import { createTrackHandlers } from './track';
import { joinHandlers } from './join';
import type { Handlers } from './types';
import { createWatchHandlers } from './watch';
import { closeWorkspace, createWorkspaceHandlers } from './workspace';

export type { Handlers };

export interface MainHandlers {
  handlers: Handlers;
  /** Quitting or closing the window: stops the runs (each keeps what it fetched) and releases the lock. */
  dispose(): Promise<void>;
}

export function createMainHandlers(s: HandlerServices): MainHandlers {
  const ctx = { s, session: new AppSession() };
  const handlers: Handlers = joinHandlers({
    app: createAppHandlers(ctx),
    keychain: createKeychainHandlers(ctx),
    workspace: createWorkspaceHandlers(ctx),
    lists: createListsHandlers(ctx),
    settings: createSettingsHandlers(ctx),
    branding: createBrandingHandlers(ctx),
    run: createRunHandlers(ctx),
    history: createHistoryHandlers(ctx),
    decode: createDecodeHandlers(ctx),
    'creator-fit': createCreatorFitHandlers(ctx),
    track: createTrackHandlers(ctx),
    reports: createReportsHandlers(ctx),
    watch: createWatchHandlers(ctx),
    plan: createPlanHandlers(ctx),
    localize: createLocalizeHandlers(ctx),
  });

  return { handlers, dispose: async () => void (await closeWorkspace(ctx)) };
}
