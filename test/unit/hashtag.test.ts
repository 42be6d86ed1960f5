// The hashtag text rules (src/shared/hashtag.ts): what people type, the key two spellings share, the grammar.
import { describe, expect, it } from 'vitest';
import {
  hashtagKey,
  hashtagProblem,
  HASHTAG_MAX,
  parseHashtag,
  sameHashtag,
  showHashtag,
  stripHash,
} from '../../src/shared/hashtag';
import { parseTagList } from '../../src/core/input/csv-lists';
import { hashtagsFromCaptions } from '../../src/core/decode/competitor';

describe('parseHashtag', () => {
  it('drops one leading # and the spaces around, and keys by NFC and lower case', () => {
    expect(parseHashtag('  #FitTok ')).toEqual({ ok: true, value: 'fittok' });
    expect(parseHashtag('GymTok')).toEqual({ ok: true, value: 'gymtok' });
    // "Café" with a combining acute (NFD) and with the precomposed é are one tag.
    const nfd = 'Cafe\u0301';
    expect(parseHashtag(nfd)).toEqual({ ok: true, value: 'caf\u00e9' });
    expect(sameHashtag(nfd, '#café')).toBe(true);
  });

  it('keeps letters of any script, digits and _', () => {
    expect(parseHashtag('#健身')).toEqual({ ok: true, value: '健身' });
    expect(parseHashtag('#фитнес_2026')).toEqual({ ok: true, value: 'фитнес_2026' });
    expect(parseHashtag('#योग')).toEqual({ ok: true, value: 'योग' }); // combining vowel sign stays
    expect(parseHashtag('#لياقة')).toEqual({ ok: true, value: 'لياقة' }); // right-to-left script
  });

  it('refuses emoji, spaces inside, zero-width and direction characters, a second #, with the reason', () => {
    expect(parseHashtag('#fit🔥')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('an emoji (🔥)'),
    });
    expect(parseHashtag('#gym tok')).toMatchObject({ ok: false, reason: expect.stringContaining('a space') });
    expect(parseHashtag('#fit\u200btok')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('invisible control character (U+200B)'),
    });
    expect(parseHashtag('#\u202Efit')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('U+202E'),
    });
    expect(parseHashtag('##fit')).toMatchObject({ ok: false, reason: 'more than one leading "#"' });
    expect(parseHashtag('#')).toMatchObject({ ok: false, reason: 'empty hashtag' });
    expect(parseHashtag('   ')).toMatchObject({ ok: false, reason: 'empty hashtag' });
    expect(parseHashtag('fit-tok')).toMatchObject({ ok: false, reason: expect.stringContaining('"-"') });
  });

  it('allows up to HASHTAG_MAX characters, counted as characters, not UTF-16 units', () => {
    expect(parseHashtag('a'.repeat(HASHTAG_MAX)).ok).toBe(true);
    expect(hashtagProblem('a'.repeat(HASHTAG_MAX + 1))).toBe(`longer than ${HASHTAG_MAX} characters`);
    // 100 CJK-extension characters are 200 UTF-16 units and still one valid tag.
    expect(parseHashtag('𠀀'.repeat(HASHTAG_MAX)).ok).toBe(true);
  });
});

describe('the small rules', () => {
  it('stripHash drops one # only; hashtagKey leaves a # alone; showHashtag adds one', () => {
    expect(stripHash(' ##a ')).toBe('#a');
    expect(hashtagKey('#ÄB')).toBe('#äb');
    expect(showHashtag('fittok')).toBe('#fittok');
    expect(sameHashtag('#FitTok', 'fittok')).toBe(true);
    expect(sameHashtag('fittok', 'fit_tok')).toBe(false);
  });
});

describe('every reader uses the same rules', () => {
  it('a tag list merges what is one tag after normalisation and names each bad row', () => {
    const r = parseTagList('tag\n#FitTok\nfittok\nFITTOK\nCafe\u0301\n#café\ngym tok\n', 'tags.csv');
    expect(r.values).toEqual(['fittok', 'café']);
    expect(r.merged).toEqual([
      { value: 'fittok', lines: [2, 3, 4] },
      { value: 'café', lines: [5, 6] },
    ]);
    expect(r.errors).toEqual([
      {
        file: 'tags.csv',
        line: 7,
        column: 'tag',
        reason: expect.stringContaining('a space'),
      },
    ]);
  });

  it('captions read tags by the same grammar and key', () => {
    const tags = hashtagsFromCaptions(['Leg day #FitTok #健身🔥 #Cafe\u0301', '#fittok again']);
    expect(tags.map((t) => t.tag)).toEqual(['fittok', '健身', 'café']);
    expect(tags[0]).toMatchObject({ uses: 2, posts: 2 });
  });
});
