import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { readDraftTemplate } from './draft-template';

/**
 * Under the prompt, when it is a template: one field per `{variable}` and how many prompts the choices make
 * (or why none can be sent yet). Nothing when the prompt is plain.
 */
export function TemplateFields() {
  const { t } = useTranslation('volume');
  const prompt = useAppStore((s) => s.draft.prompt);
  const values = useAppStore((s) => s.templateValues);
  const setValue = useAppStore((s) => s.setTemplateValue);
  const baseId = useId();
  const template = readDraftTemplate(prompt, values);
  if (template.kind === 'plain') return null;
  const problem = template.problem;
  let status = t('template.count', { count: template.count });
  if (problem?.code === 'too-many')
    status = t('template.tooMany', { count: problem.params.count, cap: problem.params.cap });
  else if (problem?.code === 'missing-values')
    status = t('template.missing', { names: problem.params.names });
  else if (template.count > 1) status = `${status}. ${t('template.manyForGenerate')}`;
  return (
    <div className="field template-fields" role="group" aria-label={t('template.group')}>
      {template.variables.map((name, index) => (
        <div key={name} className="template-fields__row">
          <label htmlFor={`${baseId}-${index}`}>{name}</label>
          <input
            id={`${baseId}-${index}`}
            className="input"
            value={values[name] ?? ''}
            onChange={(event) => {
              setValue(name, event.target.value);
            }}
          />
        </div>
      ))}
      <span className="field__hint" role="status">
        {status}
      </span>
    </div>
  );
}
