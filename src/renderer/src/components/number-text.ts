// What a number field holds, checked against its range: the number to use, or why there is none. Fields keep what
// is typed (an empty field while the user retypes it, a value out of range) and say so, rather than replace it.
import { describeRange, type NumberSetting } from '../../../shared/scoring-registry';

export type NumberRange = Pick<NumberSetting, 'int' | 'min' | 'max'>;

export type NumberText = { ok: true; value: number } | { ok: false; message: string };

/** `text` as a number within `range`, or a message naming the field (`label`) and the range it takes. */
export function readNumberText(text: string, range: NumberRange, label: string): NumberText {
  const t = text.trim();
  const n = t === '' ? Number.NaN : Number(t);
  if (Number.isFinite(n) && (!range.int || Number.isInteger(n)) && n >= range.min && n <= range.max)
    return { ok: true, value: n };
  return { ok: false, message: `${label}: ${describeRange(range)}.` };
}
