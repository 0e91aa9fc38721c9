import { useTranslation } from 'react-i18next';
import type { GenerationIssue } from '../../../src-preload/contract/generation';
import { modelCatalogue, type ModelInfo } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { Select } from '../../components/Select';
import { useModelOptions } from '../pricing/use-model-options';
import { modelOf } from './draft';
import { controlIdFor } from './controls';
import { FieldIssues, issueAttributes } from './FieldIssues';
import { ModelSwitchNotice } from './ModelSwitchNotice';

/** What a model offers, in one short line under its name in the list; read from the catalogue's fields. */
function useModelSummary(): (model: ModelInfo) => string {
  const { t } = useTranslation('generate');
  return (model) =>
    [
      model.sizePresets.join(' · '),
      model.sequentialGeneration ? t('model.facts.sequences') : t('model.facts.noSequences'),
      model.maxReferences > 0
        ? t('model.facts.references', { count: model.maxReferences })
        : t('model.facts.noReferences'),
      model.pngOutput ? t('model.facts.png') : null,
    ]
      .filter((fact) => fact !== null)
      .join(' · ');
}

export function ModelField({ issues }: { issues: readonly GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const modelId = useAppStore((s) => s.draft.model);
  const chooseModel = useAppStore((s) => s.chooseModel);
  const summary = useModelSummary();
  const id = controlIdFor('model');
  const model = modelOf({ model: modelId });
  // Also reads what the gateway sells and at what price, for this list, the checks and the estimate.
  const options = useModelOptions(modelCatalogue, model.id, summary);
  const attributes = issueAttributes(id, issues);
  return (
    <div className="field">
      <label htmlFor={id}>{t('model.label')}</label>
      <Select
        id={id}
        value={model.id}
        aria-describedby={attributes['aria-describedby']}
        aria-invalid={attributes['aria-invalid']}
        options={options}
        onChange={(value) => {
          chooseModel(value);
        }}
      />
      <ModelSwitchNotice />
      <FieldIssues controlId={id} issues={issues} />
    </div>
  );
}
