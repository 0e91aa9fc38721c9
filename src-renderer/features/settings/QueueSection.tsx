import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { Select } from '../../components/Select';
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
        <Select
          id={`${id}-concurrency`}
          value={String(settings.queueConcurrency)}
          options={concurrencyChoices.map((count) => ({ value: String(count), label: String(count) }))}
          onChange={(value) => void updateSettings({ queueConcurrency: Number(value) })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-rate`}>{t('settings.rate')}</label>
        <Select
          id={`${id}-rate`}
          value={String(settings.queueRequestsPerMinute)}
          options={rateChoices.map((count) => ({ value: String(count), label: String(count) }))}
          onChange={(value) => void updateSettings({ queueRequestsPerMinute: Number(value) })}
        />
      </div>
    </SettingsSection>
  );
}
