// Charts as standalone SVG (no script, no outside reference): a region's top tags with their scores split into
// the parts the preset weighs, and a heat map of tags × regions. They show on GitHub, in a shared drive's
// preview and inline in the HTML report. Every text is XML-escaped, with direction overrides and controls dropped.
import type { RegionCode, RegionResult, ScoringSettings } from '../../shared/model';
import { SCORE_PART_COLOURS, scoreParts } from '../../shared/score-parts';
import { dropBidi } from '../text/safe-text';
import { score2, TOP } from './document-model';
import type { SummaryRow } from './run-summary';

/** Text made safe for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return dropBidi(text)
    .replace(/[\p{Cc}\uFFFE\uFFFF]/gu, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A long name cut to fit its column, with an ellipsis. */
const fit = (text: string, max: number): string => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
};

// The workbench's palette for the parts (light, as the reports' page is white): one set of colours in both.
const PART_COLOURS = SCORE_PART_COLOURS.light;

const FAMILY = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
const FONT = `${FAMILY} font-size="12"`;
const font = (size: number): string => `${FAMILY} font-size="${size}"`;
const r1 = (x: number): string => (Math.round(x * 10) / 10).toString();

/** The top tags of a region as bars of velocity, density and overlap points, minus the ad penalty. */
export function scoreChartSvg(result: RegionResult, settings: ScoringSettings, title: string): string {
  // Unique within the HTML report, where every chart is inline.
  const id = `chart-${result.region.replace(/[^A-Za-z0-9]/g, '_')}`;
  const rows = result.ranked.slice(0, TOP);
  const label = 210;
  const barMax = 440;
  const rowH = 22;
  const top = 72;
  const width = label + barMax + 70;
  const height = top + Math.max(1, rows.length) * rowH + 16;
  const x0 = label;
  const scale = barMax / 100;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="20" ${font(14)} font-weight="600" fill="#1f2328">${escapeXml(title)}</text>`,
  ];
  // Legend.
  let lx = 12;
  for (const [part, name] of [
    ['velocity', 'velocity'],
    ['density', 'density'],
    ['overlap', 'overlap'],
    ['penalty', 'ad penalty'],
  ] as const) {
    out.push(`<rect x="${lx}" y="30" width="10" height="10" fill="${PART_COLOURS[part]}"/>`);
    out.push(`<text x="${lx + 14}" y="39" ${FONT} fill="#1f2328">${name}</text>`);
    lx += 24 + name.length * 7;
  }
  out.push(`<text x="${lx + 8}" y="39" ${font(11)} fill="#57606a">⚑ flagged · ? uncertain</text>`);
  // Grid at 0, 25, 50, 75, 100 points.
  for (const p of [0, 25, 50, 75, 100]) {
    const x = x0 + p * scale;
    out.push(
      `<line x1="${r1(x)}" y1="${top - 6}" x2="${r1(x)}" y2="${height - 12}" stroke="#d0d7de" stroke-width="1"/>`,
    );
    out.push(`<text x="${r1(x)}" y="${top - 9}" ${font(10)} fill="#57606a" text-anchor="middle">${p}</text>`);
  }
  if (rows.length === 0)
    out.push(
      `<text x="${x0 + 8}" y="${top + 15}" ${FONT} fill="#57606a">No tag was scored in this region.</text>`,
    );
  rows.forEach((t, i) => {
    const y = top + i * rowH;
    const parts = scoreParts(t, settings);
    out.push(
      `<text x="${label - 8}" y="${y + 15}" ${FONT} fill="#1f2328" text-anchor="end">${escapeXml(fit(`${t.rank}. #${t.tag}`, 30))}</text>`,
    );
    let x = x0;
    for (const part of ['velocity', 'density', 'overlap'] as const) {
      const w = Math.max(0, parts[part]) * scale;
      if (w > 0)
        out.push(
          `<rect x="${r1(x)}" y="${y + 4}" width="${r1(w)}" height="${rowH - 8}" fill="${PART_COLOURS[part]}"><title>${part}: ${score2(parts[part])} points</title></rect>`,
        );
      x += w;
    }
    if (parts.penalty > 0) {
      const w = parts.penalty * scale;
      out.push(
        `<rect x="${r1(x - w)}" y="${y + 4}" width="${r1(w)}" height="${rowH - 8}" fill="${PART_COLOURS.penalty}" fill-opacity="0.85"><title>ad penalty: −${score2(parts.penalty)} points</title></rect>`,
      );
    }
    const flagged = t.flags.some((f) => f.kind !== 'small-sample');
    out.push(
      `<text x="${r1(x + 6)}" y="${y + 15}" ${FONT} fill="#1f2328">${score2(t.score)}${flagged ? ' ⚑' : ''}${t.confidence?.label === 'uncertain' ? ' ?' : ''}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** White to deep blue by score (0-100). */
function heat(score: number): string {
  const s = Math.min(1, Math.max(0, score / 100));
  const mix = (a: number, b: number): number => Math.round(a + (b - a) * s);
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  return `#${hex(mix(0xf6, 0x08))}${hex(mix(0xf8, 0x30))}${hex(mix(0xfa, 0x6b))}`;
}

/** Tags × regions, each cell its score; each tag's best region outlined. */
export function heatmapSvg(
  rows: readonly SummaryRow[],
  regions: readonly RegionCode[],
  title: string,
): string {
  const id = 'heatmap';
  const label = 210;
  const cellW = 64;
  const cellH = 22;
  const top = 56;
  // Wide enough for the subtitle however few regions there are.
  const width = Math.max(label + regions.length * cellW + 20, 600);
  const height = top + Math.max(1, rows.length) * cellH + 16;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="20" ${font(14)} font-weight="600" fill="#1f2328">${escapeXml(title)}</text>`,
    `<text x="12" y="38" ${font(11)} fill="#57606a">darker is a higher score; the outline marks the best region; – not ranked there</text>`,
  ];
  regions.forEach((r, j) =>
    out.push(
      `<text x="${label + j * cellW + cellW / 2}" y="${top - 4}" ${FONT} font-weight="600" fill="#1f2328" text-anchor="middle">${escapeXml(r)}</text>`,
    ),
  );
  rows.forEach((row, i) => {
    const y = top + i * cellH;
    out.push(
      `<text x="${label - 8}" y="${y + 15}" ${FONT} fill="#1f2328" text-anchor="end">${escapeXml(fit(`#${row.tag}`, 30))}</text>`,
    );
    regions.forEach((r, j) => {
      const x = label + j * cellW;
      const c = row.byRegion[r];
      if (!c || 'status' in c) {
        out.push(
          `<rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" fill="#eaeef2"/>`,
        );
        out.push(
          `<text x="${x + cellW / 2}" y="${y + 15}" ${FONT} fill="#57606a" text-anchor="middle">–<title>${escapeXml(c && 'status' in c ? c.status : 'not scored')}</title></text>`,
        );
        return;
      }
      const best = row.best?.region === r;
      out.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" fill="${heat(c.score)}"${best ? ' stroke="#bf3989" stroke-width="3"' : ''}/>`,
      );
      out.push(
        `<text x="${x + cellW / 2}" y="${y + 15}" ${FONT} fill="${c.score > 55 ? '#ffffff' : '#1f2328'}" text-anchor="middle">${score2(c.score)}</text>`,
      );
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
