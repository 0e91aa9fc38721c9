import type { StateCreator } from 'zustand';
import type { AppError } from '../../../src-preload/contract/errors';
import type { BalanceStatus } from '../../../src-preload/contract/ipc';
import type { ModelOffer } from '../../../src-preload/contract/model-offer';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';

export interface PricingSlice {
  /** What the gateway in use offers and at what price; null until main has answered. */
  modelOffer: ModelOffer | null;
  balance: BalanceStatus | null;
  pricingError: AppError | null;
  /** Asks main what the gateway offers; `refresh` reads the gateway's list again first. */
  loadOffer: (refresh?: boolean) => Promise<void>;
  loadBalance: () => Promise<void>;
  refreshBalance: () => Promise<void>;
  saveBalanceKey: (key: string) => Promise<boolean>;
  removeBalanceKey: () => Promise<void>;
  /** Follows `balance:changed` (after each generation, when the user opted in); returns the unsubscribe. */
  watchBalance: () => () => void;
}

export const createPricingSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], PricingSlice> =>
  (set) => {
    const keep = (result: Awaited<ReturnType<typeof api.balance.status>>): boolean => {
      if (result.ok) set({ balance: result.value, pricingError: null });
      else set({ pricingError: result.error });
      return result.ok;
    };
    return {
      modelOffer: null,
      balance: null,
      pricingError: null,
      loadOffer: async (refresh = false) => {
        const offer = await api.models.offer({ refresh });
        if (offer.ok) set({ modelOffer: offer.value });
        else set({ pricingError: offer.error });
      },
      loadBalance: async () => {
        keep(await api.balance.status());
      },
      refreshBalance: async () => {
        keep(await api.balance.refresh());
      },
      saveBalanceKey: async (key) => keep(await api.balance.saveKey({ key })),
      removeBalanceKey: async () => {
        keep(await api.balance.removeKey());
      },
      watchBalance: () =>
        api.on('balance:changed', (status) => {
          set({ balance: status });
        }),
    };
  };
