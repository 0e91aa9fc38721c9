import * as ContextMenu from '@radix-ui/react-context-menu';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useImageCommands, type CommandTarget } from './image-commands';
import { ImageMenuItems } from './ImageMenuItems';

interface ImageContextMenuProps {
  /**
   * The images a right-click (or the menu key) at this event acts on, decided as the menu opens; null leaves
   * the place without a menu (a gap between cells, a tile still loading).
   */
  targetAt: (event: MouseEvent) => CommandTarget | null;
  /** The one element that takes the right-click; it must forward a ref and its props. */
  children: ReactNode;
}

/** Radix's context menu over saved images, with the inspector's actions. */
export function ImageContextMenu({ targetAt, children }: ImageContextMenuProps) {
  const { t } = useTranslation('library');
  const commands = useImageCommands();
  const [target, setTarget] = useState<CommandTarget | null>(null);
  const groups = target ? commands(target) : [];
  return (
    <ContextMenu.Root
      onOpenChange={(open) => {
        if (!open) setTarget(null);
      }}
    >
      <ContextMenu.Trigger
        asChild
        onContextMenu={(event) => {
          const found = targetAt(event);
          // Nothing to act on: no menu at all, not even the browser's.
          if (!found) event.preventDefault();
          setTarget(found);
        }}
      >
        {children}
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content
          className="menu"
          aria-label={t('menu.label', { count: target?.images.length ?? 0 })}
        >
          <ImageMenuItems
            kit={ContextMenu}
            groups={groups}
            ids={target?.images.map((image) => image.id) ?? []}
          />
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  );
}
