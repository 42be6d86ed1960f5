// The cost of a decode said before it spends (core/job/decode-estimate.ts computes it), as the app shows it.

export interface DecodeEstimate {
  competitors: number;
  posts: number;
  regions: string[];
  /** Credits to read the competitors: at most a profile and the pages of posts each (fewer from the cache). */
  read: number;
  /** Credits to score one hashtag found in every region: expected (adaptive sampling) and at most. */
  perTag: { expected: number; max: number };
  /** The estimate in a sentence, for the confirmation. */
  words: string;
}
