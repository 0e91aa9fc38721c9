import './pricing.css';
import { useTranslation } from 'react-i18next';
import type { GenerationRequest } from '../../../src-preload/contract/generation';
import { formatMoney } from '../../../src-preload/contract/pricing';
import { useAppStore } from '../../app/use-app-store';
import { requestEstimate } from './estimate';

/** "about $0.12 for up to 4 images", beside Generate: the most the request can cost at today's price. */
export function CostEstimate({
  request,
  referenceCount,
}: {
  request: GenerationRequest;
  referenceCount: number;
}) {
  const { t } = useTranslation();
  const offer = useAppStore((s) => s.modelOffer);
  if (offer === null) return null;
  const estimate = requestEstimate(request, referenceCount, offer);
  return (
    <p className="cost-estimate" aria-live="polite">
      {estimate
        ? t('pricing.estimate', { cost: formatMoney(estimate.money), count: estimate.images })
        : t('pricing.estimateUnknown', { gateway: offer.gateway })}
    </p>
  );
}
