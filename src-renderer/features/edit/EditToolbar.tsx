import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useTranslation } from 'react-i18next';
import {
  markColors,
  type BaseTransform,
  type MarkColor,
  type MarkWidth,
} from '../../../src-preload/contract/edit';
import { findModel } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { turned } from './canvas-geometry';
import { canRedo, canUndo } from './edit-history';
import { shortcutLabel } from '../../shortcuts/shortcut-table';
import { useIsMac } from '../../shortcuts/use-is-mac';
import { editShortcutIds, type EditAction } from './edit-shortcuts';
import { markTools, regionTools, type EditTool } from './edit-slice';

const widths: readonly MarkWidth[] = ['thin', 'medium', 'thick'];

/** The buttons that turn and flip the picture as it is seen. */
const turns: readonly {
  label: `transform.${'rotateLeft' | 'rotateRight' | 'flipHorizontal' | 'flipVertical'}`;
  change: (transform: BaseTransform) => BaseTransform;
}[] = [
  { label: 'transform.rotateLeft', change: (transform) => turned(transform, -1) },
  { label: 'transform.rotateRight', change: (transform) => turned(transform, 1) },
  {
    label: 'transform.flipHorizontal',
    change: (transform) => ({ ...transform, flipHorizontal: !transform.flipHorizontal }),
  },
  {
    label: 'transform.flipVertical',
    change: (transform) => ({ ...transform, flipVertical: !transform.flipVertical }),
  },
];

const allTools: readonly string[] = [...markTools, ...regionTools, 'crop'];

function isTool(value: string): value is EditTool {
  return allTools.includes(value);
}

/** Mode, tools, colours and widths, crop and turn, undo and redo. */
export function EditToolbar() {
  const { t } = useTranslation('edit');
  const mac = useIsMac();
  const mode = useAppStore((s) => s.editMode);
  const tool = useAppStore((s) => s.editTool);
  const color = useAppStore((s) => s.editColor);
  const width = useAppStore((s) => s.editWidth);
  const modelId = useAppStore((s) => s.editModel);
  const history = useAppStore((s) => s.editHistory);
  const setMode = useAppStore((s) => s.setEditMode);
  const setTool = useAppStore((s) => s.setEditTool);
  const setColor = useAppStore((s) => s.setEditColor);
  const setWidth = useAppStore((s) => s.setEditWidth);
  const changeEdit = useAppStore((s) => s.changeEdit);
  const undo = useAppStore((s) => s.undoEdit);
  const redo = useAppStore((s) => s.redoEdit);
  const model = findModel(modelId);
  const regionsOn = model?.regions != null;
  const tools = mode === 'marks' ? markTools : regionTools;
  const keys = (action: EditAction) => shortcutLabel(editShortcutIds[action], mac);
  const toolLabel = (name: EditTool) => `${t(`tools.${name}`)} (${keys(name)})`;
  const cropped = history?.present.transform.crop != null;

  return (
    <div className="edit-toolbar">
      <ToggleGroup.Root
        type="single"
        className="edit-toggle"
        aria-label={t('mode.label')}
        value={mode}
        onValueChange={(value) => {
          if (value === 'marks' || value === 'regions') setMode(value);
        }}
      >
        <ToggleGroup.Item value="marks" className="edit-toggle__item">
          {t('mode.marks')}
        </ToggleGroup.Item>
        <ToggleGroup.Item value="regions" className="edit-toggle__item" disabled={!regionsOn}>
          {t('mode.regions')}
        </ToggleGroup.Item>
      </ToggleGroup.Root>
      {!regionsOn && (
        <p className="edit-toolbar__note">{t('mode.regionsOff', { model: model?.label ?? modelId })}</p>
      )}
      <ToggleGroup.Root
        type="single"
        role="toolbar"
        className="edit-toggle"
        aria-label={t(mode === 'marks' ? 'tools.markup' : 'tools.regions')}
        value={tool}
        onValueChange={(value) => {
          if (isTool(value)) setTool(value);
        }}
      >
        {[...tools, 'crop' as const].map((name) => (
          <ToggleGroup.Item
            key={name}
            value={name}
            className="edit-toggle__item"
            aria-label={t(`tools.${name}`)}
            title={toolLabel(name)}
          >
            {t(`tools.${name}`)}
          </ToggleGroup.Item>
        ))}
      </ToggleGroup.Root>
      {mode === 'marks' && (
        <>
          <ToggleGroup.Root
            type="single"
            className="edit-swatches"
            aria-label={t('style.colors')}
            value={color}
            onValueChange={(value) => {
              const chosen = markColors.find((candidate) => candidate === value);
              if (chosen) setColor(chosen satisfies MarkColor);
            }}
          >
            {markColors.map((swatch) => (
              <ToggleGroup.Item
                key={swatch}
                value={swatch}
                className="edit-swatch"
                aria-label={t(`style.${swatch}`)}
                style={{ background: swatch }}
              />
            ))}
          </ToggleGroup.Root>
          <ToggleGroup.Root
            type="single"
            className="edit-toggle"
            aria-label={t('style.widths')}
            value={width}
            onValueChange={(value) => {
              const chosen = widths.find((candidate) => candidate === value);
              if (chosen) setWidth(chosen);
            }}
          >
            {widths.map((name) => (
              <ToggleGroup.Item key={name} value={name} className="edit-toggle__item">
                {t(`style.${name}`)}
              </ToggleGroup.Item>
            ))}
          </ToggleGroup.Root>
        </>
      )}
      <div className="edit-toolbar__group" role="group" aria-label={t('transform.label')}>
        <button
          type="button"
          className="button button--small"
          disabled={!cropped}
          onClick={() => {
            changeEdit((current) => ({ ...current, transform: { ...current.transform, crop: null } }));
          }}
        >
          {t('transform.resetCrop')}
        </button>
        {turns.map(({ label, change }) => (
          <button
            key={label}
            type="button"
            className="button button--small"
            onClick={() => {
              changeEdit((current) => ({ ...current, transform: change(current.transform) }));
            }}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <div className="edit-toolbar__group" role="group" aria-label={t('history.label')}>
        <button
          type="button"
          className="button button--small"
          disabled={!history || !canUndo(history)}
          title={`${t('history.undo')} (${keys('undo')})`}
          onClick={undo}
        >
          {t('history.undo')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!history || !canRedo(history)}
          title={`${t('history.redo')} (${keys('redo')})`}
          onClick={redo}
        >
          {t('history.redo')}
        </button>
      </div>
    </div>
  );
}
