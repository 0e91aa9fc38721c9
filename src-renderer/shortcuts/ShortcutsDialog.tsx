import * as Dialog from '@radix-ui/react-dialog';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/use-app-store';
import { ModalDialog } from '../components/ModalDialog';
import { chordParts, shortcutScopes, shortcutsIn, shortcutTable, type KeyChord } from './shortcut-table';
import { useIsMac } from './use-is-mac';
import './shortcuts.css';

function Chord({ chord, mac }: { chord: KeyChord; mac: boolean }) {
  return (
    <span className="shortcut-chord">
      {chordParts(chord, mac).map((part, index) => (
        <kbd key={index}>{part}</kbd>
      ))}
    </span>
  );
}

/** Every shortcut, listed from the table the handlers match against; opened with `?` anywhere. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.shortcutsOpen);
  const setOpen = useAppStore((s) => s.setShortcutsOpen);
  const mac = useIsMac();
  return (
    <ModalDialog open={open} onOpenChange={setOpen} className="dialog shortcuts-dialog">
      <div className="shortcuts-dialog__bar">
        <Dialog.Title className="dialog__title">{t('shortcuts.title')}</Dialog.Title>
        <Dialog.Close className="button button--quiet">{t('shortcuts.close')}</Dialog.Close>
      </div>
      {/*
        A list taller than the window scrolls; the focus can reach it, so the keyboard can scroll it too. It has a
        name of its own: Radix names the dialog by the title's generated id, which must stay as it is.
      */}
      <div className="shortcuts-dialog__body" tabIndex={0} role="region" aria-label={t('shortcuts.list')}>
        {shortcutScopes.map((scope) => (
          <section key={scope} className="shortcuts-dialog__scope" aria-labelledby={`shortcuts-${scope}`}>
            <h3 id={`shortcuts-${scope}`}>{t(`shortcuts.scopes.${scope}`)}</h3>
            <dl>
              {shortcutsIn(scope).map((id) => (
                <Fragment key={id}>
                  <dt>{t(`shortcuts.items.${id}`)}</dt>
                  <dd>
                    {shortcutTable[id].chords.map((chord, index) => (
                      <Fragment key={index}>
                        {index > 0 && <span className="shortcut-or"> / </span>}
                        <Chord chord={chord} mac={mac} />
                      </Fragment>
                    ))}
                    {shortcutTable[id].drag && <span className="shortcut-or"> + {t('shortcuts.drag')}</span>}
                  </dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
