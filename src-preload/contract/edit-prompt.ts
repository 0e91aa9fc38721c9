import type { EditDocument } from './edit';
import { expandRegionTags, type ExpandedPrompt } from './edit-regions';
import { measurePrompt } from './generation';
import type { RegionTagFormat } from './models';

/** The provider's examples end a marked-up instruction by asking for the marks to go; in the prompt's language. */
export const removeMarksInstruction = {
  en: 'Remove the marks drawn on the image.',
  zh: '去掉图中画的标记。',
} as const;

/**
 * The prompt exactly as it is sent for an edit: region placeholders replaced by their tags, then, when marks
 * are drawn and the option is on, the request to remove them (in Chinese when the prompt is mostly Chinese).
 */
export function composeEditPrompt(
  prompt: string,
  document: EditDocument,
  format: RegionTagFormat | null,
): ExpandedPrompt {
  const expanded = expandRegionTags(prompt.trim(), document, format);
  if (!expanded.ok || !document.removeMarks || document.marks.length === 0) return expanded;
  const measure = measurePrompt(prompt);
  const chinese = measure.cjkChars > 0 && measure.cjkChars * 3 >= measure.otherChars;
  const instruction = chinese ? removeMarksInstruction.zh : removeMarksInstruction.en;
  const separator = expanded.prompt === '' || chinese ? '' : ' ';
  return { ok: true, prompt: `${expanded.prompt}${separator}${instruction}` };
}
