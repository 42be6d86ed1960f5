#!/usr/bin/env node
// The `tagfit` command: runs the TypeScript CLI through tsx's loader, so it works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
