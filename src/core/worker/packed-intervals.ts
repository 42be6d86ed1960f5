// A region's intervals as a worker sends them: the numbers in typed arrays and only the words (reasons, coin-toss
// neighbours) as objects, so the main thread takes in 200 tags' confidence without 200 objects to clone (0.5 ms a
// region instead of 0.8 at 200 tags, measured taking in a structured clone and building the map).
import type { ScoreConfidence } from '../../shared/model';

export interface PackedIntervals {
  /** The ranked tags, by rank. */
  candidates: string[];
  /** Per tag at i * 5: low, high, rankLow, rankHigh, resamples; NaN for a value left out (no interval). */
  numbers: Float64Array;
  /** Per tag: the label's index in LABELS, + 4 when the sample is small. */
  flags: Uint8Array;
  /** The tags with a coin-toss neighbour or a reason, by index, in order. */
  words: [index: number, coinToss: ScoreConfidence['coinToss'], reason: string | undefined][];
}

const LABELS: readonly ScoreConfidence['label'][] = ['confident', 'uncertain', 'too few posts'];
const SMALL = 4;

export function packIntervals(
  rows: readonly [candidate: string, confidence: ScoreConfidence][],
): PackedIntervals {
  const numbers = new Float64Array(rows.length * 5);
  const flags = new Uint8Array(rows.length);
  const words: PackedIntervals['words'] = [];
  rows.forEach(([, c], i) => {
    numbers[i * 5] = c.low ?? NaN;
    numbers[i * 5 + 1] = c.high ?? NaN;
    numbers[i * 5 + 2] = c.rankLow;
    numbers[i * 5 + 3] = c.rankHigh;
    numbers[i * 5 + 4] = c.resamples ?? NaN;
    flags[i] = LABELS.indexOf(c.label) + (c.smallSample ? SMALL : 0);
    if (c.coinToss || c.reason !== undefined) words.push([i, c.coinToss, c.reason]);
  });
  return { candidates: rows.map(([candidate]) => candidate), numbers, flags, words };
}

/** The confidence by candidate, each with the keys confidenceFromDraws gives it, in its order. */
export function unpackIntervals(p: PackedIntervals): Map<string, ScoreConfidence> {
  const out = new Map<string, ScoreConfidence>();
  const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
  let w = 0;
  for (let i = 0; i < p.candidates.length; i++) {
    const c: ScoreConfidence = {
      low: orNull(p.numbers[i * 5]!),
      high: orNull(p.numbers[i * 5 + 1]!),
      rankLow: p.numbers[i * 5 + 2]!,
      rankHigh: p.numbers[i * 5 + 3]!,
      label: LABELS[p.flags[i]! & 3]!,
    };
    const resamples = p.numbers[i * 5 + 4]!;
    if (!Number.isNaN(resamples)) c.resamples = resamples;
    const words = p.words[w]?.[0] === i ? p.words[w++] : undefined;
    if (words?.[1]) c.coinToss = words[1];
    if (p.flags[i]! & SMALL) c.smallSample = true;
    if (words?.[2] !== undefined) c.reason = words[2];
    out.set(p.candidates[i]!, c);
  }
  return out;
}
