// The activity bar: one button per view of the view registry, named as the view, with its codicon and, in its
// tooltip, the shortcut from the keybinding table. A click opens the view in the preview tab, a double-click pins it
// (VS Code's single and double click in its explorer).
import { keyLabel } from '../../../shared/keybindings';
import { useUiStore } from '../stores/ui-store';
import { ACTIVITY_VIEWS } from '../view-registry';

const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

export function ActivityBar(): React.JSX.Element {
  const active = useUiStore((s) => s.active);
  const openView = useUiStore((s) => s.openView);
  return (
    <nav className="activity-bar" aria-label="Activity bar">
      {ACTIVITY_VIEWS.map((v) => (
        <button
          key={v.id}
          className={active === v.id ? 'active' : ''}
          aria-pressed={active === v.id}
          aria-label={v.title}
          title={v.keybinding ? `${v.title} (${keyLabel(v.keybinding, mac)})` : v.title}
          onClick={() => openView(v.id, 'preview')}
          onDoubleClick={() => openView(v.id, 'pin')}
        >
          <span className={`codicon codicon-${v.icon}`} aria-hidden="true" />
        </button>
      ))}
    </nav>
  );
}
