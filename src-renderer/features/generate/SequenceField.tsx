import { useTranslation } from 'react-i18next';
import type { GenerationIssue } from '../../../src-preload/contract/generation';
import { useAppStore } from '../../app/use-app-store';
import { effectiveMaxImages, modelOf, sequenceRoom } from './draft';
import { controlIdFor } from './controls';
import { FieldIssues, issueAttributes } from './FieldIssues';

export function SequenceField({ issues }: { issues: readonly GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const draft = useAppStore((s) => s.draft);
  const referenceCount = useAppStore((s) => s.references.length);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const model = modelOf(draft);
  const supported = model.sequentialGeneration;
  const sequence = supported && draft.sequential === 'auto';
  const room = sequenceRoom(referenceCount);
  const value = effectiveMaxImages(draft, referenceCount);
  const sequenceId = controlIdFor('sequential');
  const maxId = controlIdFor('maxImages');
  const hintId = `${maxId}-hint`;

  return (
    <fieldset className="field sequence-field">
      <legend className="field__label">{t('sequence.legend')}</legend>
      <div className="segmented">
        <label className="segmented__option">
          <input
            type="radio"
            name="sequential"
            checked={!sequence}
            onChange={() => {
              updateDraft({ sequential: 'disabled' });
            }}
          />
          {t('sequence.single')}
        </label>
        <label className="segmented__option">
          <input
            id={sequenceId}
            type="radio"
            name="sequential"
            checked={sequence}
            disabled={!supported}
            aria-describedby={supported ? undefined : `${sequenceId}-reason`}
            onChange={() => {
              updateDraft({ sequential: 'auto' });
            }}
          />
          {t('sequence.auto')}
        </label>
      </div>
      {!supported && (
        <span id={`${sequenceId}-reason`} className="field__hint">
          {t('sequence.unsupported', { model: model.label })}
        </span>
      )}
      <div className="sequence-field__max">
        <label htmlFor={maxId}>{t('sequence.maxImages')}</label>
        <input
          id={maxId}
          className="input sequence-field__input"
          type="number"
          min={1}
          max={Math.max(room, 1)}
          step={1}
          value={value}
          disabled={!sequence}
          {...issueAttributes(maxId, issues, hintId)}
          onChange={(event) => {
            const parsed = Number.parseInt(event.target.value, 10);
            if (Number.isFinite(parsed)) updateDraft({ maxImages: Math.min(Math.max(parsed, 1), 15) });
          }}
        />
      </div>
      <span id={hintId} className="field__hint">
        {referenceCount > 0
          ? t('sequence.room', { count: room, references: referenceCount })
          : t('sequence.roomNoReferences', { count: room })}
        {sequence && value < draft.maxImages && ` ${t('sequence.limited', { wanted: draft.maxImages })}`}
      </span>
      <FieldIssues controlId={maxId} issues={issues} />
    </fieldset>
  );
}
