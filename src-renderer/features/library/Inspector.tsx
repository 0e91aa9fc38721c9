import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import type { ImageDetail, LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { Icon } from '../../components/Icon';
import { PreviewImage } from '../../components/PreviewImage';
import { IconButton } from '../../components/IconButton';
import { useImageCommands, type ImageCommand } from '../image-actions/image-commands';
import { ImageMenuItems } from '../image-actions/ImageMenuItems';
import { imageName } from '../viewer/image-name';
import { Collections, Facts, Lineage, Request, Tags } from './InspectorSections';
import { useImageDrag } from './use-image-drag';
import './inspector.css';

const quietIcon = 'button button--quiet button--icon';

/** Shown as buttons; the rest of the commands are under "More actions". */
const buttonCommands = new Set(['favorite', 'useAsReference', 'edit', 'remix']);

/** The image whole (letterboxed, never cropped); a click opens it in the viewer. */
function Preview({ image }: { image: LibraryImage }) {
  const { t } = useTranslation('library');
  const openViewer = useAppStore((s) => s.openViewer);
  const startDrag = useImageDrag();
  const name = imageName(image, t('grid.untitled'));
  return (
    <button
      type="button"
      className="inspector-preview"
      title={t('actions.view')}
      onClick={() => {
        openViewer('library', image.id);
      }}
      onDragStart={(event) => {
        startDrag(event, image);
      }}
    >
      <PreviewImage
        image={image}
        src={image.previewSrc}
        alt={name}
        width={image.width}
        height={image.height}
      />
    </button>
  );
}

function CommandButton({ command }: { command: ImageCommand }) {
  return (
    <button
      type="button"
      className={command.id === 'favorite' ? 'button inspector-favorite' : 'button'}
      aria-pressed={command.id === 'favorite' ? command.pressed : undefined}
      onClick={command.run}
    >
      {command.id === 'favorite' && <Icon name="star" filled={command.pressed} />}
      {command.label}
    </button>
  );
}

/** The same actions as the context menu: the common ones as buttons, the rest in a menu. */
function Actions({ image }: { image: LibraryImage }) {
  const { t } = useTranslation('library');
  const commands = useImageCommands();
  const groups = commands({ images: [image], source: 'library' });
  const buttons = groups.flat().filter((command) => buttonCommands.has(command.id));
  const rest = groups
    .map((group) => group.filter((command) => !buttonCommands.has(command.id) && command.id !== 'view'))
    .filter((group) => group.length > 0);
  return (
    <div className="inspector-actions" role="toolbar" aria-label={t('details.actions')}>
      {buttons.map((command) => (
        <CommandButton key={command.id} command={command} />
      ))}
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <IconButton icon="more" label={t('actions.more')} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            <ImageMenuItems kit={DropdownMenu} groups={rest} ids={[image.id]} />
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}

function Body({ detail }: { detail: ImageDetail }) {
  const { t } = useTranslation('library');
  const copyPrompt = useAppStore((s) => s.copyLibraryPrompt);
  const { image } = detail;
  return (
    <div className="inspector__body">
      <Preview image={image} />
      <Actions image={image} />
      {image.fileState !== 'ok' && (
        <p className="notice notice--error" role="note">
          {t(`details.file.${image.fileState}`)}
        </p>
      )}
      <Lineage detail={detail} />
      <section className="details-section" aria-label={t('details.prompt')}>
        <div className="details-section__head">
          <h3>{t('details.prompt')}</h3>
          <button
            type="button"
            className="button button--small"
            onClick={() => void copyPrompt(image.prompt)}
          >
            {t('actions.copyPrompt')}
          </button>
        </div>
        <p className="details-prompt">{image.prompt.trim() === '' ? t('details.noPrompt') : image.prompt}</p>
      </section>
      <Facts detail={detail} />
      <Tags detail={detail} />
      <Collections detail={detail} />
      <Request detail={detail} />
    </div>
  );
}

interface InspectorProps {
  /** The grid's images in order, for "3 of 42". */
  order: readonly LibraryImage[];
  /** Moves the grid's focus (and the details with it) to the previous or next image. */
  onStep: (direction: -1 | 1) => void;
}

/**
 * The right-hand panel: everything known about the image at the grid's focus, following it as the selection
 * moves, while the grid stays in view and in use.
 */
export function Inspector({ order, onStep }: InspectorProps) {
  const { t, i18n } = useTranslation('library');
  const detailId = useAppStore((s) => s.libraryDetailId);
  const detail = useAppStore((s) => s.libraryDetail);
  const error = useAppStore((s) => s.libraryDetailError);
  const total = useAppStore((s) => s.libraryTotal);
  const selected = useAppStore((s) => s.librarySelection.ids.size);
  const toggle = useAppStore((s) => s.toggleLibraryInspector);
  const current = detail?.image.id === detailId ? detail : null;
  const index = detailId === null ? -1 : order.findIndex((image) => image.id === detailId);
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <section className="inspector" aria-label={t('inspector.label')}>
      <header className="inspector__bar">
        <span className="inspector__position">
          {index >= 0 &&
            t('inspector.position', {
              position: number.format(index + 1),
              total: number.format(Math.max(total ?? 0, order.length)),
            })}
        </span>
        <IconButton
          className={quietIcon}
          icon="previous"
          label={t('inspector.previous')}
          disabled={index <= 0}
          onClick={() => {
            onStep(-1);
          }}
        />
        <IconButton
          className={quietIcon}
          icon="next"
          label={t('inspector.next')}
          disabled={index < 0 || index >= order.length - 1}
          onClick={() => {
            onStep(1);
          }}
        />
        <IconButton
          className={quietIcon}
          icon="close"
          label={t('inspector.hide')}
          shortcut="I"
          onClick={toggle}
        />
      </header>
      {selected > 1 && <p className="inspector__selected">{t('inspector.selected', { count: selected })}</p>}
      {detailId === null ? (
        <p className="inspector__empty">{t('inspector.empty')}</p>
      ) : current ? (
        <Body detail={current} />
      ) : error ? (
        <p className="notice notice--error inspector__error" role="alert">
          {error.message}
        </p>
      ) : (
        <div className="inspector__body inspector__body--loading" aria-busy="true" />
      )}
    </section>
  );
}
