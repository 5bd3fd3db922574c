import { normalizeForCheck, squeezeForWordList } from './text-normalize';

test('invisible format characters between the characters of a word are removed', () => {
  for (const hidden of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\ufe0f']) {
    expect(normalizeForCheck(`赌${hidden}博`)).toBe('赌博');
  }
});

test('look-alike full-width and compatibility characters fold to their plain form', () => {
  expect(normalizeForCheck('ＡＢＣ１２３')).toBe('ABC123');
  expect(normalizeForCheck('⑴')).toBe('(1)');
});

test('word-list form also drops spaces and punctuation', () => {
  expect(squeezeForWordList('赌 博')).toBe('赌博');
  expect(squeezeForWordList('赌。博！')).toBe('赌博');
  expect(squeezeForWordList('周三 下午，读诗')).toBe('周三下午读诗');
});
