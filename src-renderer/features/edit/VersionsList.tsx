import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { Compare } from '../viewer/Compare';
import { versionByKey, type EditVersion } from './versions';

/** The original, then each applied edit; the chosen one can become the base, be compared or reopened. */
export function VersionsList() {
  const { t } = useTranslation('edit');
  const versions = useAppStore((s) => s.editVersions);
  const selectedKey = useAppStore((s) => s.editSelectedVersion);
  const baseKey = useAppStore((s) => s.editBaseVersion);
  const select = useAppStore((s) => s.selectEditVersion);
  const continueFrom = useAppStore((s) => s.continueFromVersion);
  const reopen = useAppStore((s) => s.reopenEdit);
  const [comparing, setComparing] = useState(false);
  const selected = versionByKey(versions, selectedKey);
  const parent = versionByKey(versions, selected?.parentKey ?? null);

  const name = (version: EditVersion) => {
    if (version.number === 0) return t('versions.original');
    if (version.error)
      return t('versions.failed', { number: version.number, message: version.error.message });
    if (!version.image) return t('versions.running', { number: version.number });
    return t('versions.edit', { number: version.number });
  };

  return (
    <section className="edit-versions">
      <ul className="edit-versions__list" aria-label={t('versions.label')}>
        {versions.map((version) => (
          <li key={version.key}>
            <button
              type="button"
              className={`edit-version${version.key === baseKey ? ' edit-version--base' : ''}`}
              aria-pressed={version.key === selectedKey}
              onClick={() => {
                select(version.key);
              }}
            >
              {version.image ? (
                <img src={version.image.thumbSrc} alt="" />
              ) : (
                <span className="edit-version__pending" aria-hidden="true" />
              )}
              <span className="edit-version__name">{name(version)}</span>
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <div className="edit-versions__actions">
          <button
            type="button"
            className="button button--small"
            disabled={!selected.image || selected.key === baseKey}
            onClick={() => {
              continueFrom(selected.key);
            }}
          >
            {t('versions.continue')}
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={!selected.image || !parent?.image}
            onClick={() => {
              setComparing(true);
            }}
          >
            {t('versions.compare')}
          </button>
          {selected.number > 0 && selected.generationId !== null && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                if (selected.generationId !== null) void reopen(selected.generationId);
              }}
            >
              {t('versions.reopen')}
            </button>
          )}
        </div>
      )}
      {comparing && selected?.image && parent?.image && (
        <Compare
          images={[parent.image, selected.image]}
          onClose={() => {
            setComparing(false);
          }}
        />
      )}
    </section>
  );
}
