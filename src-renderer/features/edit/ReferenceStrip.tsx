import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { editReferenceRoom } from './edit-slice';

/** References sent after the base, in order; drop more on the view to add them. */
export function ReferenceStrip() {
  const { t } = useTranslation('edit');
  const references = useAppStore((s) => s.editReferences);
  const model = useAppStore((s) => s.editModel);
  const remove = useAppStore((s) => s.removeEditReference);
  const room = editReferenceRoom(model) - references.length;
  return (
    <section className="edit-strip" aria-label={t('references.label')}>
      <ol className="edit-strip__list">
        {references.map((image, index) => (
          <li key={image.id} className="edit-strip__item">
            <img src={image.thumbSrc} alt="" />
            <button
              type="button"
              className="edit-chip__remove"
              aria-label={t('references.remove', { number: index + 2 })}
              onClick={() => {
                remove(image.id);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <p className="edit-panel__hint">{t('references.room', { count: Math.max(room, 0) })}</p>
    </section>
  );
}
