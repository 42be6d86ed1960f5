// The article's mega tags (#fyp, #foryou, #viral) and their well-known siblings: no discovery value. One list for
// the engine's flags, discovery and the app's "add to candidates" advice.
export const MEGA_TAGS: ReadonlySet<string> = new Set([
  'fyp',
  'foryou',
  'foryoupage',
  'fy',
  'viral',
  'trending',
  'fypシ',
  'fypage',
  'foryourpage',
  'viralvideo',
  'tiktok',
  'trend',
  'explore',
  'explorepage',
  'xyzbca',
  'parati',
]);
