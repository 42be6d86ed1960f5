// A splitter between two parts of the workbench (VS Code's sash): dragged with the pointer, or focused and moved
// with the arrows (Shift for big steps, Home and End for the limits), announced as a separator with its value.
import { useRef } from 'react';

export function Sash(props: {
  label: string;
  /** 'vertical': a line between left and right, moved sideways; 'horizontal': between top and bottom. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  /** +1 when moving right (or down) grows the part, -1 when it shrinks it (a panel below the line). */
  direction: 1 | -1;
  onChange(px: number): void;
  className?: string;
}): React.JSX.Element {
  const { orientation, value, min, max, direction, onChange } = props;
  const drag = useRef<{ from: number; start: number } | null>(null);
  const pos = (e: React.PointerEvent): number => (orientation === 'vertical' ? e.clientX : e.clientY);
  const onKey = (e: React.KeyboardEvent): void => {
    const step = e.shiftKey ? 50 : 10;
    const grow = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    const shrink = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    let next: number | null = null;
    if (e.key === grow) next = value + step * direction;
    else if (e.key === shrink) next = value - step * direction;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    if (next === null) return;
    e.preventDefault();
    onChange(Math.min(max, Math.max(min, next)));
  };
  return (
    <div
      role="separator"
      aria-label={props.label}
      // The separator's orientation is the line's: a vertical line splits left from right.
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      title={`${props.label} (drag, or the arrow keys)`}
      className={`sash ${orientation} ${props.className ?? ''}`}
      onKeyDown={onKey}
      onPointerDown={(e) => {
        drag.current = { from: pos(e), start: value };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        onChange(Math.min(max, Math.max(min, d.start + (pos(e) - d.from) * direction)));
      }}
      onPointerUp={(e) => {
        drag.current = null;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
    />
  );
}
