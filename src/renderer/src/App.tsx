// The app's one view: lists and preset on the left, progress and the ranked results on the right.
import { useEffect, useState } from 'react';
import type { PresetName } from '../../shared/model';
import { ResultsGrid } from './components/ResultsGrid';
import { useRunStore } from './stores/run-store';

export function App(): React.JSX.Element {
  const s = useRunStore();
  const [key, setKey] = useState('');
  useEffect(() => {
    void useRunStore.getState().load();
  }, []);
  const region = s.region && s.result ? s.result.regions[s.region] : undefined;
  return (
    <div className="app">
      <aside className="side">
        <h1>Tagfit</h1>
        {s.status?.demo && (
          <div className="banner">Demo mode: no API key, the built-in simulator answers.</div>
        )}
        <label htmlFor="tags">Candidate hashtags</label>
        <textarea id="tags" value={s.tags} onChange={(e) => s.setField('tags', e.target.value)} />
        <label htmlFor="creators">Target creators</label>
        <textarea id="creators" value={s.creators} onChange={(e) => s.setField('creators', e.target.value)} />
        <label htmlFor="regions">Regions</label>
        <textarea id="regions" value={s.regions} onChange={(e) => s.setField('regions', e.target.value)} />
        <label htmlFor="preset">Preset</label>
        <select id="preset" value={s.preset} onChange={(e) => s.setPreset(e.target.value as PresetName)}>
          <option value="seed">seed (the article's method)</option>
          <option value="organic">organic</option>
          <option value="paid">paid</option>
        </select>
        <p>
          {s.running ? (
            <button onClick={() => void s.cancel()}>Cancel</button>
          ) : (
            <button onClick={() => void s.start()}>Score</button>
          )}
        </p>
        <label htmlFor="key">TikLiveAPI key (stored in the OS keychain, never shown again)</label>
        <input id="key" type="password" value={key} onChange={(e) => setKey(e.target.value)} />
        <button
          onClick={() => {
            void s.saveKey(key);
            setKey('');
          }}
          disabled={key.trim().length < 8}
        >
          Save key
        </button>
        {s.status?.keychainProblem && <p className="error">{s.status.keychainProblem}</p>}
      </aside>
      <main className="main">
        <div className="status" role="status">
          {s.progress && s.progress.type !== 'queued' && s.progress.type !== 'done'
            ? `${s.progress.done}/${s.progress.total} pairs · ${s.progress.credits} credits`
            : s.progress?.type === 'done'
              ? `Done: ${s.progress.credits} credits, ${s.progress.failed} failed`
              : ''}
        </div>
        {s.error && <div className="error">{s.error}</div>}
        {s.result && (
          <div className="tabs">
            {Object.keys(s.result.regions).map((code) => (
              <button key={code} aria-pressed={code === s.region} onClick={() => s.setRegion(code)}>
                {code}
              </button>
            ))}
          </div>
        )}
        {region && <ResultsGrid rows={region.ranked} />}
      </main>
    </div>
  );
}
