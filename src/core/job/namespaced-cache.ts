// Keeps answers of different sources apart in one cache folder: the demo simulator's answers must never be
// served for the real API (or the other way round). The real API's answers carry no prefix.
import type { AnswerCache } from '../api/types';

export function namespacedCache(cache: AnswerCache, namespace: string): AnswerCache {
  if (namespace === '') return cache;
  const k = (key: string): string => `${namespace}|${key}`;
  return { get: (key) => cache.get(k(key)), set: (key, answer) => cache.set(k(key), answer) };
}

/** The cache namespace of an API source: '' for TikLiveAPI itself, 'demo' for the built-in simulator, else the host. */
export function sourceNamespace(demo: boolean, apiBase: string | undefined, defaultBase: string): string {
  if (demo) return 'demo';
  if (!apiBase || new URL(apiBase).origin === new URL(defaultBase).origin) return '';
  return new URL(apiBase).host;
}

/** An API source as a message names it: the same three kinds as sourceNamespace. */
export function sourceName(demo: boolean, apiBase: string | undefined, defaultBase: string): string {
  const ns = sourceNamespace(demo, apiBase, defaultBase);
  return ns === 'demo' ? "the demo's simulator" : ns === '' ? 'TikLiveAPI' : ns;
}
