// Markdown: the blocks of a report (document.ts) as GitHub-flavoured Markdown, with every text escaped.
import { dropBidi } from '../text/safe-text';
import { regionDocument } from './document';
import type { Block, RegionReportInput, ReportDocument } from './document-model';
import { titleLines } from './title-block';

/**
 * Makes any text safe inside a Markdown table cell or list item: line breaks become spaces, invisible
 * direction overrides (which can disguise a name) are dropped, and characters that Markdown or GFM would
 * read as syntax are backslash-escaped. An underscore between two letters or digits is left alone: GFM
 * never reads it as emphasis, and tags like #small_business then print exactly as the reference prints them.
 */
export function escapeMarkdown(text: string): string {
  const flat = dropBidi(text.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ')).replace(/\p{Cc}/gu, ' ');
  const chars = [...flat];
  const wordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let out = '';
  chars.forEach((c, i) => {
    if (c === '_') out += wordChar(chars[i - 1]) && wordChar(chars[i + 1]) ? '_' : '\\_';
    else if ('\\`*[]<>|~&@'.includes(c)) out += `\\${c}`;
    else out += c;
  });
  // GFM turns bare "www." and "scheme://" into links: break both.
  return out.replace(/www\./gi, (m) => `${m.slice(0, 3)}\\.`).replace(/:\/\//g, '\\://');
}

/** Text that would open a heading, a quote or a list at the start of a line is escaped there. */
const lineStart = (text: string): string => (/^([#>+-]|\d+[.)])/.test(text) ? `\\${text}` : text);

function tableLines(b: Extract<Block, { kind: 'table' }>): string[] {
  const row = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [
    row(b.header),
    `|${b.header.map((_, i) => (b.numeric?.[i] ? '---:' : '---')).join('|')}|`,
    ...b.rows.map(row),
  ];
}

/**
 * A report as GitHub-flavoured Markdown, every text escaped: its title, the title block's lines in bold (who prepared
 * it for whom), then its blocks; a chart is an image of the SVG written beside.
 */
export function renderMarkdown(doc: ReportDocument): string {
  const title = [`# ${escapeMarkdown(doc.title)}`, ...titleLines(doc).map((l) => `**${escapeMarkdown(l)}**`)];
  const parts = doc.blocks.map((b): string => {
    switch (b.kind) {
      case 'heading':
        return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
      case 'para':
        return lineStart(escapeMarkdown(b.text));
      case 'list':
        return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
      case 'table':
        return tableLines(b).join('\n');
      case 'chart':
        return `![${escapeMarkdown(b.alt)}](${encodeURI(b.file)})`;
    }
  });
  return `${[...title, ...parts].join('\n\n')}\n`;
}

/** The Markdown report of one region (document.ts says what is in it). */
export const renderMarkdownReport = (input: RegionReportInput): string =>
  renderMarkdown(regionDocument(input));
