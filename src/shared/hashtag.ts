// The text rules of a hashtag, in one place: parse what people type (a leading "#", spaces around), the key two
// spellings of one tag share (NFC, lower case), the grammar of a valid tag and its reason, and "#tag" for display.
// Making hostile text inert for a terminal, a report or the app is another concern: src/shared/safe-text.ts.

/**
 * One character a hashtag may hold: letters of any script (with their combining marks, which Devanagari or Thai
 * need), decimal digits and underscore. Variation selectors and enclosing marks only dress up emoji. A pattern
 * source (one grouped character), so the caption parser (src/core/decode) reads hashtags by the same rule.
 */
export const HASHTAG_CHAR_PATTERN = String.raw`(?:(?![\uFE00-\uFE0F\u20E3\u{E0100}-\u{E01EF}])[\p{L}\p{Mn}\p{Mc}\p{Nd}_])`;
const HASHTAG_CHAR = new RegExp(`^${HASHTAG_CHAR_PATTERN}$`, 'u');
/** The longest hashtag, in characters (code points). */
export const HASHTAG_MAX = 100;

/** What people type to what the tag is called: surrounding spaces and one leading "#" dropped. */
export const stripHash = (raw: string): string => raw.trim().replace(/^#/, '');

/**
 * The key two spellings of one hashtag share, as TikTok matches them: Unicode NFC and lower case ("#Café" written
 * with a combining accent and "café" are one tag). A `#` is not removed here: see stripHash.
 */
export const hashtagKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** Whether two names are one hashtag (a leading "#" on either side does not matter). */
export const sameHashtag = (a: string, b: string): boolean =>
  hashtagKey(stripHash(a)) === hashtagKey(stripHash(b));

/** "#name": how a hashtag is shown to people. */
export const showHashtag = (name: string): string => `#${name}`;

/** A character in words, for the reason a value was refused ("a space", "an emoji (🔥)", "U+200B"). */
export const describeChar = (ch: string): string =>
  /\s/u.test(ch)
    ? ch === ' '
      ? 'a space'
      : 'a whitespace character'
    : /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(ch)
      ? `an emoji (${ch})`
      : /\p{Cc}|\p{Cf}/u.test(ch)
        ? `an invisible control character (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`
        : `"${ch}"`;

/** The first character a pattern does not allow, in words. */
export function firstBadChar(value: string, allowed: RegExp): string {
  for (const ch of value) if (!allowed.test(ch)) return describeChar(ch);
  return 'an unexpected character';
}

/** Why a hashtag (already stripped and keyed) is not valid, or undefined when it is. */
export function hashtagProblem(tag: string): string | undefined {
  if (tag === '') return 'empty hashtag';
  if (tag.startsWith('#')) return 'more than one leading "#"';
  if ([...tag].length > HASHTAG_MAX) return `longer than ${HASHTAG_MAX} characters`;
  if (![...tag].every((ch) => HASHTAG_CHAR.test(ch)))
    return `contains ${firstBadChar(tag, HASHTAG_CHAR)}: a hashtag has only letters, digits and _`;
  return undefined;
}

export type ParsedHashtag = { ok: true; value: string } | { ok: false; value: string; reason: string };

/** What people type to a hashtag's key, or the reason it cannot be one (value: what was read). */
export function parseHashtag(raw: string): ParsedHashtag {
  const value = hashtagKey(stripHash(raw));
  const reason = hashtagProblem(value);
  return reason === undefined ? { ok: true, value } : { ok: false, value, reason };
}
