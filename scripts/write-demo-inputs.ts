// Writes resources/demo/{tags,creators,regions}.csv from the simulator's demo dataset, so the two never disagree.
// Run: node bin/run-ts.mjs scripts/write-demo-inputs.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDemoDataset, demoInputCsvs } from '../src/core/simulator/index';

const dir = path.resolve('resources/demo');
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(demoInputCsvs(buildDemoDataset()))) {
  writeFileSync(path.join(dir, name), text, 'utf8');
  console.log(`wrote ${path.join('resources/demo', name)}`);
}
