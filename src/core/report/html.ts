// One self-contained HTML file per run: the summary, then every region, with the charts inline. No script, no
// outside request (a CSP says so to the browser too), print-friendly, so an agency can send it or print it to PDF.
import { dropBidi } from '../text/safe-text';
import type { ReportBranding } from './branding';
import type { Block, ReportDocument } from './document-model';
import { titleLines } from './title-block';

/** Text made safe for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return dropBidi(text)
    .replace(/[\p{Cc}]/gu, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A document's title and blocks as HTML; headings move down `shift` levels so each region nests under the run's title. */
export const renderHtmlDocument = (doc: ReportDocument, shift = 0): string =>
  renderHtmlBlocks([{ kind: 'heading', level: 1, text: doc.title }, ...doc.blocks], shift);

/** Blocks as HTML; headings move down `shift` levels so each region nests under the run's title. */
export function renderHtmlBlocks(blocks: readonly Block[], shift = 0): string {
  return blocks
    .map((b): string => {
      switch (b.kind) {
        case 'heading': {
          const h = Math.min(6, b.level + shift);
          return `<h${h}>${escapeHtml(b.text)}</h${h}>`;
        }
        case 'para':
          return `<p>${escapeHtml(b.text)}</p>`;
        case 'list':
          return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
        case 'table': {
          const cls = (i: number): string => (b.numeric?.[i] ? ' class="num"' : '');
          const head = b.header.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('');
          // Figures and short cells (intervals, ranks) stay on one line; sentences, tag names and flag lists wrap,
          // so the widest table fits an A4 page and a laptop window.
          const kind = (c: string, i: number): string => {
            if (b.numeric?.[i]) return b.wrap?.[i] && c.includes(' ') ? 'num note' : 'num';
            // A word too long for a column (a very long hashtag) may break anywhere; others break at spaces only.
            if (b.wrap?.[i]) return /\S{25}/.test(c) ? 'wrap long' : 'wrap';
            return c.length <= 24 ? 'short' : '';
          };
          const td = (c: string, i: number): string => {
            const k = kind(c, i);
            // A wrapping cell breaks between words, never inside a flag's name at its hyphen ("no-recent-posts").
            const text =
              k === 'wrap' || k === 'num note'
                ? escapeHtml(c).replace(/[\w#]+(?:-[\w#]+)+/g, (w) => `<span class="nb">${w}</span>`)
                : escapeHtml(c);
            return `<td${k ? ` class="${k}"` : ''}>${text}</td>`;
          };
          const rows = b.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n');
          return `<div class="scroll"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>`;
        }
        case 'chart':
          // The SVG is ours (charts.ts escapes every text in it); inline, so the file needs nothing else.
          return `<figure>\n${b.svg.trim()}\n<figcaption>${escapeHtml(b.alt)}</figcaption>\n</figure>`;
      }
    })
    .join('\n');
}

const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.6rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; }
section.region { break-before: page; border-top: 3px solid #4c78a8; margin-top: 2.5rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: 12px; }
th, td { border: 1px solid #d0d7de; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
th.num { text-align: right; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.short { white-space: nowrap; }
td.wrap { overflow-wrap: break-word; }
td.wrap.long { overflow-wrap: anywhere; min-width: 8em; }
.nb { white-space: nowrap; }
td.num.note { white-space: normal; }
.scroll { overflow-x: auto; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #57606a; font-size: 12px; }
nav ul { columns: 3; }
@media screen and (max-width: 1100px) { table { font-size: 11px; } th, td { padding: 2px 4px; } }
@page { margin: 12mm; }
@media print {
  .scroll { overflow: visible; }
  body { margin: 0; max-width: none; padding: 0; }
  table { font-size: 8.5px; }
  th, td { padding: 1px 3px; }
  table { max-width: 100%; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  figure { break-inside: avoid; }
}
`;

/** The header's style, wherever there is a header; the accent's text colour is the one that meets WCAG AA on it. */
function brandStyle(b: ReportBranding | null): string {
  const accent = b?.accent;
  return `
header.brand { display: flex; align-items: center; gap: 1rem; padding: .8rem 1rem; margin-bottom: 1rem; border-radius: 6px; background: ${accent?.colour ?? '#f6f8fa'}; color: ${accent?.text ?? '#1f2328'}; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
header.brand img { max-height: 56px; max-width: 220px; object-fit: contain; }
header.brand p { margin: 0; font-size: 1.15rem; font-weight: 600; }${
    accent
      ? `
h1 { border-bottom-color: ${accent.colour}; }
section.region { border-top-color: ${accent.colour}; }`
      : ''
  }
`;
}

/** The branded header: the logo and the title block's lines, on the accent. Nothing without branding. */
function brandHeader(doc: ReportDocument): string {
  // Without branding a header still carries the title block's other lines (the demo's label).
  if (!doc.branding && titleLines(doc).length === 0) return '';
  const b = doc.branding;
  const who = b?.agency ?? b?.client;
  const logo = b?.logo
    ? `<img src="${escapeHtml(b.logo.dataUrl)}" alt="${escapeHtml(who ? `Logo of ${who}` : 'Logo')}">\n`
    : '';
  const lines = titleLines(doc)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
  return `<header class="brand">\n${logo}${lines}\n</header>\n`;
}

/** The whole run as one HTML document, under the summary's branded header. */
export function renderHtmlReport(opts: {
  title: string;
  summary: ReportDocument;
  regions: readonly { code: string; name: string; doc: ReportDocument }[];
}): string {
  const nav = opts.regions
    .map((r) => `<li><a href="#region-${escapeHtml(r.code)}">${escapeHtml(r.name)}</a></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${STYLE}${opts.summary.branding || titleLines(opts.summary).length > 0 ? brandStyle(opts.summary.branding) : ''}</style>
</head>
<body>
${brandHeader(opts.summary)}<main>
<section class="summary">
${renderHtmlDocument(opts.summary)}
<nav aria-label="Regions">
<ul>
${nav}
</ul>
</nav>
</section>
${opts.regions
  .map(
    (r) =>
      `<section class="region" id="region-${escapeHtml(r.code)}">\n${renderHtmlDocument(r.doc, 1)}\n</section>`,
  )
  .join('\n')}
</main>
</body>
</html>
`;
}
