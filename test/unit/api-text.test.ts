// Security pass item 5, as the app renders it: API text isolated in <bdi> and made inert, and the name asked for
// shown when the API answered under another one.
import { describe, expect, it } from 'vitest';

// Loaded by a computed name: the Node-side type check has no DOM, and React's types would stub one for every test.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);
type Component = (props: Record<string, unknown>) => unknown;
const { createElement } = (await load('react')) as { createElement: (c: Component, p: object) => unknown };
const { renderToStaticMarkup } = (await load('react-dom/server')) as {
  renderToStaticMarkup: (e: unknown) => string;
};
const { ApiText, TagName } = (await load('../../src/renderer/src/components/ApiText')) as Record<
  'ApiText' | 'TagName',
  Component
>;

describe('5. API text in the renderer', () => {
  it('a tag "\\u202eevil\\u202c gnp.exe" reads as it is spelled, isolated, with the candidate it was asked as', () => {
    const html = renderToStaticMarkup(
      createElement(TagName, { tag: '\u202eevil\u202c gnp.exe', candidate: 'founderlife' }),
    );
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toBe(
      '#<bdi>evil gnp.exe</bdi><span class="muted asked-as"> (asked as #<bdi>founderlife</bdi>)</span>',
    );
    // The same name in another case is not "asked as" anything.
    expect(
      renderToStaticMarkup(createElement(TagName, { tag: 'FounderLife', candidate: 'founderlife' })),
    ).toBe('#<bdi>FounderLife</bdi>');
  });

  it('markup in API text stays text; a right-to-left author is isolated from the line around it', () => {
    expect(renderToStaticMarkup(createElement(ApiText, { text: '<svg/onload=alert(1)>' }))).toBe(
      '<bdi>&lt;svg/onload=alert(1)&gt;</bdi>',
    );
    expect(renderToStaticMarkup(createElement(ApiText, { text: 'by \u202emia' }))).toBe('<bdi>by mia</bdi>');
  });
});
