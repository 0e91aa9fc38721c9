import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '../../../../src-preload/contract/generation';
import { gatewayProfiles } from '../../../../src-preload/contract/gateway-profiles';
import type { BalanceStatus } from '../../../../src-preload/contract/ipc';
import { offerFor } from '../../../../src-preload/contract/model-offer';
import { modelCatalogue } from '../../../../src-preload/contract/models';
import { BalanceChip } from '../../../../src-renderer/features/pricing/BalanceChip';
import { CostEstimate } from '../../../../src-renderer/features/pricing/CostEstimate';
import { requestEstimate } from '../../../../src-renderer/features/pricing/estimate';
import { jobCostText } from '../../../../src-renderer/features/pricing/job-cost';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { settle } from '../../support/manual-timers';

const offer = offerFor(modelCatalogue, gatewayProfiles.cometapi, null);
const sequence = generationRequestSchema.parse({
  model: modelCatalogue[1]?.id,
  prompt: 'a fox',
  sequential: 'auto',
  maxImages: 4,
});

describe('the estimate beside Generate', () => {
  it('prices every image the request may make, with its references', () => {
    expect(requestEstimate(sequence, 0, offer)).toEqual({
      images: 4,
      money: { micros: 160_000, currency: 'USD' },
    });
    expect(requestEstimate(sequence, 0, null)).toBeNull();
  });

  it('reads "about $0.16 for up to 4 images"', () => {
    const app = testApp();
    app.store.setState({ modelOffer: offer });
    renderWithStore(<CostEstimate request={sequence} referenceCount={0} />, app);
    expect(screen.getByText('about $0.16 for up to 4 images')).toBeTruthy();
    act(() => {
      app.store.setState({ modelOffer: offerFor(modelCatalogue, gatewayProfiles.volcengine, null) });
    });
    expect(screen.getByText('about ¥1.28 for up to 4 images')).toBeTruthy();
  });

  it('says when the gateway’s price is unknown', () => {
    const app = testApp();
    app.store.setState({ modelOffer: { ...offer, models: [] } });
    renderWithStore(<CostEstimate request={sequence} referenceCount={0} />, app);
    expect(screen.getByText('The price of this model on CometAPI is not known.')).toBeTruthy();
  });
});

describe('the balance chip', () => {
  const status = (patch: Partial<BalanceStatus>): BalanceStatus => ({
    available: true,
    enabled: true,
    separateKeyLast4: null,
    remaining: { micros: 12_500_000, currency: 'USD' },
    checkedAt: 1,
    problem: null,
    ...patch,
  });

  it('is absent unless the user turned the balance on', async () => {
    const app = testApp({ 'balance:status': () => ok(status({ enabled: false, remaining: null })) });
    renderWithStore(<BalanceChip />, app);
    await act(settle);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows what is left, asks again on a click, and follows main’s news', async () => {
    const app = testApp({
      'balance:status': () => ok(status({})),
      'balance:refresh': () => ok(status({ remaining: { micros: 12_000_000, currency: 'USD' } })),
    });
    renderWithStore(<BalanceChip />, app);
    await act(settle);
    await userEvent.setup().click(screen.getByRole('button', { name: /Balance \$12\.50/ }));
    expect(screen.getByRole('button', { name: /Balance \$12\.00/ })).toBeTruthy();
    act(() => {
      app.fake.emit('balance:changed', status({ remaining: { micros: 11_960_000, currency: 'USD' } }));
    });
    expect(screen.getByRole('button', { name: /Balance \$11\.96/ })).toBeTruthy();
  });
});

describe('a job’s cost', () => {
  const t = i18next.t.bind(i18next);
  it('is said once the job ends, with what a stopped one billed', () => {
    const cost = { micros: 80_000, currency: 'USD' as const };
    expect(jobCostText({ cost: null, phase: 'generating', finishedAt: null }, t)).toBeNull();
    expect(jobCostText({ cost, phase: 'done', finishedAt: 5 }, t)).toBe('Cost $0.08');
    expect(jobCostText({ cost, phase: 'cancelled', finishedAt: 5 }, t)).toBe(
      'Billed $0.08 before it stopped',
    );
    expect(jobCostText({ cost: null, phase: 'done', finishedAt: 5 }, t)).toBe('Cost not known');
  });
});
