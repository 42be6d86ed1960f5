// Writing reports: atomic replace, names kept inside the folder, the Excel-lock alternate, storage errors.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { atomicWrite } from '../../src/core/storage/atomic-write';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TagfitError } from '../../src/core/errors';
import { writeFileAtomic, writeReports, type AtomicWriter } from '../../src/core/report/write';
import { ROOT, UNPRIVILEGED } from '../support/cli';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tagfit-write-'));
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>, code: string): Promise<TagfitError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TagfitError);
  expect((e as TagfitError).code).toBe(code);
  return e as TagfitError;
}

const errnoError = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: simulated`), { code });

/** The real writer, failing with `code` once its temporary file exists (as a full disk or a lock would). */
function failingAfterTmp(code: string, when: (file: string) => boolean = () => true): AtomicWriter {
  return (file, data, options) =>
    atomicWrite(file, data, {
      ...options,
      tmpfileCreated: (tmp: string) => {
        options.tmpfileCreated(tmp);
        if (when(file)) throw errnoError(code);
      },
    });
}

/** [command, args] run without the power to override file permissions (see UNPRIVILEGED). */
function unprivileged(cmd: string, args: string[]): [string, string[]] {
  if (!('prefix' in UNPRIVILEGED)) throw new Error(UNPRIVILEGED.reason);
  const [first, ...rest] = [...UNPRIVILEGED.prefix, cmd, ...args];
  return [first!, rest];
}

describe('writeFileAtomic', () => {
  it('creates the folder when missing and writes the file', async () => {
    const out = path.join(dir, 'reports', 'weekly');
    const w = await writeFileAtomic(out, 'US-2026-11-20.md', '# report\n');
    expect(w).toEqual({
      requested: 'US-2026-11-20.md',
      name: 'US-2026-11-20.md',
      path: path.join(out, 'US-2026-11-20.md'),
      alternate: false,
    });
    expect(await readFile(w.path, 'utf8')).toBe('# report\n');
  });

  it('replaces a report of the same name and leaves no temporary file', async () => {
    await writeFileAtomic(dir, 'US.md', 'old');
    await writeFileAtomic(dir, 'US.md', 'new');
    expect(await readFile(path.join(dir, 'US.md'), 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['US.md']);
  });

  it.each([
    '../escape.md',
    'sub/x.md',
    '..\\x.md',
    '/etc/passwd',
    '..',
    '',
    'a\u0000b.md',
    'CON',
    'bad:name.md',
    'dot.',
  ])('refuses the name %j and writes nothing', async (name) => {
    await failure(writeFileAtomic(dir, name, 'x'), 'input');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to write through a symbolic link', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'tagfit-outside-'));
    try {
      const { symlink } = await import('node:fs/promises');
      await symlink(path.join(outside, 'target.md'), path.join(dir, 'US.md'));
      await failure(writeFileAtomic(dir, 'US.md', 'x'), 'storage');
      expect(await readdir(outside)).toEqual([]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('keeps the old report whole and leaves no temporary file when the disk is full', async () => {
    await writeFileAtomic(dir, 'US.md', 'old report');
    const e = await failure(
      writeFileAtomic(dir, 'US.md', 'new report', { writer: failingAfterTmp('ENOSPC') }),
      'storage',
    );
    expect(e.message).toBe(`Cannot write ${path.join(dir, 'US.md')}: the disk is full.`);
    expect(e.details).toMatchObject({ path: path.join(dir, 'US.md'), code: 'ENOSPC' });
    expect(await readFile(path.join(dir, 'US.md'), 'utf8')).toBe('old report');
    expect(await readdir(dir)).toEqual(['US.md']);
  });

  it('writes under an alternate name when the report is locked (open in Excel on Windows)', async () => {
    await writeFileAtomic(dir, 'US-2026-11-20.md', 'old');
    const locked = failingAfterTmp('EPERM', (file) => path.basename(file) === 'US-2026-11-20.md');
    const w = await writeFileAtomic(dir, 'US-2026-11-20.md', 'new', { writer: locked });
    expect(w).toMatchObject({ requested: 'US-2026-11-20.md', name: 'US-2026-11-20 (1).md', alternate: true });
    expect(w.note).toContain('open in another program');
    expect(await readFile(path.join(dir, 'US-2026-11-20.md'), 'utf8')).toBe('old');
    expect(await readFile(path.join(dir, 'US-2026-11-20 (1).md'), 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['US-2026-11-20 (1).md', 'US-2026-11-20.md']);
  });

  it('moves on to the next alternate when the first is locked too', async () => {
    await writeFileAtomic(dir, 'US.csv', 'old');
    await writeFileAtomic(dir, 'US (1).csv', 'older alternate');
    const locked = failingAfterTmp('EBUSY', (file) => !path.basename(file).includes('(2)'));
    const w = await writeFileAtomic(dir, 'US.csv', 'new', { writer: locked });
    expect(w.name).toBe('US (2).csv');
    expect(await readFile(path.join(dir, 'US (2).csv'), 'utf8')).toBe('new');
  });

  it('fails with a storage error naming the path when a part of the folder path is a file', async () => {
    // Works as root too: no permission can make a regular file into a folder.
    await writeFile(path.join(dir, 'not-a-folder'), 'x');
    const out = path.join(dir, 'not-a-folder', 'reports');
    const e = await failure(writeFileAtomic(out, 'US.md', 'x'), 'storage');
    expect(e.message).toContain(out);
    expect(e.message).toContain('a part of the path is a file, not a folder');
  });

  it('fails with a storage error when the folder vanishes during the write', async () => {
    const out = path.join(dir, 'out');
    const vanishing: AtomicWriter = async (file, data, options) => {
      await rm(out, { recursive: true, force: true });
      return atomicWrite(file, data, options);
    };
    const e = await failure(writeFileAtomic(out, 'US.md', 'x', { writer: vanishing }), 'storage');
    expect(e.message).toBe(`Cannot write ${path.join(out, 'US.md')}: the folder no longer exists.`);
  });

  it('fails with a storage error on a read-only folder that says read-only, keeping the old report', async () => {
    const out = path.join(dir, 'ro');
    await mkdir(out);
    await writeFile(path.join(out, 'US.md'), 'old');
    await chmod(out, 0o555);
    try {
      // In a process of its own, without the power to write where permissions forbid it (root included).
      const r = spawnSync(
        ...unprivileged(process.execPath, [
          path.join(ROOT, 'bin/run-ts.mjs'),
          path.join(ROOT, 'test/fixtures/write-report.ts'),
          out,
          'US.md',
          'new',
        ]),
        { encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        ok: false,
        code: 'storage',
        message: `Cannot write ${path.join(out, 'US.md')}: permission denied (is the folder read-only?).`,
      });
      expect(await readFile(path.join(out, 'US.md'), 'utf8')).toBe('old');
      expect(await readdir(out)).toEqual(['US.md']);
    } finally {
      await chmod(out, 0o755);
    }
  });

  it('reports a read-only folder (simulated with EACCES before any temporary file) as a storage error', async () => {
    const denied: AtomicWriter = async () => {
      throw errnoError('EACCES');
    };
    await writeFile(path.join(dir, 'US.md'), 'old');
    const e = await failure(writeFileAtomic(dir, 'US.md', 'new', { writer: denied }), 'storage');
    expect(e.message).toContain('permission denied');
    expect(await readFile(path.join(dir, 'US.md'), 'utf8')).toBe('old');
  });
});

describe('writeReports', () => {
  it('writes every file', async () => {
    const written = await writeReports(dir, [
      { name: 'US-2026-11-20.md', content: '# US' },
      { name: 'US-2026-11-20.csv', content: '\uFEFFregion\r\n' },
    ]);
    expect(written.map((w) => w.name)).toEqual(['US-2026-11-20.md', 'US-2026-11-20.csv']);
    expect(await readFile(path.join(dir, 'US-2026-11-20.csv'), 'utf8')).toBe('\uFEFFregion\r\n');
  });

  it('checks every name before writing anything', async () => {
    await failure(
      writeReports(dir, [
        { name: 'US.md', content: 'x' },
        { name: '../BR.md', content: 'y' },
      ]),
      'input',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves earlier files complete and names them when a later one fails', async () => {
    const e = await failure(
      writeReports(
        dir,
        [
          { name: 'US.md', content: 'us' },
          { name: 'BR.md', content: 'br' },
        ],
        { writer: failingAfterTmp('ENOSPC', (file) => file.endsWith('BR.md')) },
      ),
      'storage',
    );
    expect(e.details.written).toEqual([path.join(dir, 'US.md')]);
    expect(await readdir(dir)).toEqual(['US.md']);
  });

  it('a file that cannot be written costs that file only: the ones after it are still written, every miss named', async () => {
    // A folder where US's report should go (a sync client's leftover, a mistake) and, later, one where BR's should.
    await mkdir(path.join(dir, 'US.md'));
    await mkdir(path.join(dir, 'BR.csv'));
    const e = await failure(
      writeReports(dir, [
        { name: 'US.md', content: 'us' },
        { name: 'US.csv', content: 'us' },
        { name: 'BR.md', content: 'br' },
        { name: 'BR.csv', content: 'br' },
        { name: 'summary.md', content: 's' },
      ]),
      'storage',
    );
    expect(e.message).toContain('US.md');
    expect(e.message).toMatch(/; 1 more not written: BR\.csv\.$/);
    expect(e.details.notWritten).toEqual(['US.md', 'BR.csv']);
    expect(e.details.written).toEqual(['US.csv', 'BR.md', 'summary.md'].map((n) => path.join(dir, n)));
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toBe('s');
  });
});
