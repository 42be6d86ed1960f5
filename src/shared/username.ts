// The TikTok username grammar, in one home for every room: the creators list, own accounts in the settings, and
// the creators the app suggests (an API author that cannot be a username is never offered).
import { firstBadChar } from './hashtag';

/** Latin letters, digits, "_" and ".": what a TikTok username is made of. */
export const USERNAME_CHAR = /^[a-z0-9_.]$/;
export const USERNAME_MIN = 2;
export const USERNAME_MAX = 24;

/** As lists and settings keep it: no "@", trimmed, lower case. */
export const normaliseUsername = (raw: string): string =>
  raw.trim().replace(/^@/, '').normalize('NFC').toLowerCase();

/** Why a (normalised) username is not one, or undefined when it is. */
export function usernameProblem(v: string): string | undefined {
  if (v === '') return 'empty username';
  if (![...v].every((ch) => USERNAME_CHAR.test(ch)))
    return `contains ${firstBadChar(v, USERNAME_CHAR)}: a TikTok username has only Latin letters, digits, _ and .`;
  if (v.length < USERNAME_MIN || v.length > USERNAME_MAX)
    return `${v.length} character${v.length === 1 ? '' : 's'} long: a TikTok username has ${USERNAME_MIN} to ${USERNAME_MAX} characters`;
  return undefined;
}
