/**
 * Prompt search runs on one FTS5 table with the unicode61 tokenizer over a copy of each prompt in which every
 * CJK character stands alone. English then matches by word (stemmed), and any run of Chinese characters, even a
 * single one, matches as a phrase of consecutive one-character tokens: a substring search that a trigram index
 * cannot do below three characters.
 */

const cjkCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const tokenCharacter = /[\p{L}\p{N}]/u;

/** The text indexed for a prompt: CJK characters set apart by spaces, everything else unchanged. */
export function searchableText(prompt: string): string {
  return prompt.replace(cjkCharacter, ' $& ');
}

/**
 * The FTS5 query for what a user typed: each whitespace-separated word becomes one quoted phrase (so `猫咪`
 * needs 猫 directly followed by 咪, and `red-car` needs red then car), and all phrases must match. Quoting makes
 * every FTS5 operator plain text, so no input can be a syntax error. Null when nothing searchable was typed.
 */
export function promptMatchExpression(query: string): string | null {
  const phrases = query
    .split(/\s+/u)
    .filter((word) => tokenCharacter.test(word))
    .map((word) => `"${searchableText(word).trim().replaceAll('"', '""')}"`);
  return phrases.length === 0 ? null : phrases.join(' ');
}
