// Where the scoring worker's code is: beside this module as built JavaScript (electron-vite bundles it as
// out/main/scoring-worker.js next to main's index.js), or as TypeScript when run from source (tsx: the CLI, the
// preview, tests, the bench), which the worker then loads through tsx's loader itself.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const here = import.meta.url;

/** A new worker thread running the scoring worker, from the bundle or from source. */
export function startScoringWorker(options: WorkerOptions): Worker {
  if (!/\.ts($|\?)/.test(new URL(here).pathname))
    return new Worker(new URL('./scoring-worker.js', here), options);
  const source = new URL('./scoring-worker.ts', here).href;
  // A worker does not inherit a loader registered at run time, so it registers tsx before importing the source;
  // tsx is found from here, not from the working folder (the CLI runs anywhere).
  const tsxApi = createRequire(here)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(tsxApi).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
