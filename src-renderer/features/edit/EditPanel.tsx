import { useTranslation } from 'react-i18next';
import type { Region } from '../../../src-preload/contract/edit';
import { outputSize } from '../../../src-preload/contract/edit-geometry';
import { editRequestSize } from '../../../src-preload/contract/edit-size';
import { findModel, modelCatalogue } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Select } from '../../components/Select';
import { useModelOptions } from '../pricing/use-model-options';
import { formatSize } from '../../../src-preload/contract/request-size';

/** Only models that take a reference can edit a picture. */
const editingModels = modelCatalogue.filter((model) => model.maxReferences > 0);

/** The instruction with its region chips, the model, and "Apply edit". */
export function EditPanel() {
  const { t } = useTranslation('edit');
  const history = useAppStore((s) => s.editHistory);
  const prompt = useAppStore((s) => s.editPrompt);
  const modelId = useAppStore((s) => s.editModel);
  const applying = useAppStore((s) => s.editApplying);
  const error = useAppStore((s) => s.editError);
  const setPrompt = useAppStore((s) => s.setEditPrompt);
  const setModel = useAppStore((s) => s.setEditModel);
  const changeEdit = useAppStore((s) => s.changeEdit);
  const removeRegion = useAppStore((s) => s.removeRegion);
  const setHovered = useAppStore((s) => s.setHoveredRegion);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const modelOptions = useModelOptions(editingModels, modelId, (model) =>
    model.regions ? t('modelRegions') : undefined,
  );
  if (!history) return null;
  const document = history.present;
  const model = findModel(modelId);
  const size = model ? editRequestSize(model, outputSize(document.baseSize, document.transform)) : null;
  const regionName = (region: Region) => t(`regions.${region.kind}`, { id: region.id });

  return (
    <div className="edit-panel">
      <label className="edit-panel__label" htmlFor="edit-prompt">
        {t('prompt.label')}
      </label>
      <textarea
        id="edit-prompt"
        className="edit-panel__prompt"
        rows={5}
        value={prompt}
        placeholder={t('prompt.placeholder')}
        onChange={(event) => {
          setPrompt(event.target.value, event.target.selectionStart);
        }}
        onSelect={(event) => {
          setPrompt(event.currentTarget.value, event.currentTarget.selectionStart);
        }}
      />
      {document.regions.length > 0 && (
        <ul className="edit-chips" aria-label={t('regions.label')}>
          {document.regions.map((region) => (
            <li
              key={region.id}
              className="edit-chip"
              onPointerEnter={() => {
                setHovered(region.id);
              }}
              onPointerLeave={() => {
                setHovered(null);
              }}
              onFocus={() => {
                setHovered(region.id);
              }}
              onBlur={() => {
                setHovered(null);
              }}
            >
              <span>{regionName(region)}</span>
              <button
                type="button"
                className="edit-chip__remove"
                aria-label={t('regions.remove', { name: regionName(region) })}
                onClick={() => {
                  removeRegion(region.id);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {document.marks.length > 0 && (
        <label className="edit-panel__check">
          <input
            type="checkbox"
            checked={document.removeMarks}
            onChange={(event) => {
              const removeMarks = event.target.checked;
              changeEdit((current) => ({ ...current, removeMarks }));
            }}
          />
          {t('prompt.removeMarks')}
        </label>
      )}
      <label className="edit-panel__label" htmlFor="edit-model">
        {t('model')}
      </label>
      <Select id="edit-model" value={modelId} options={modelOptions} onChange={setModel} />
      {size && <p className="edit-panel__hint">{t('size', { size: formatSize(size) })}</p>}
      {error && <ErrorNotice error={error} />}
      <button
        type="button"
        className="button button--primary edit-panel__apply"
        disabled={applying || prompt.trim() === ''}
        onClick={() => {
          void applyEdit();
        }}
      >
        {applying ? t('applying') : t('apply')}
      </button>
    </div>
  );
}
