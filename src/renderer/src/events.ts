// The one app-level subscription: progress events routed by run id to the jobs store (every job's progress) and
// the score run's slice (its pairs), menu commands to the command registry, the shell's requests (open a view, a
// workspace; a notice), a due watch run when a workspace opens. Returns its disposer.
import { on, onInvokeSettled } from './bridge';
import { runCommand } from './commands';
import { useCreditsStore } from './stores/credits-store';
import { useJobsStore } from './stores/jobs-store';
import { useRunStore } from './stores/run-store';
import { useUiStore } from './stores/ui-store';
import { watchOnOpen } from './stores/watch-store';
import { useWorkspaceStore } from './stores/workspace-store';

export function subscribeAppEvents(): () => void {
  const offs = [
    on('run:progress', (e) => {
      useJobsStore.getState().onProgress(e);
      if (e.job === 'score') useRunStore.getState().onProgress(e.runId, e.progress);
    }),
    on('run:partial', (p) => useRunStore.getState().onPartial(p)),
    on('run:intervals', (p) => useRunStore.getState().onIntervals(p)),
    on('app:command', (e) => runCommand(e.command)),
    // From the shell: a click on a notification, a workspace a second launch named, a line to say.
    on('app:open-view', (e) => useUiStore.getState().openView(e.view)),
    on('app:open-workspace', (e) => void useWorkspaceStore.getState().open(e.dir)),
    on('app:notice', (n) => useUiStore.getState().log(n.level, n.text)),
    watchOnOpen(),
    // Every call that can spend credits: the ledger read again (the status bar's credits, History's).
    onInvokeSettled((channel) => useCreditsStore.getState().settled(channel)),
  ];
  return () => offs.forEach((off) => off());
}
