/**
 * The form of a text that a content check must judge. People (and scripts) dodge word lists with look-alike
 * characters: full-width letters, compatibility ideographs, and invisible format characters between the
 * characters of a word (`赌\u200b博`). NFKC folds the look-alikes; every format character (Unicode Cf: zero-width
 * spaces and joiners, bidi marks, the BOM, soft hyphens) and variation selector is removed.
 * Only the check sees this form: what the person typed is stored as typed.
 */
export function normalizeForCheck(text: string): string {
  return text.normalize('NFKC').replace(/[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu, '');
}

/** The normalized text without spaces and punctuation, for word lists (`赌 博`, `赌.博`). */
export function squeezeForWordList(text: string): string {
  return normalizeForCheck(text).replace(/[\s\p{P}\p{S}]/gu, '');
}
