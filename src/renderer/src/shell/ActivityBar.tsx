// The activity bar: one button per view, named as the view.
import { useUiStore, VIEW_TITLES, type ViewId } from '../stores/ui-store';

const ICONS: Record<Exclude<ViewId, 'welcome'>, string> = {
  candidates: '#',
  targets: '@',
  regions: '◍',
  results: '▤',
  compare: '▦',
  history: '↺',
  competitors: '⚑',
  'creator-fit': '★',
  suggestions: '✦',
  watch: '◷',
  settings: '⚙',
};

export function ActivityBar(): React.JSX.Element {
  const active = useUiStore((s) => s.active);
  const openView = useUiStore((s) => s.openView);
  return (
    <nav className="activity-bar" aria-label="Activity bar">
      {(Object.keys(ICONS) as (keyof typeof ICONS)[]).map((v) => (
        <button
          key={v}
          className={active === v ? 'active' : ''}
          aria-pressed={active === v}
          aria-label={VIEW_TITLES[v]}
          title={VIEW_TITLES[v]}
          onClick={() => openView(v)}
        >
          <span aria-hidden="true">{ICONS[v]}</span>
        </button>
      ))}
    </nav>
  );
}
