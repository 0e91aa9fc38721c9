import {
  combinationCount,
  defaultExpansionCap,
  expandTemplate,
  parseTemplate,
  templateVariables,
  type TemplateProblem,
} from '../../../src-preload/contract/prompt-template';

/** What the prompt box holds, read as a template: plain text, or variables and alternatives to fill in. */
export type DraftTemplate =
  | { kind: 'plain' }
  | {
      kind: 'template';
      variables: string[];
      /** Prompts the alternatives make. */
      count: number;
      /** Every prompt, or why there are none yet (a variable left empty, over the cap). */
      prompts: string[];
      problem: TemplateProblem | null;
    };

/**
 * A prompt is a template only when it parses and has a variable or alternatives; anything else (braces in a
 * prompt that never meant them) is sent as written.
 */
export function readDraftTemplate(
  prompt: string,
  values: Readonly<Record<string, string>>,
  cap: number = defaultExpansionCap,
): DraftTemplate {
  const parsed = parseTemplate(prompt);
  if (!parsed.ok) return { kind: 'plain' };
  const variables = templateVariables(parsed.value);
  const count = combinationCount(parsed.value);
  if (variables.length === 0 && count <= 1 && !parsed.value.some((part) => part.kind === 'choice')) {
    return { kind: 'plain' };
  }
  const expanded = expandTemplate(prompt, values, cap);
  return expanded.ok
    ? { kind: 'template', variables, count, prompts: expanded.value.prompts, problem: null }
    : { kind: 'template', variables, count, prompts: [], problem: expanded.problem };
}
