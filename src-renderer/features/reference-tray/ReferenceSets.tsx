import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceSet, SetUse } from '../../../src-preload/contract/prompts';
import { useAppStore } from '../../app/use-app-store';
import { NameDialog } from '../../components/NameDialog';

function SetRow({ set }: { set: ReferenceSet }) {
  const { t } = useTranslation('volume');
  const apply = useAppStore((s) => s.applyReferenceSet);
  const save = useAppStore((s) => s.saveReferenceSet);
  const remove = useAppStore((s) => s.deleteReferenceSet);
  const usesOf = useAppStore((s) => s.referenceSetUses);
  const trayCount = useAppStore((s) => s.references.length);
  const [uses, setUses] = useState<SetUse[] | null>(null);
  return (
    <li className="reference-sets__item" aria-label={set.name}>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          apply(set);
        }}
      >
        {t('sets.use', { name: set.name })}
      </button>
      <span className="field__hint">{t('sets.images', { count: set.images.length })}</span>
      <button
        type="button"
        className="button button--small button--quiet"
        disabled={trayCount === 0}
        onClick={() => void save(set.name, set.id)}
      >
        {t('sets.update')}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => void usesOf(set.id).then(setUses)}
      >
        {t('sets.showUses')}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => void remove(set.id)}
      >
        {t('sets.delete', { name: set.name })}
      </button>
      {uses && (
        <div className="reference-sets__uses">
          <span>{t('sets.uses', { count: uses.length })}</span>
          <ul>
            {uses.map((use) => (
              <li key={use.generationId}>
                {use.image && <img src={use.image.thumbSrc} alt="" width={48} height={48} />}
                {use.prompt}
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

/** Under the tray: "Save as set" for the current references, and the saved sets to use in one click. */
export function ReferenceSets() {
  const { t } = useTranslation('volume');
  const sets = useAppStore((s) => s.referenceSets);
  const load = useAppStore((s) => s.loadReferenceSets);
  const save = useAppStore((s) => s.saveReferenceSet);
  const trayCount = useAppStore((s) => s.references.length);
  const [naming, setNaming] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="field reference-sets" role="group" aria-label={t('sets.list')}>
      <div className="prompt-tools">
        <button
          type="button"
          className="button button--small"
          disabled={trayCount === 0}
          onClick={() => {
            setNaming(true);
          }}
        >
          {t('sets.saveAsSet')}
        </button>
      </div>
      {sets.length > 0 && (
        <ul className="reference-sets__list">
          {sets.map((set) => (
            <SetRow key={set.id} set={set} />
          ))}
        </ul>
      )}
      <NameDialog
        open={naming}
        title={t('sets.saveAsSet')}
        label={t('sets.setName')}
        submitLabel={t('sets.save')}
        initialName=""
        onOpenChange={setNaming}
        onSubmit={(name) => save(name)}
      />
    </div>
  );
}
