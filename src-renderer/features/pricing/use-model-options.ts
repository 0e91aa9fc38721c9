import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelInfo } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import type { SelectOption } from '../../components/Select';

/**
 * The options of a model picker (Generate's, the Edit view's): every model given, those the gateway in use does
 * not sell still listed but disabled and saying so, except the one chosen now. What the gateway offers is read
 * from it once a session when a key is set for it; without one (offline, first run) nothing is asked of it.
 */
export function useModelOptions(
  models: readonly ModelInfo[],
  chosen: string,
  detail?: (model: ModelInfo) => string | undefined,
): SelectOption<string>[] {
  const { t } = useTranslation('generate');
  const offer = useAppStore((s) => s.modelOffer);
  const loadOffer = useAppStore((s) => s.loadOffer);
  const keySource = useAppStore((s) => s.keyStatus?.source ?? null);
  useEffect(() => {
    if (offer === null && keySource !== null) void loadOffer(keySource !== 'none');
  }, [offer, keySource, loadOffer]);
  const offered = (id: string) =>
    offer === null || offer.models.some((candidate) => candidate.id === id && candidate.offered);
  return models.map((entry) => ({
    value: entry.id,
    label:
      offer === null || offered(entry.id)
        ? entry.label
        : t('model.notOffered', { model: entry.label, gateway: offer.gateway }),
    detail: detail?.(entry),
    disabled: !offered(entry.id) && entry.id !== chosen,
  }));
}
