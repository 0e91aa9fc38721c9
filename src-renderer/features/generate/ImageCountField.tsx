import * as RadioGroup from '@radix-ui/react-radio-group';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerationIssue } from '../../../src-preload/contract/generation';
import { maxImagesPerRequest } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { controlIdFor } from './controls';
import { effectiveMaxImages, sequenceRoom, type WorkspaceDraft } from './draft';
import { FieldIssues, issueAttributes } from './FieldIssues';

/** The counts people pick most; any other number goes in the field next to them. */
const quickCounts = [1, 2, 4, 8] as const;

/** One image is a plain request; more is a sequence of up to that many (the model may make fewer). */
function countDraft(count: number): Pick<WorkspaceDraft, 'sequential' | 'maxImages'> {
  const clamped = Math.min(Math.max(Math.round(count), 1), maxImagesPerRequest);
  return clamped > 1 ? { sequential: 'auto', maxImages: clamped } : { sequential: 'disabled', maxImages: 1 };
}

/**
 * How many images: quick choices plus a field, for models that make sequences (the panel leaves it out for the
 * others). A hint appears only when it says something: the references limit the count, or a sequence may stop
 * short of it.
 */
export function ImageCountField({ issues }: { issues: readonly GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const draft = useAppStore((s) => s.draft);
  const referenceCount = useAppStore((s) => s.references.length);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const [typing, setTyping] = useState<string | null>(null);
  const room = sequenceRoom(referenceCount);
  const count = draft.sequential === 'auto' ? effectiveMaxImages(draft, referenceCount) : 1;
  const id = controlIdFor('maxImages');
  const hintId = `${id}-hint`;
  const limited = draft.sequential === 'auto' && count < draft.maxImages;
  const hint = limited
    ? t('count.limited', { wanted: draft.maxImages, count: room, references: referenceCount })
    : count > 1
      ? t('count.upTo', { count })
      : null;

  return (
    <div className="field image-count">
      <span className="field__label" id={`${id}-label`}>
        {t('count.label')}
      </span>
      <div className="image-count__row">
        <RadioGroup.Root
          className="segmented-control"
          aria-labelledby={`${id}-label`}
          orientation="horizontal"
          value={quickCounts.some((quick) => quick === count) ? String(count) : ''}
          onValueChange={(value) => {
            updateDraft(countDraft(Number(value)));
          }}
        >
          {quickCounts.map((quick) => (
            <RadioGroup.Item
              key={quick}
              value={String(quick)}
              disabled={quick > Math.max(room, 1)}
              className="segmented-control__option"
              aria-label={t('count.option', { count: quick })}
            >
              {quick}
            </RadioGroup.Item>
          ))}
        </RadioGroup.Root>
        <input
          id={id}
          className="input image-count__input"
          type="number"
          min={1}
          max={Math.max(room, 1)}
          step={1}
          value={typing ?? count}
          aria-label={t('count.field')}
          {...issueAttributes(id, issues, hint === null ? undefined : hintId)}
          onChange={(event) => {
            // While typing, the field may be empty for a moment; the draft changes only for a number.
            setTyping(event.target.value);
            const parsed = Number.parseInt(event.target.value, 10);
            if (Number.isFinite(parsed)) updateDraft(countDraft(parsed));
          }}
          onBlur={() => {
            setTyping(null);
          }}
        />
      </div>
      {hint !== null && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      <FieldIssues controlId={id} issues={issues} />
    </div>
  );
}
