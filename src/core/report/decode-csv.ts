// The CSV of a competitor decode, for spreadsheets: one row per competitor, hashtag and region, with the
// competitor's use of the tag next to its score there. Same CSV conventions as the region reports.
import type { DecodeResult } from '../decode/competitor';
import { stringifyCsv } from './csv';

export const DECODE_CSV_COLUMNS = [
  'competitor',
  'tag',
  'uses',
  'posts',
  'share',
  'region',
  'status',
  'score',
  'rank',
  'ranked_in_region',
  'velocity',
  'density',
  'overlap',
  'sample',
  'flags',
  'note',
] as const;

type Cell = string | number | null;

export function renderDecodeCsv(result: DecodeResult): string {
  const rows: Record<(typeof DECODE_CSV_COLUMNS)[number], Cell>[] = [];
  for (const c of result.competitors) {
    for (const t of c.tags) {
      for (const [region, s] of Object.entries(t.regions)) {
        const ranked = s.status === 'ranked' ? s : undefined;
        rows.push({
          competitor: c.username,
          tag: t.tag,
          uses: t.uses,
          posts: t.posts,
          share: t.share,
          region,
          status: s.status,
          score: ranked?.score ?? null,
          rank: ranked?.rank ?? null,
          ranked_in_region: ranked?.of ?? null,
          velocity: ranked?.velocity ?? null,
          density: ranked?.density ?? null,
          overlap: ranked?.overlap ?? null,
          sample: ranked?.sample ?? null,
          flags: ranked ? ranked.flags.join('; ') : null,
          note: s.status === 'excluded' ? s.reason : s.status === 'failed' ? s.error : null,
        });
      }
    }
  }
  return stringifyCsv(rows, DECODE_CSV_COLUMNS);
}
