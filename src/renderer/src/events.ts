// The one app-level subscription: progress events routed by run id to the run store, menu commands to the
// command registry. Returns its disposer.
import { on } from './bridge';
import { runCommand } from './commands';
import { useRunStore } from './stores/run-store';

export function subscribeAppEvents(): () => void {
  const offs = [
    on('run:progress', (e) => useRunStore.getState().onProgress(e.runId, e.progress)),
    on('run:partial', (p) => useRunStore.getState().onPartial(p)),
    on('app:command', (e) => runCommand(e.command)),
  ];
  return () => offs.forEach((off) => off());
}
