// Text from the API or from a user's files, made safe for where it is shown: one home for the characters that
// can disguise a name or take over a terminal. Shared: the reports, the CLI and the app's renderer use it alike.

/** Invisible direction overrides and marks: no hashtag or name needs them, and they can disguise one ("gnp.exe"). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The text without direction overrides and marks. */
export const dropBidi = (text: string): string => text.replace(BIDI_CONTROLS, '');

/**
 * Control characters a terminal would obey (ANSI colours, OSC title sequences, a carriage return that
 * overwrites the line, C1 codes) and direction overrides, but not the newline and tab our own output uses.
 */
const TERMINAL_UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** A character as its visible, inert `\uXXXX` escape. */
const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text safe to print on a terminal: every unsafe character is shown as its `\uXXXX` escape, visible and inert.
 * JSON stays valid JSON with the same data (a `\uXXXX` escape inside a string is the character itself).
 */
export const terminalSafe = (text: string): string => text.replace(TERMINAL_UNSAFE, escaped);

/** Every control character, the newline and tab included, and direction overrides: what a name may not carry into
 * a line of our own output. */
const NAME_UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/**
 * A name from the API or a file as one piece of a line (a progress line, a bar's status): terminalSafe's escapes,
 * and a newline or tab in it escaped too, so it cannot break the line it sits in.
 */
export const nameSafe = (text: string): string => text.replace(NAME_UNSAFE, escaped);

/** Longest API text the app shows in one piece (a 5,000-character name would push everything else away). */
export const INERT_MAX = 120;

/**
 * API text as the app shows it, inert: no direction overrides or marks (a `\u202e` reverses what follows it),
 * no control characters (a newline or tab becomes a space), at most `max` characters (then "…"). The same
 * characters the reports drop; the renderer still isolates it with <bdi> so right-to-left text stays in its place.
 */
export function inert(text: string, max = INERT_MAX): string {
  // eslint-disable-next-line no-control-regex
  const flat = dropBidi(text).replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ');
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}
