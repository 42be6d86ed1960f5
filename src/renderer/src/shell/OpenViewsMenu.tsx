// The tab strip's overflow list (VS Code's "Show Opened Editors"): a button after the tabs that lists every open
// view, so a tab scrolled out of the strip is one pick away, by mouse or by keys.
import { useEffect, useRef, useState } from 'react';
import { useUiStore } from '../stores/ui-store';
import { VIEW_TITLES } from '../view-registry';

export function OpenViewsMenu(): React.JSX.Element {
  const tabs = useUiStore((s) => s.tabs);
  const active = useUiStore((s) => s.active);
  const openView = useUiStore((s) => s.openView);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  // Opened, the menu takes focus on the view showing (the menu button pattern of the ARIA practices).
  useEffect(() => {
    if (!open) return;
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    (items.find((i) => i.dataset.view === active) ?? items[0])?.focus();
  }, [open, active]);
  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onKey = (e: React.KeyboardEvent): void => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const to =
      e.key === 'ArrowDown'
        ? (i + 1) % items.length
        : e.key === 'ArrowUp'
          ? (i - 1 + items.length) % items.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? items.length - 1
              : null;
    if (to !== null) {
      e.preventDefault();
      items[to]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      close(true);
    }
  };
  return (
    <div className="open-views">
      <button
        ref={button}
        className="icon-button"
        aria-label="Open views list"
        title="Open views list"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span className="codicon codicon-chevron-down" aria-hidden="true" />
      </button>
      {open && (
        <div
          ref={menu}
          className="menu"
          role="menu"
          aria-label="Open views"
          onKeyDown={onKey}
          // Focus leaving the menu (a click elsewhere) closes it.
          onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && close(false)}
        >
          {tabs.map((t) => (
            <button
              key={t}
              role="menuitem"
              tabIndex={-1}
              data-view={t}
              className={t === active ? 'current' : ''}
              onClick={() => {
                openView(t);
                close(false);
                // The chosen tab has focus afterwards, as after a click on it.
                setTimeout(() => document.getElementById(`tab-${t}`)?.focus(), 0);
              }}
            >
              {VIEW_TITLES[t]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
