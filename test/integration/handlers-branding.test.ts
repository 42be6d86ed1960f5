// The app's branding, through the same dispatch as IPC: the Settings view's preview (main reads the logo, the
// renderer gets a data: URL), choosing the logo (copied into the workspace), saving a logo a run would refuse,
// and Export writing every format, the PDF among them, branded.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPdfPrinter } from '../../src/core/report/pdf-chromium';
import { loadSettings } from '../../src/core/workspace/settings';
import { useHandlerBed } from '../support/handler-bed';
import { pdfPagesText } from '../support/pdf';

const bed = useHandlerBed();
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function outsideFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-elsewhere-'));
  bed.disposers.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('branding handlers', () => {
  it('the preview shows the logo as a data: URL and the accent’s text colour, and says what is wrong with a logo', async () => {
    const ws = await bed.workspace(['founderlife']);
    await mkdir(path.join(ws, 'branding'));
    await writeFile(path.join(ws, 'branding', 'logo.png'), PNG);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    const good = await a.value('branding:preview', {
      branding: { agency: 'Northwind', logo: 'branding/logo.png', accent: '#1f6feb' },
    });
    expect(good).toEqual({
      logo: `data:image/png;base64,${PNG.toString('base64')}`,
      accentText: '#ffffff',
      contrast: expect.any(Number),
      problem: null,
    });
    expect(good.contrast).toBeGreaterThanOrEqual(4.5);
    const bad = await a.value('branding:preview', { branding: { logo: '../../etc/passwd' } });
    expect(bad.logo).toBeNull();
    expect(bad.problem).toMatch(
      /tagfit\.json, field "branding\.logo": "\.\.\/\.\.\/etc\/passwd" is outside the workspace/,
    );
    // A colour that is not one is refused by the contract, naming the field.
    const refused = await a.call('branding:preview', { branding: { accent: 'red' } });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/branding\.accent.*must be a CSS hex colour/);
  });

  it('choosing a logo outside the workspace copies it in; saving names it; a missing logo is refused on save', async () => {
    const ws = await bed.workspace(['founderlife']);
    const elsewhere = await outsideFolder();
    await writeFile(path.join(elsewhere, 'acme.png'), PNG);
    const a = await bed.app();
    const opened = (await a.value('workspace:open', { dir: ws }))!;
    // The preview takes a typed absolute path (it has no file dialog).
    expect(await a.value('branding:pick-logo', { file: path.join(elsewhere, 'acme.png') })).toEqual({
      logo: 'branding/acme.png',
    });
    expect(await readFile(path.join(ws, 'branding', 'acme.png'))).toEqual(PNG);
    const relative = await a.call('branding:pick-logo', { file: 'acme.png' });
    expect(!relative.ok && relative.error.message).toMatch(/absolute path/);

    const branding = {
      agency: 'Northwind Social',
      client: 'Zest Cola',
      logo: 'branding/acme.png',
      accent: '#ffd33d',
    };
    await a.value('settings:save-workspace', { settings: { ...opened.settings, branding } });
    expect((await loadSettings(path.join(ws, 'tagfit.json')))!.branding).toEqual(branding);

    const missing = await a.call('settings:save-workspace', {
      settings: { ...opened.settings, branding: { ...branding, logo: 'branding/gone.png' } },
    });
    expect(!missing.ok && missing.error.message).toMatch(
      /tagfit\.json, field "branding\.logo": "branding\/gone\.png" does not exist/,
    );
    expect((await loadSettings(path.join(ws, 'tagfit.json')))!.branding).toEqual(branding);
  });

  it('the app takes the logo only from its file dialog, and a cancelled dialog changes nothing', async () => {
    const ws = await bed.workspace(['founderlife']);
    const elsewhere = await outsideFolder();
    await writeFile(path.join(elsewhere, 'acme.png'), PNG);
    const a = await bed.app({ shell: 'electron' });
    a.nextFolder = ws;
    await a.value('workspace:open', {});
    const typed = await a.call('branding:pick-logo', { file: path.join(elsewhere, 'acme.png') });
    expect(!typed.ok && typed.error.message).toMatch(/Choose the logo in the file dialog/);
    a.nextFile = null;
    expect(await a.value('branding:pick-logo', {})).toBeNull();
    a.nextFile = path.join(elsewhere, 'acme.png');
    expect(await a.value('branding:pick-logo', {})).toEqual({ logo: 'branding/acme.png' });
    expect(await readdir(path.join(ws, 'branding'))).toEqual(['acme.png']);
  });

  it('Export writes every format, the PDF printed with the branding and page numbers', async () => {
    const ws = await bed.workspace(['founderlife', 'saasmarketing', 'booktok'], ['US']);
    await mkdir(path.join(ws, 'branding'));
    await writeFile(path.join(ws, 'branding', 'logo.png'), PNG);
    const a = await bed.app({ pdf: chromiumPdfPrinter() });
    const opened = (await a.value('workspace:open', { dir: ws }))!;
    await a.value('settings:save-workspace', {
      settings: {
        ...opened.settings,
        branding: {
          agency: 'Northwind Social',
          client: 'Zest Cola',
          logo: 'branding/logo.png',
          accent: '#0b7a3b',
        },
      },
    });
    await a.value('run:start', {});
    const out = (await a.value('reports:export', {}))!;
    const names = (await readdir(out.dir)).sort();
    expect(names).toEqual(
      expect.arrayContaining(['US-2026-11-20.md', 'report-2026-11-20.html', 'report-2026-11-20.pdf']),
    );
    expect(await readFile(path.join(out.dir, 'US-2026-11-20.md'), 'utf8')).toContain(
      '**Prepared by Northwind Social for Zest Cola**',
    );
    const pages = await pdfPagesText(await readFile(path.join(out.dir, 'report-2026-11-20.pdf')));
    expect(pages[0]).toContain('Prepared by Northwind Social for Zest Cola');
    expect(pages[0]).toMatch(new RegExp(`Page 1 of ${pages.length}`));
  });

  it('a shell that cannot print: the default export leaves the PDF out; asked for, it says why and writes the rest', async () => {
    const ws = await bed.workspace(['founderlife', 'saasmarketing'], ['US']);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    await a.value('run:start', {});
    const out = (await a.value('reports:export', {}))!;
    expect(out.written.some((f) => f.endsWith('.pdf'))).toBe(false);
    expect(out.written.some((f) => f.endsWith('report-2026-11-20.html'))).toBe(true);
    await rm(out.dir, { recursive: true, force: true });
    const asked = await a.call('reports:export', { formats: ['html', 'pdf'] });
    expect(!asked.ok && asked.error.message).toMatch(/Cannot print the PDF report/);
    expect((await readdir(out.dir)).sort()).toEqual(['report-2026-11-20.html']);
  });
});
