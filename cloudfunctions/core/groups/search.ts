/**
 * Chinese has no spaces to split on, so search uses character unigrams and bigrams: a group is found by any
 * one or two consecutive characters of its name or introduction. The index holds at most MAX_TOKENS per group.
 */
const MAX_TOKENS = 400;

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
}

export function searchTokens(...texts: string[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    for (const word of normalise(text).split(' ')) {
      const chars = [...word];
      chars.forEach((c, i) => {
        tokens.add(c);
        if (i + 1 < chars.length) tokens.add(c + chars[i + 1]);
      });
    }
  }
  return [...tokens].slice(0, MAX_TOKENS);
}

/** The one token the database filters on: the query's first bigram (or its only character). */
export function queryToken(query: string): string | null {
  const chars = [...normalise(query).replace(/ /g, '')];
  if (chars.length === 0) return null;
  return chars.length === 1 ? chars[0]! : chars[0]! + chars[1]!;
}

/** The exact check the database cannot do: every word of the query appears in the text. */
export function matchesQuery(query: string, ...texts: string[]): boolean {
  const haystack = normalise(texts.join(' '));
  return normalise(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
