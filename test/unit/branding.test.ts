// tagfit.json's branding: every bad value is refused with a message that names the file, the field and the problem;
// the accent's text colour meets WCAG AA; a logo chosen elsewhere is copied into the workspace, never overwriting.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accentOf, contrastRatio, loadReportBranding, normaliseHex } from '../../src/core/report/branding';
import { adoptLogo, readLogo } from '../../src/core/report/logo-file';
import { parseSettings, serializeSettings } from '../../src/core/workspace/settings';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

let ws: string;
let settingsFile: string;
beforeEach(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'tagfit-brand-'));
  settingsFile = path.join(ws, 'tagfit.json');
});
afterEach(() => rm(ws, { recursive: true, force: true }));

const settingsWith = (branding: unknown): string =>
  JSON.stringify({ version: 1, preset: 'organic', branding }, null, 2);

/** The message of what `fn` throws (it must throw). */
async function messageOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('branding in tagfit.json', () => {
  it('a good branding round-trips through the file, in a fixed key order', () => {
    const s = parseSettings(
      settingsWith({
        accent: '#1F6FEB',
        client: 'Zest Cola',
        agency: 'Northwind',
        logo: 'branding/logo.png',
      }),
      settingsFile,
    );
    expect(s.branding).toEqual({
      agency: 'Northwind',
      client: 'Zest Cola',
      logo: 'branding/logo.png',
      accent: '#1F6FEB',
    });
    expect(JSON.parse(serializeSettings(s)).branding).toEqual(s.branding);
    expect(serializeSettings(s)).toMatch(/"agency"[\s\S]*"client"[\s\S]*"logo"[\s\S]*"accent"/);
  });

  it.each([
    ['accent', { accent: 'blue' }, /must be a CSS hex colour such as #1f6feb/],
    ['accent', { accent: '#12345' }, /must be a CSS hex colour/],
    ['accent', { accent: '#1f6feb; background: url(x)' }, /must be a CSS hex colour/],
    ['agency', { agency: '' }, /must not be empty/],
    ['client', { client: 'x'.repeat(121) }, /at most 120 characters/],
    ['agency', { agency: 'Acme\nInjected' }, /one line/],
    ['logo', { logo: 42 }, /string/],
  ])('a bad %s (%j) names tagfit.json, the field and the problem', (field, branding, problem) => {
    const message = (() => {
      try {
        parseSettings(settingsWith(branding), settingsFile);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    })();
    expect(message).toContain(settingsFile);
    expect(message).toContain(`field "branding.${field}"`);
    expect(message).toMatch(problem);
  });

  it('an unknown field inside branding is named, with its line', () => {
    const text = settingsWith({ agency: 'A', colour: '#fff' });
    expect(() => parseSettings(text, settingsFile)).toThrow(
      /line \d+, field "branding": unknown field colour/,
    );
  });
});

describe('the logo file', () => {
  const problemOf = (logo: string): Promise<string> =>
    messageOf(() => loadReportBranding(ws, { agency: 'A', logo }, settingsFile));

  it('a PNG, JPEG or SVG inside the workspace is inlined as a data: URL', async () => {
    await mkdir(path.join(ws, 'branding'));
    await writeFile(path.join(ws, 'branding', 'logo.png'), PNG);
    await writeFile(path.join(ws, 'logo.svg'), SVG);
    await writeFile(path.join(ws, 'logo.JPG'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
    expect((await readLogo(ws, 'branding/logo.png', settingsFile)).dataUrl).toBe(
      `data:image/png;base64,${PNG.toString('base64')}`,
    );
    expect((await readLogo(ws, 'logo.svg', settingsFile)).dataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect((await readLogo(ws, 'logo.JPG', settingsFile)).dataUrl).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('each bad logo is refused naming tagfit.json, branding.logo and the problem', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'tagfit-outside-'));
    try {
      await writeFile(path.join(outside, 'logo.png'), PNG);
      await symlink(path.join(outside, 'logo.png'), path.join(ws, 'link.png'));
      await writeFile(path.join(ws, 'notes.txt'), 'hello');
      await writeFile(path.join(ws, 'fake.png'), 'not a png at all');
      await writeFile(path.join(ws, 'huge.png'), Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
      await mkdir(path.join(ws, 'folder.png'));
      const cases: [string, RegExp][] = [
        [path.join(outside, 'logo.png'), /is outside the workspace .*copy the logo into the workspace/],
        ['../elsewhere.png', /is outside the workspace/],
        ['link.png', /points outside the workspace/],
        ['missing.png', /"missing.png" does not exist/],
        ['notes.txt', /is not a PNG, JPEG or SVG image \(by its extension\)/],
        ['fake.png', /is not a PNG image \(its content does not match its name\)/],
        ['huge.png', /is 2\.0 MB; a logo may be at most 2 MB/],
        ['folder.png', /is not a file/],
      ];
      for (const [logo, problem] of cases) {
        const message = await problemOf(logo);
        expect(message, logo).toContain(`${settingsFile}, field "branding.logo"`);
        expect(message, logo).toMatch(problem);
      }
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('a logo chosen outside the workspace is copied into branding/; one inside is named where it is', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'tagfit-outside-'));
    try {
      await writeFile(path.join(outside, 'Acme Logo.PNG'), PNG);
      expect(await adoptLogo(ws, path.join(outside, 'Acme Logo.PNG'), settingsFile)).toBe(
        'branding/Acme Logo.png',
      );
      expect(await readFile(path.join(ws, 'branding', 'Acme Logo.png'))).toEqual(PNG);
      // Chosen again: the same copy, not a second one.
      expect(await adoptLogo(ws, path.join(outside, 'Acme Logo.PNG'), settingsFile)).toBe(
        'branding/Acme Logo.png',
      );
      // Another image of that name: never overwrites the first.
      await writeFile(path.join(outside, 'Acme Logo.PNG'), Buffer.concat([PNG, Buffer.from([0])]));
      expect(await adoptLogo(ws, path.join(outside, 'Acme Logo.PNG'), settingsFile)).toBe(
        'branding/Acme Logo (1).png',
      );
      expect(await readFile(path.join(ws, 'branding', 'Acme Logo.png'))).toEqual(PNG);
      await writeFile(path.join(ws, 'mine.svg'), SVG);
      expect(await adoptLogo(ws, path.join(ws, 'mine.svg'), settingsFile)).toBe('mine.svg');
      // A non-image is refused before anything is copied.
      await writeFile(path.join(outside, 'evil.svg'), 'plain text');
      expect(await messageOf(() => adoptLogo(ws, path.join(outside, 'evil.svg'), settingsFile))).toMatch(
        /field "branding.logo": ".*evil.svg" is not a SVG image/,
      );
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('the accent', () => {
  it('black or white text, whichever reads better, always at WCAG AA (4.5:1) or more', () => {
    for (let r = 0; r < 256; r += 17)
      for (let g = 0; g < 256; g += 17)
        for (let b = 0; b < 256; b += 17) {
          const hex = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          const a = accentOf(hex);
          expect(contrastRatio(hex, a.text), hex).toBeGreaterThanOrEqual(4.5);
        }
    expect(accentOf('#1f6feb').text).toBe('#ffffff');
    expect(accentOf('#ffd33d').text).toBe('#000000');
    expect(accentOf('#777').colour).toBe('#777777');
  });

  it('contrast ratios are WCAG 2’s: 21 for black on white, 1 for a colour on itself', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1f6feb', '#1f6feb')).toBe(1);
    expect(normaliseHex('#AbC')).toBe('#aabbcc');
  });

  it('no branding, or an empty one, is null: reports keep their unbranded form', async () => {
    expect(await loadReportBranding(ws, undefined, settingsFile)).toBeNull();
    expect(await loadReportBranding(ws, {}, settingsFile)).toBeNull();
    expect(await loadReportBranding(ws, { client: 'Zest' }, settingsFile)).toEqual({ client: 'Zest' });
  });
});
