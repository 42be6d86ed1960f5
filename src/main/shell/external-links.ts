// The one check every link leaving the app passes (a link in the page, the Help menu): only https URLs reach the
// OS browser, and only through the adapter's openExternal that asks this first.

/** Where the Help menu points. */
export const HELP_LINKS = {
  documentation: 'https://github.com/tagfit/tagfit#readme',
  reportProblem: 'https://github.com/tagfit/tagfit/issues/new',
} as const;

/** The URL as the OS browser should get it, or null when it must not leave the app (not https, not a URL). */
export function externalUrl(url: string): string | null {
  try {
    const u = new URL(url);
    // Credentials in a link are a phishing trick (https://bank.example@evil.example), never ours.
    if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return null;
    return u.href;
  } catch {
    return null;
  }
}
