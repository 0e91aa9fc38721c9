import { useTranslation } from 'react-i18next';
import type { GenerationIssue } from '../../../src-preload/contract/generation';
import { modelCatalogue, type ModelInfo } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { modelOf } from './draft';
import { controlIdFor } from './controls';
import { FieldIssues, issueAttributes } from './FieldIssues';

function megapixels(pixels: number): string {
  return (pixels / 1_000_000).toFixed(1);
}

/** What a model supports, as short facts listed under the picker. */
function ModelFacts({ model }: { model: ModelInfo }) {
  const { t } = useTranslation('generate');
  const facts = [
    t('model.facts.sizes', { presets: model.sizePresets.join(', ') }),
    t('model.facts.pixels', { min: megapixels(model.minPixels), max: megapixels(model.maxPixels) }),
    model.pngOutput ? t('model.facts.png') : t('model.facts.jpegOnly'),
    model.sequentialGeneration ? t('model.facts.sequences') : t('model.facts.noSequences'),
    model.streaming ? t('model.facts.streaming') : t('model.facts.noStreaming'),
    t('model.facts.references', { count: model.maxReferences }),
  ];
  return (
    <ul className="model-facts" aria-label={t('model.factsLabel', { model: model.label })}>
      {facts.map((fact) => (
        <li key={fact}>{fact}</li>
      ))}
    </ul>
  );
}

export function ModelField({ issues }: { issues: readonly GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const modelId = useAppStore((s) => s.draft.model);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const id = controlIdFor('model');
  const model = modelOf({ model: modelId });
  return (
    <div className="field">
      <label htmlFor={id}>{t('model.label')}</label>
      <select
        id={id}
        className="input"
        value={model.id}
        {...issueAttributes(id, issues)}
        onChange={(event) => {
          updateDraft({ model: event.target.value });
        }}
      >
        {modelCatalogue.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.label}
          </option>
        ))}
      </select>
      <ModelFacts model={model} />
      <FieldIssues controlId={id} issues={issues} />
    </div>
  );
}
