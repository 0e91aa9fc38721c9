/**
 * Prompt templates: `{subject}` is a variable filled in before sending, `{spring|summer|autumn}` offers
 * alternatives that expand into one prompt per combination. Groups nest (`{a {red|blue} car|a boat}`), and a
 * backslash makes the next character plain (`\{`, `\}`, `\|`, `\\`). Pure, so the renderer shows the count and
 * the variables while typing, and main and the command line expand exactly the same way.
 */

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: string }
  | { kind: 'choice'; options: TemplatePart[][] };

export interface TemplateProblem {
  code:
    'unclosed-brace' | 'stray-brace' | 'empty-braces' | 'trailing-backslash' | 'missing-values' | 'too-many';
  message: string;
  /** Where in the template (UTF-16 index), when the problem has a place. */
  index?: number;
  params: Record<string, string | number>;
}

export type TemplateResult<T> = { ok: true; value: T } | { ok: false; problem: TemplateProblem };

/** How many prompts one template may expand into before anything is queued, unless the caller says otherwise. */
export const defaultExpansionCap = 200;

/** A variable's name: letters (any script), digits, `_`, `-` and inner spaces, e.g. `{subject}` or `{主体}`. */
const variableName = /^[\p{L}\p{N}_][\p{L}\p{N}_ -]*$/u;

function problem(
  code: TemplateProblem['code'],
  message: string,
  params: Record<string, string | number> = {},
  index?: number,
): { ok: false; problem: TemplateProblem } {
  return { ok: false, problem: { code, message, params, ...(index === undefined ? {} : { index }) } };
}

interface Frame {
  /** Index of the `{` that opened it. */
  start: number;
  options: TemplatePart[][];
  /** Whether anything but plain text was inside (then it cannot be a variable). */
  nested: boolean;
}

function pushText(parts: TemplatePart[], text: string): void {
  const last = parts.at(-1);
  if (last?.kind === 'text') last.text += text;
  else parts.push({ kind: 'text', text });
}

/** The group a `}` closes: a variable when it holds one plain name, otherwise a choice. */
function closeGroup(frame: Frame): TemplateResult<TemplatePart> {
  const only = frame.options.length === 1 ? frame.options[0] : undefined;
  if (only && !frame.nested) {
    const text = only.map((part) => (part.kind === 'text' ? part.text : '')).join('');
    const name = text.trim();
    if (name === '')
      return problem(
        'empty-braces',
        `Empty braces at character ${frame.start + 1}: write a name or choices.`,
        {
          position: frame.start + 1,
        },
        frame.start,
      );
    if (variableName.test(name)) return { ok: true, value: { kind: 'variable', name } };
  }
  return { ok: true, value: { kind: 'choice', options: frame.options } };
}

export function parseTemplate(template: string): TemplateResult<TemplatePart[]> {
  const root: TemplatePart[] = [];
  const stack: Frame[] = [];
  const current = (): TemplatePart[] => {
    const frame = stack.at(-1);
    return frame ? (frame.options.at(-1) ?? root) : root;
  };
  for (let index = 0; index < template.length; index += 1) {
    const char = template.charAt(index);
    if (char === '\\') {
      const next = template.charAt(index + 1);
      if (next === '')
        return problem(
          'trailing-backslash',
          'The template ends with a backslash; write \\\\ for a backslash.',
          {},
          index,
        );
      // Only the template's own characters are escaped; any other backslash stays as written.
      if ('{}|\\'.includes(next)) {
        pushText(current(), next);
        index += 1;
      } else pushText(current(), char);
      continue;
    }
    if (char === '{') {
      const frame = stack.at(-1);
      if (frame) frame.nested = true;
      stack.push({ start: index, options: [[]], nested: false });
      continue;
    }
    if (char === '}') {
      const frame = stack.pop();
      if (!frame)
        return problem(
          'stray-brace',
          `A "}" at character ${index + 1} closes nothing; write \\} for a brace.`,
          {
            position: index + 1,
          },
          index,
        );
      const closed = closeGroup(frame);
      if (!closed.ok) return closed;
      current().push(closed.value);
      continue;
    }
    const frame = stack.at(-1);
    if (char === '|' && frame) {
      frame.options.push([]);
      continue;
    }
    pushText(current(), char);
  }
  const open = stack.at(-1);
  if (open) {
    return problem(
      'unclosed-brace',
      `The "{" at character ${open.start + 1} is never closed.`,
      {
        position: open.start + 1,
      },
      open.start,
    );
  }
  return { ok: true, value: root };
}

/** Every variable's name, once each, in order of first appearance. */
export function templateVariables(parts: readonly TemplatePart[]): string[] {
  const names: string[] = [];
  const visit = (list: readonly TemplatePart[]) => {
    for (const part of list) {
      if (part.kind === 'variable' && !names.includes(part.name)) names.push(part.name);
      if (part.kind === 'choice') for (const option of part.options) visit(option);
    }
  };
  visit(parts);
  return names;
}

/** How many prompts the parts expand into; saturates at Infinity rather than losing precision silently. */
export function combinationCount(parts: readonly TemplatePart[]): number {
  let count = 1;
  for (const part of parts) {
    if (part.kind !== 'choice') continue;
    count *= part.options.reduce((sum, option) => sum + combinationCount(option), 0);
  }
  return count;
}

function expandParts(parts: readonly TemplatePart[], values: Readonly<Record<string, string>>): string[] {
  let prompts = [''];
  for (const part of parts) {
    let pieces: string[];
    if (part.kind === 'text') pieces = [part.text];
    else if (part.kind === 'variable') pieces = [values[part.name] ?? ''];
    else pieces = part.options.flatMap((option) => expandParts(option, values));
    prompts = prompts.flatMap((prefix) => pieces.map((piece) => prefix + piece));
  }
  return prompts;
}

export interface Expansion {
  /** One prompt per combination, the first choice varying slowest. */
  prompts: string[];
  variables: string[];
}

/**
 * Every prompt the template stands for, with `values` filled in for its variables (taken as written: a value is
 * never read as template). Refuses before building anything when a variable has no value or the combinations
 * exceed `cap`, so nothing is queued by accident.
 */
export function expandTemplate(
  template: string,
  values: Readonly<Record<string, string>> = {},
  cap: number = defaultExpansionCap,
): TemplateResult<Expansion> {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return parsed;
  const variables = templateVariables(parsed.value);
  const missing = variables.filter((name) => (values[name] ?? '').trim() === '');
  if (missing.length > 0) {
    return problem('missing-values', `Fill in ${missing.map((name) => `{${name}}`).join(', ')} first.`, {
      names: missing.join(', '),
    });
  }
  const count = combinationCount(parsed.value);
  if (count > cap) {
    const shown = Number.isFinite(count) ? String(count) : 'too many';
    return problem(
      'too-many',
      `This template makes ${shown} prompts, more than the limit of ${cap}; remove some choices.`,
      { count: shown, cap },
    );
  }
  return { ok: true, value: { prompts: expandParts(parsed.value, values), variables } };
}
