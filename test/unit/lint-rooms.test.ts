// The room rules of the linter hold: one planted violation per rule, each refused with the rule that says why
// (and the same file without it is clean, so a refusal is the rule's doing, not a broken config).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli';

const eslint = new ESLint({ cwd: ROOT });

const CASES: [room: string, file: string, code: string][] = [
  ['shared', 'src/shared/__planted.ts', "import { app } from 'electron';"],
  ['shared', 'src/shared/__planted.ts', "import { app } from 'electron/main';"],
  ['shared', 'src/shared/__planted.ts', "import Store from 'electron-store';"],
  ['shared', 'src/shared/__planted.ts', "import { create } from 'zustand';"],
  ['shared', 'src/shared/__planted.ts', "import { createRoot } from 'react-dom/client';"],
  ['shared', 'src/shared/__planted.ts', "import { readFile } from 'node:fs/promises';"],
  ['shared', 'src/shared/__planted.ts', "import { readFile } from 'fs';"],
  ['shared', 'src/shared/__planted.ts', "import { TagfitError } from '../core/errors';"],
  ['core', 'src/core/__planted.ts', "import { app } from 'electron';"],
  ['core', 'src/core/__planted.ts', "import { app } from 'electron/main';"],
  ['core', 'src/core/__planted.ts', "import Store from 'electron-store';"],
  ['core', 'src/core/__planted.ts', "import { create } from 'zustand';"],
  ['core', 'src/core/__planted.ts', "import { createRoot } from 'react-dom';"],
  ['core', 'src/core/__planted.ts', "import { registerIpc } from '../main/ipc';"],
  ['core', 'src/core/__planted.ts', 'export const w = window.innerWidth;'],
  ['core', 'src/core/__planted.ts', 'export const t = document.title;'],
  ['cli', 'src/cli/__planted.ts', "import { app } from 'electron/main';"],
  ['cli', 'src/cli/__planted.ts', "import Store from 'electron-store';"],
  ['cli', 'src/cli/__planted.ts', "import { create } from 'zustand';"],
  ['cli', 'src/cli/__planted.ts', "import { registerIpc } from '../main/ipc';"],
  ['main', 'src/main/__planted.ts', "import { create } from 'zustand';"],
  ['main', 'src/main/__planted.ts', "import { useState } from 'react';"],
  ['main', 'src/main/__planted.ts', "import { main } from '../cli/main';"],
  ['main', 'src/main/__planted.ts', 'export const t = document.title;'],
  ['renderer', 'src/renderer/src/__planted.ts', "import { ipcRenderer } from 'electron';"],
  ['renderer', 'src/renderer/src/__planted.ts', "import { readFile } from 'fs';"],
  ['renderer', 'src/renderer/src/__planted.ts', "import { readFile } from 'node:fs';"],
  ['renderer', 'src/renderer/src/__planted.ts', "import { TagfitError } from '../../core/errors';"],
  ['renderer', 'src/renderer/src/__planted.ts', "import '../../preload/index';"],
  ['preload', 'src/preload/__planted.ts', "import { readFileSync } from 'node:fs';"],
  ['preload', 'src/preload/__planted.ts', "import { z } from 'zod';"],
  ['preload', 'src/preload/__planted.ts', "import { TagfitError } from '../core/errors';"],
];

describe('the room rules', () => {
  it.each(CASES)('%s refuses: %s ← %s', async (_room, file, code) => {
    const [result] = await eslint.lintText(`${code}\nexport const planted = 1;\n`, {
      filePath: `${ROOT}/${file}`,
    });
    const rules = result!.messages.map((m) => m.ruleId);
    expect(
      rules.some((r) => r === 'no-restricted-imports' || r === 'no-restricted-globals'),
      JSON.stringify(result!.messages),
    ).toBe(true);
  });

  it('the same files without a violation are clean', async () => {
    for (const file of new Set(CASES.map((c) => c[1]))) {
      const [result] = await eslint.lintText(
        "import type { RunResult } from '../shared/model';\nexport type R = RunResult;\n",
        {
          filePath: `${ROOT}/${file}`,
        },
      );
      expect(
        result!.messages.filter((m) => m.ruleId === 'no-restricted-imports'),
        file,
      ).toEqual([]);
    }
  });
});
