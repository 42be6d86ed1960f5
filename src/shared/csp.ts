// The renderer's Content-Security-Policy, one definition for both places it is set: the response header main
// adds, and the <meta> tag the build writes into index.html (the one that holds for a file:// load).

export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/** The header's policy. */
export const CSP = CSP_DIRECTIVES.join('; ');

/** The same policy for a <meta> tag, which cannot carry frame-ancestors (browsers ignore it there). */
export const CSP_META = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

/**
 * The browser preview (npm run web) talks to its local bridge with fetch and server-sent events on its own
 * origin: the same policy with connect-src 'self'.
 */
export const CSP_WEB = CSP.replace("connect-src 'none'", "connect-src 'self'");
export const CSP_WEB_META = CSP_META.replace("connect-src 'none'", "connect-src 'self'");
