// A labelled number field that keeps what is typed: a valid value goes to `onValue` as it is typed (or, with
// `commitOn="enter"`, on Enter and on leaving the field); an empty or out-of-range one is marked invalid, its range
// said beneath it, and reported as null (never clamped or replaced behind the user's back). Escape restores the value.
import { useEffect, useState } from 'react';
import { type NumberRange, readNumberText } from './number-text';

export function NumberInput({
  id,
  label,
  ariaLabel,
  range,
  value,
  onValue,
  commitOn = 'type',
  type = 'text',
  className,
  between,
}: {
  id: string;
  /** The visible label, which also names the field in its message. */
  label: string;
  /** The accessible name, when it is not the visible label. */
  ariaLabel?: string;
  range: NumberRange;
  /** The value in use; null while the field holds no valid one. */
  value: number | null;
  onValue: (n: number | null) => void;
  commitOn?: 'type' | 'enter';
  /** A spin box (`number`, its range and step given to the browser) or a plain text box. */
  type?: 'text' | 'number';
  className?: string;
  /** Shown between the label and the field (a weight's slider). */
  between?: React.ReactNode;
}): React.JSX.Element {
  const [text, setText] = useState(value === null ? '' : String(value));
  // A new value from elsewhere (a preset, a reopened run) replaces the text; the field's own null does not.
  useEffect(() => {
    if (value !== null) setText((t) => (Number(t.trim()) === value && t.trim() !== '' ? t : String(value)));
  }, [value]);
  const read = readNumberText(text, range, label);
  const commit = (): void => onValue(read.ok ? read.value : null);
  const messageId = `${id}-range`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {between}
      <input
        id={id}
        className={className}
        type={type}
        {...(type === 'number'
          ? { min: range.min, max: range.max, step: range.int ? 1 : 'any' }
          : { inputMode: range.int ? ('numeric' as const) : ('decimal' as const) })}
        aria-label={ariaLabel}
        aria-invalid={!read.ok}
        aria-describedby={read.ok ? undefined : messageId}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (commitOn === 'type') {
            const r = readNumberText(e.target.value, range, label);
            onValue(r.ok ? r.value : null);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && commitOn === 'enter') commit();
          if (e.key === 'Escape' && value !== null) setText(String(value));
        }}
        onBlur={() => {
          if (commitOn === 'enter') commit();
        }}
      />
      {!read.ok && (
        <span id={messageId} className="error field-message">
          {read.message}
        </span>
      )}
    </>
  );
}
