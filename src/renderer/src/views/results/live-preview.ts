// A run's partial results shaped as its outcome, so the results grid shows them the same way while it goes on.
import { NO_CREDITS, type ScoringSettings } from '../../../../shared/model';
import type { RunOutcome, RunPartial } from '../../../../shared/ipc-payloads';

export function livePreview(p: RunPartial, settings: ScoringSettings): RunOutcome {
  return {
    runId: p.runId,
    ended: 'finished',
    // The count of pairs is the progress line's alone (RunProgress): a second count here would lag it and contradict.
    summary:
      'Running: the pairs scored so far, ranked among themselves; the scores settle when the run ends.',
    result: {
      now: '',
      preset: settings.preset,
      settings,
      regions: p.regions,
      credits: NO_CREDITS,
      failed: [],
    },
    failed: [],
    rescore: false,
    written: [],
    partial: true,
    reportError: null,
    historyError: null,
    ms: 0,
  };
}
