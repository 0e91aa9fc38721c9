import { useTranslation } from 'react-i18next';
import type { GenerationIssue } from '../../../src-preload/contract/generation';

function issuesId(controlId: string): string {
  return `${controlId}-issues`;
}

/** Validation findings for one control, right under it; the control points here with aria-describedby. */
export function FieldIssues({
  controlId,
  issues,
}: {
  controlId: string;
  issues: readonly GenerationIssue[];
}) {
  const { t } = useTranslation('generate');
  if (issues.length === 0) return null;
  return (
    <ul className="field-issues" id={issuesId(controlId)}>
      {issues.map((found) => (
        <li
          key={found.code}
          className={found.severity === 'error' ? 'field__error' : 'field__warning'}
          role={found.severity === 'error' ? 'alert' : undefined}
        >
          {t(`issues.${found.code}`, { ...found.params, defaultValue: found.message })}
        </li>
      ))}
    </ul>
  );
}

/** aria attributes that tie a control to its findings. */
export function issueAttributes(controlId: string, issues: readonly GenerationIssue[], hintId?: string) {
  const described = [issues.length > 0 ? issuesId(controlId) : null, hintId ?? null].filter(Boolean);
  return {
    'aria-invalid': issues.some((found) => found.severity === 'error') ? true : undefined,
    'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
  } as const;
}
