// The command palette (Ctrl/Cmd+Shift+P): every action, with its shortcut, matched as you type (the letters in
// order, best first: fuzzy.ts).
import { useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { allCommands } from '../commands';
import { useFocusReturn } from './Dialogs';
import { useUiStore } from '../stores/ui-store';
import { fuzzyFilter } from './fuzzy';

export function CommandPalette(): React.JSX.Element | null {
  const open = useUiStore((s) => s.paletteOpen);
  // Mounted anew at each opening, so it starts empty: cleared in an effect after opening instead, keys typed in
  // that moment (a busy machine, a fast typist) were wiped and Enter ran the first command.
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog(): React.JSX.Element {
  const setOpen = useUiStore((s) => s.setPalette);
  // Closed (Escape, a click outside, a command), it gives the focus back as a dialog does.
  useFocusReturn();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const commands = useMemo(() => allCommands(), []);
  const shown = useMemo(() => fuzzyFilter(query, commands), [query, commands]);
  const run = (i: number): void => {
    const c = shown[i];
    if (!c) return;
    // Closed first, the focus back where the user was: the command then acts from there (a dialog it opens
    // gives the focus back to that place, not to the palette's input, gone).
    flushSync(() => setOpen(false));
    c.run();
  };
  return (
    <div className="overlay" onMouseDown={() => setOpen(false)}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          // Focused as it appears, so keys typed right after the shortcut land in it.
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-label="Type a command"
          placeholder="Type a command"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
            if (e.key === 'ArrowDown') setIndex(Math.min(index + 1, shown.length - 1));
            if (e.key === 'ArrowUp') setIndex(Math.max(index - 1, 0));
            // Its default stopped: the keypress that follows would otherwise reach the control the focus returns
            // to (a dialog's Close under the palette) and press it.
            if (e.key === 'Enter') {
              e.preventDefault();
              run(index);
            }
          }}
        />
        <ul id="palette-list" role="listbox" aria-label="Commands">
          {shown.map((c, i) => (
            <li
              key={c.id}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'selected' : ''}
              // Moving the mouse selects, not a list appearing under a resting pointer (its mouseenter would
              // change what Enter runs while the user types).
              onMouseMove={() => i !== index && setIndex(i)}
              onClick={() => run(i)}
            >
              <span>{c.title}</span>
              {c.shortcut && <kbd>{c.shortcut}</kbd>}
            </li>
          ))}
          {shown.length === 0 && <li className="muted">No command matches.</li>}
        </ul>
      </div>
    </div>
  );
}
