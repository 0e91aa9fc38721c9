import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { SettingsSection } from './SettingsSection';

const concurrencyChoices = [1, 2, 3, 4, 6, 8];
const rateChoices = [5, 10, 20, 30, 60, 120];

/** How hard the batch queue drives the service: requests at once and requests per minute. */
export function QueueSection() {
  const { t } = useTranslation('volume');
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const id = useId();
  if (!settings) return null;
  return (
    <SettingsSection title={t('settings.heading')} description={t('settings.hint')}>
      <div className="field">
        <label htmlFor={`${id}-concurrency`}>{t('settings.concurrency')}</label>
        <select
          id={`${id}-concurrency`}
          className="input"
          value={settings.queueConcurrency}
          onChange={(event) => void updateSettings({ queueConcurrency: Number(event.target.value) })}
        >
          {concurrencyChoices.map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-rate`}>{t('settings.rate')}</label>
        <select
          id={`${id}-rate`}
          className="input"
          value={settings.queueRequestsPerMinute}
          onChange={(event) => void updateSettings({ queueRequestsPerMinute: Number(event.target.value) })}
        >
          {rateChoices.map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </select>
      </div>
    </SettingsSection>
  );
}
