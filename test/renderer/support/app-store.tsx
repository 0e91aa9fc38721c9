import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { AppServices } from '../../../src-renderer/app/services';
import { createAppStore, type AppStore } from '../../../src-renderer/app/store';
import { AppStoreContext } from '../../../src-renderer/app/use-app-store';
import { gatewayProfiles } from '../../../src-preload/contract/gateway-profiles';
import { offerFor } from '../../../src-preload/contract/model-offer';
import { modelCatalogue } from '../../../src-preload/contract/models';
import { fakeApi, ok, type FakeApi, type FakeHandlers } from './fake-api';
import { browsing } from './catalog';
import { manualTimers } from './manual-timers';
import { memoryStorage } from './memory-storage';

export interface TestApp {
  store: AppStore;
  fake: FakeApi;
  clock: ReturnType<typeof manualTimers>;
  storage: Storage;
  clipboard: string[];
}

/**
 * What the Generate panel and Settings ask main about on every render (the gateway's offer, the balance), the
 * Edit view on every picture it opens (the versions the library remembers), and the app at start (the library's
 * first page and sidebar, read ahead of the first visit), so a test about something else need not answer them:
 * the built-in table for CometAPI, the balance off, no earlier edits, an empty library.
 */
const everyRenderDefaults: FakeHandlers = {
  ...browsing(() => []),
  'edit:versions': () => ok([]),
  'models:offer': () => ok(offerFor(modelCatalogue, gatewayProfiles.cometapi, null)),
  'balance:status': () =>
    ok({
      available: true,
      enabled: false,
      separateKeyLast4: null,
      remaining: null,
      checkedAt: null,
      problem: null,
    }),
};

/** A whole app store over a fake API, memory storage, a recording clipboard and a hand-moved clock. */
export function testApp(
  handlers: FakeHandlers = {},
  overrides: Partial<Omit<AppServices, 'api' | 'timers'>> = {},
): TestApp {
  const fake = fakeApi({ ...everyRenderDefaults, ...handlers });
  const clock = manualTimers();
  const storage = overrides.storage ?? memoryStorage();
  const clipboard: string[] = [];
  const store = createAppStore({
    api: fake.api,
    timers: clock.timers,
    storage,
    clipboard: overrides.clipboard ?? {
      writeText: (text) => {
        clipboard.push(text);
        return Promise.resolve();
      },
    },
    initialView: overrides.initialView ?? 'generate',
  });
  return { store, fake, clock, storage, clipboard };
}

/** Renders a component against a test app's store. */
export function renderWithStore(ui: ReactElement, app: TestApp): RenderResult {
  return render(<AppStoreContext.Provider value={app.store}>{ui}</AppStoreContext.Provider>);
}
