/**
 * Prompt search runs on one FTS5 table (unicode61 tokenizer) with two columns made from each prompt:
 * - `text`: the prompt with every CJK character set apart by spaces. English matches by word (stemmed), and a
 *   single Chinese character matches as a one-character token.
 * - `pairs`: every two adjacent CJK characters of the prompt as one token. A two-character query is then one
 *   token lookup, and a longer one a phrase of overlapping pairs, which stays fast even when each character on
 *   its own is in half the library but the sequence is rare (a trigram index cannot serve one or two
 *   characters at all; single-character tokens alone would check positions in every prompt holding both).
 */

const cjkClass = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const cjkCharacter = new RegExp(`[${cjkClass}]`, 'gu');
const cjkRun = new RegExp(`[${cjkClass}]{2,}`, 'gu');
const cjkOnly = new RegExp(`^[${cjkClass}]{2,}$`, 'u');
const tokenCharacter = /[\p{L}\p{N}]/u;

/** The `text` column: CJK characters set apart by spaces, everything else unchanged. */
export function searchableText(prompt: string): string {
  return prompt.replace(cjkCharacter, ' $& ');
}

/** The `pairs` column: each pair of adjacent CJK characters within a run, as space-separated tokens. */
export function cjkPairs(prompt: string): string {
  const pairs: string[] = [];
  for (const [run] of prompt.matchAll(cjkRun)) {
    const characters = Array.from(run);
    for (let index = 0; index + 1 < characters.length; index += 1) {
      pairs.push(`${characters[index] ?? ''}${characters[index + 1] ?? ''}`);
    }
  }
  return pairs.join(' ');
}

function phrase(tokens: string): string {
  return `"${tokens.replaceAll('"', '""')}"`;
}

/**
 * The FTS5 query for what a user typed. Each whitespace-separated word must match as written: its characters
 * in order (`text` phrase: `red-car` needs red then car) and, for CJK runs, its character pairs in order
 * (`pairs` phrase), which is what makes the lookup selective. A word of CJK characters only needs only its
 * pairs: overlapping pairs at consecutive positions already spell it out, and checking the positions of its
 * single characters too (each in half the library) cost more than the rest of the search. Quoting makes every FTS5 operator plain text, so no input can be a syntax
 * error. Null when nothing searchable was typed.
 */
export function promptMatchExpression(query: string): string | null {
  const clauses: string[] = [];
  for (const word of query.split(/\s+/u)) {
    if (!tokenCharacter.test(word)) continue;
    const pairs = cjkPairs(word);
    if (pairs !== '') clauses.push(`pairs : ${phrase(pairs)}`);
    if (!cjkOnly.test(word)) clauses.push(`text : ${phrase(searchableText(word).trim())}`);
  }
  return clauses.length === 0 ? null : clauses.join(' AND ');
}
