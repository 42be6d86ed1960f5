// Discovery and the tag set in the app: suggestions and picks from the last run's samples (no call).
import { z } from 'zod';
import type { CreatorSuggestion, RegionPicks, TagSuggestion } from '../discover';

/** How many tags a tag set may hold: the request's schema and the app's field take this. */
export const PICK_K = { int: true, min: 1, max: 30, default: 5 } as const;

export const discoverRequests = {
  'discover:suggest': z.strictObject({}),
  'discover:pick': z.strictObject({ k: z.number().int().min(PICK_K.min).max(PICK_K.max).optional() }),
} as const;

export interface DiscoverResponses {
  'discover:suggest': { tags: TagSuggestion[]; creators: CreatorSuggestion[] };
  'discover:pick': RegionPicks[];
}
