// Discovery and the tag set in the app: suggestions and picks from the last run's samples (no call).
import { z } from 'zod';
import type { CreatorSuggestion, RegionPicks, TagSuggestion } from '../discover';

export const discoverRequests = {
  'discover:suggest': z.strictObject({}),
  'discover:pick': z.strictObject({ k: z.number().int().min(1).max(30).optional() }),
} as const;

export interface DiscoverResponses {
  'discover:suggest': { tags: TagSuggestion[]; creators: CreatorSuggestion[] };
  'discover:pick': RegionPicks[];
}
