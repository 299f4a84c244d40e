/**
 * Flesch Reading Ease of English text, with maintained libraries: `flesch` (the 1975 formula) and
 * `syllable` (English syllable counts), both by the unified/words collective; sentences and words
 * from Intl.Segmenter. For the plain-language test of the English UI and guidance; never shipped.
 */
import { flesch } from 'flesch';
import { syllable } from 'syllable';

export interface Readability {
  readonly sentences: number;
  readonly words: number;
  readonly syllables: number;
  readonly score: number;
  /** Words per sentence, on average. */
  readonly wordsPerSentence: number;
}

/** Each text is read as at least one sentence (a label, a heading or a button is one). */
export function readability(texts: readonly string[]): Readability {
  const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const text of texts) {
    const found = [...sentenceSegmenter.segment(text)].filter((s) => /\p{L}/u.test(s.segment));
    sentences += Math.max(1, found.length);
    for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
      if (!isWordLike || !/\p{L}/u.test(segment)) continue;
      words++;
      syllables += Math.max(1, syllable(segment));
    }
  }
  const score = flesch({ sentence: sentences, word: words, syllable: syllables });
  return { sentences, words, syllables, score, wordsPerSentence: words / sentences };
}
