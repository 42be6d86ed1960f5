// The one app-level subscription: progress events routed by run id to the run store, menu commands to the
// command registry, a due watch run when a workspace opens. Returns its disposer.
import { on } from './bridge';
import { runCommand } from './commands';
import { useRunStore } from './stores/run-store';
import { watchOnOpen } from './stores/watch-store';

export function subscribeAppEvents(): () => void {
  const offs = [
    on('run:progress', (e) => useRunStore.getState().onProgress(e.runId, e.progress)),
    on('run:partial', (p) => useRunStore.getState().onPartial(p)),
    on('app:command', (e) => runCommand(e.command)),
    watchOnOpen(),
  ];
  return () => offs.forEach((off) => off());
}
