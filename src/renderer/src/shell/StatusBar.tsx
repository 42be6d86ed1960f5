// The status bar: workspace, where the key stands (never the key), online or offline, how fresh the results
// are, the problems, credits of the last action and of this week, and the run going on. Its items act on a click,
// as VS Code's do: the problems open Problems, the credits the History's ledger, the run state Results.
import { useEffect, useState } from 'react';
import { useCreditsStore } from '../stores/credits-store';
import { isGoing, JOB_VERB, useJobsStore } from '../stores/jobs-store';
import { formatCredits, formatPairsDone, plural } from '../../../shared/number-format';
import { focusWhenShown } from '../stores/reveal-store';
import { useRunStore } from '../stores/run-store';
import { useUiStore } from '../stores/ui-store';
import { useProblems } from './Panel';
import { useWorkspaceStore } from '../stores/workspace-store';
import { ledgerWords } from '../../../shared/ledger';

const KEY_TEXT = {
  set: 'Key set',
  'not-set': 'No key',
  rejected: 'Key rejected',
  unavailable: 'Keychain unavailable',
};

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = (): void => setOnline(true);
    const down = (): void => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

export function StatusBar(): React.JSX.Element {
  const ws = useWorkspaceStore((s) => s.workspace);
  const key = useWorkspaceStore((s) => s.key);
  const active = useRunStore((s) => s.active);
  const outcome = useRunStore((s) => s.outcome);
  const rescoring = useRunStore((s) => s.rescoring);
  // Another job going (a decode, creator fit, the track record) shows here too, whatever view is open.
  const job = useJobsStore((s) =>
    Object.values(s.jobs).find((j) => j.kind !== 'score' && j.kind !== 'watch' && isGoing(j)),
  );
  const online = useOnline();
  // The workspace's credit ledger (credits-store.ts): read as the workspace opens, and again after every call that
  // can spend; the last action's figure is what the ledger grew by across it.
  const week = useCreditsStore((s) => (ws ? s.ledger : null));
  const lastCredits = useCreditsStore((s) => (ws ? s.last : null));
  const wsDir = ws?.dir;
  useEffect(() => {
    void useCreditsStore.getState().load(true);
  }, [wsDir]);
  const problems = useProblems().count;
  const keyText = ws?.demo ? 'Demo: simulated data' : key ? KEY_TEXT[key.state] : '…';
  const runText = active
    ? `Running: ${formatPairsDone(active.done, active.total)} · ${formatCredits(active.credits)}${active.cancelling ? ' · cancelling' : ''}`
    : job
      ? `${JOB_VERB[job.kind]}: ${job.progress.done} of ${job.progress.total || '…'} ${job.progress.unit} · ${formatCredits(job.progress.credits)}${job.status === 'cancelling' ? ' · cancelling' : ''}`
      : rescoring
        ? 'Re-scoring…'
        : outcome
          ? `${outcome.rescore ? 'Re-scored' : 'Last run'}: ${outcome.ended === 'stopped-by-user' ? 'cancelled' : outcome.ended.replace(/-/g, ' ')}`
          : 'Idle';
  return (
    <footer className="status-bar" aria-label="Status bar">
      <span title={ws?.dir}>{ws ? `${ws.name}${ws.readOnly ? ' (read-only)' : ''}` : 'No workspace'}</span>
      <span
        className={`key ${ws?.demo ? 'demo' : (key?.state ?? '')}`}
        title={ws?.demo ? 'The demo workspace runs on the built-in simulator.' : key?.message}
      >
        {keyText}
      </span>
      <span>{online ? 'Online' : 'Offline'}</span>
      {outcome && (
        <span className="freshness" title="When the samples behind the results were fetched">
          Results of {new Date(outcome.result.now).toLocaleString()} ·{' '}
          {/* A re-score from the samples in hand read no answer: "0 answers from the cache" would say it had none. */}
          {outcome.rescore && outcome.result.credits.fromCache === 0
            ? 're-scored from the samples in hand'
            : `${plural(outcome.result.credits.fromCache, 'answer')} from the cache`}
        </span>
      )}
      <span className="spacer" />
      {ws && (
        <button
          className="status-item"
          title="Show the problems (failed pairs, invalid rows)"
          onClick={() => useUiStore.getState().setPanel('problems')}
        >
          <span className="codicon codicon-error" aria-hidden="true" /> {plural(problems, 'problem')}
        </button>
      )}
      <span title="Credits of the last action">{lastCredits === null ? '' : formatCredits(lastCredits)}</span>
      {week !== null && (
        <button
          className="status-item"
          title={`${ledgerWords(week)} Click: the ledger in History.`}
          onClick={showLedger}
        >
          {formatCredits(week.week)} this week
        </button>
      )}
      <button
        className="status-item run-state"
        // The full text where a narrow window cuts it (styles.css: the bar's items give way with an ellipsis).
        title={`${runText}. Show Results`}
        onClick={() => useUiStore.getState().openView('results')}
      >
        <span aria-live="polite">{runText}</span>
      </button>
    </footer>
  );
}

/** The credit ledger where it is read in full: History's "Credits spent", brought into sight. */
function showLedger(): void {
  useUiStore.getState().openView('history');
  focusWhenShown(() => document.querySelector<HTMLElement>('section[aria-label="Credits spent"]'));
}
