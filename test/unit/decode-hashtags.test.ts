// Parsing hashtags out of captions: scripts, boundaries, chains, duplicates, case, emoji and URLs.
import { describe, expect, it } from 'vitest';
import { hashtagsFromCaptions } from '../../src/core/decode/competitor';

const tags = (...captions: (string | null)[]): string[] => hashtagsFromCaptions(captions).map((t) => t.tag);

describe('hashtagsFromCaptions', () => {
  it('reads letters and digits of any script: CJK, Hangul, Cyrillic, Arabic, Devanagari', () => {
    expect(tags('今日の #美食 と #먹방 #котики #طبخ #खाना #2026goals')).toEqual([
      '美食',
      '먹방',
      'котики',
      'طبخ',
      'खाना',
      '2026goals',
    ]);
  });

  it('keeps accents and folds composed and decomposed forms into one NFC tag', () => {
    const decomposed = 'cafe\u0301';
    const out = hashtagsFromCaptions([`#café`, `#${decomposed}`, '#CAFÉ']);
    expect(out).toEqual([{ tag: 'café', uses: 3, posts: 3 }]);
    expect(out[0]!.tag).toBe('café'.normalize('NFC'));
  });

  it('splits chained tags: #a#b is two tags', () => {
    expect(tags('#a#b #c#d#e')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('ends a tag at punctuation and takes tags inside brackets and after punctuation', () => {
    expect(tags('Love it (#cats), #dogs! #birds. #fish? "#frogs" #don\'t #snake-case #a/b')).toEqual([
      'cats',
      'dogs',
      'birds',
      'fish',
      'frogs',
      'don',
      'snake',
      'a',
    ]);
  });

  it('keeps underscores inside a tag', () => {
    expect(tags('#small_business #_lead #trail_')).toEqual(['small_business', '_lead', 'trail_']);
  });

  it('counts uses and posts separately: a tag twice in one caption is two uses, one post', () => {
    expect(hashtagsFromCaptions(['#cats #cats #dogs', '#cats', '#dogs #dogs #dogs'])).toEqual([
      { tag: 'dogs', uses: 4, posts: 2 },
      { tag: 'cats', uses: 3, posts: 2 },
    ]);
  });

  it('lower-cases, so #Cats and #CATS are one tag', () => {
    expect(hashtagsFromCaptions(['#Cats', '#CATS #cats'])).toEqual([{ tag: 'cats', uses: 3, posts: 2 }]);
  });

  it('orders by posts, then uses, then first seen', () => {
    expect(tags('#z #y #x #x', '#y', '#w')).toEqual(['y', 'x', 'z', 'w']);
  });

  it('ends a tag at an emoji, its variation selector or a joiner; the keycap #️⃣ is no tag', () => {
    expect(tags('#cats🐱 #love❤️ #sun☀️rise #fam👨‍👩‍👧 #️⃣ #1️⃣')).toEqual(['cats', 'love', 'sun', 'fam']);
    expect(tags('❤️#after')).toEqual(['after']);
    expect(tags('#day1️⃣ of #launch')).toEqual(['day', 'launch']);
  });

  it('takes the tag after "##" and ignores a bare "#" or "##"', () => {
    expect(tags('##double # ## #')).toEqual(['double']);
  });

  it('ignores URL fragments and a "#" inside a word or an HTML entity', () => {
    expect(
      tags(
        'see https://example.com/page#section and www.shop.com/#/cart or example.com/#top, issue#42, it&#39;s #real',
      ),
    ).toEqual(['real']);
  });

  it('skips null and empty captions and a tag over 100 characters', () => {
    expect(hashtagsFromCaptions([null, '', undefined, `#${'a'.repeat(101)} #${'b'.repeat(100)}`])).toEqual([
      { tag: 'b'.repeat(100), uses: 1, posts: 1 },
    ]);
  });

  it('finds nothing in captions without tags', () => {
    expect(hashtagsFromCaptions(['just a caption', 'C# and F# are languages'])).toEqual([]);
  });
});
