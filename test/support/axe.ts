// axe-core in a browser test's page (injected as VS Code's smoke tests do): the violations of the WCAG 2.1 A/AA
// rules, and best practice where asked, in the whole page or one part of it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One rule axe found broken, with up to three of the places it found it. */
export interface AxeFinding {
  id: string;
  impact: string;
  targets: string[];
  /** axe's words on the first element, e.g. the contrast it measured. */
  why: string;
}

/**
 * Every violation in `scope` (a CSS selector; the whole document if none) of axe's WCAG 2.1 A/AA rules, and of its
 * best-practice rules with `bestPractice`.
 */
export async function axeFindings(
  page: Page,
  opts: { scope?: string; bestPractice?: boolean } = {},
): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') refuses an inline script tag.
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
  }
  const scope =
    opts.scope === undefined ? 'document' : `document.querySelector(${JSON.stringify(opts.scope)})`;
  const tags = JSON.stringify(opts.bestPractice ? [...WCAG, 'best-practice'] : WCAG);
  // Run in the page as source text: the tests compile without the DOM's types.
  return page.evaluate<AxeFinding[]>(`(async () => {
    const r = await axe.run(${scope}, { runOnly: { type: 'tag', values: ${tags} } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      why: (v.nodes[0]?.failureSummary ?? '').replace(/\\s+/g, ' ').slice(0, 240),
    }));
  })()`);
}

/** The WCAG 2.1 A/AA violations in `scope` (the open view's panel by default), one line each: `id: where, …`. */
export async function axeViolations(page: Page, scope = '[role="tabpanel"]'): Promise<string[]> {
  return (await axeFindings(page, { scope })).map((f) => `${f.id}: ${f.targets.join(', ')}`);
}
