// The lists domain: candidates, target creators and regions, checked by the engine's rules and saved to the
// workspace's own CSV files (the files the CLI reads).
import { z } from 'zod';
import type { ListCheck } from '../ipc-payloads';
import { empty } from './app';

export const listNameSchema = z.enum(['tags', 'creators', 'regions']);
const values = z.array(z.string().max(10_000)).max(100_000);

export const listsRequests = {
  'lists:check': z.strictObject({ list: listNameSchema, values }),
  /** Saves the valid, merged values; the answer says what was dropped and why. */
  'lists:save': z.strictObject({ list: listNameSchema, values }),
  /** TikLiveAPI's region list with names (cached like any answer), else the built-in ISO 3166 list. */
  'lists:regions': empty,
} as const;

export interface ListsResponses {
  'lists:check': ListCheck;
  'lists:save': ListCheck;
  /** `source`: TikLiveAPI's list, its cached copy, or the built-in ISO 3166 list (no key, offline); `note` says which. */
  'lists:regions': {
    regions: Record<string, string>;
    fromCache: boolean;
    source: 'api' | 'cache' | 'built-in';
    note: string;
  };
}
