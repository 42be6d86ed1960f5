// The one check of a TikLiveAPI base URL, however it arrives (--api-base, TIKLIVE_API_BASE in the app, the
// preview, a job's session): the key travels in a header, so it goes over https, or plain http on this machine.
import { TagfitError } from '../errors';

/** Loopback only: 127.0.0.0/8, ::1 and localhost (a proxy or the simulator on this machine). */
function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * The base as a URL, or a TagfitError('input') that says what is wrong; `name` is how the user gave it
 * (`--api-base`, `TIKLIVE_API_BASE`). Never echoes a password put in the URL.
 */
export function checkApiBase(apiBase: string, name = 'the API base'): URL {
  let url: URL | undefined;
  try {
    url = /^https?:\/\/[^/\s]+/i.test(apiBase) ? new URL(apiBase) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) {
    // Whatever it is, it is not a URL we can parse: shown as given, but without what may be a password in it.
    const shown = apiBase.replace(/\/\/[^/@\s]*@/, '//***@');
    throw new TagfitError(
      'input',
      `${name} must be an http(s) URL such as https://api.tikliveapi.com (got "${shown}").`,
    );
  }
  // Credentials in a URL end up in logs and warnings; the API takes its key in a header, never here.
  if (url.username !== '' || url.password !== '') {
    throw new TagfitError(
      'input',
      `${name} must not carry a user name or password (got "${url.protocol}//***@${url.host}${url.pathname}"); the key goes in TIKLIVE_KEY or the keychain.`,
    );
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new TagfitError(
      'input',
      `${name} must use https: the key would cross the network in clear text to ${url.host} (got "${url.origin}${url.pathname}"); plain http is allowed only on this machine (127.0.0.1, localhost).`,
    );
  }
  return url;
}
