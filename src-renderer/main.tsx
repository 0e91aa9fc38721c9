import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { browserServices } from './app/services';
import { createAppStore } from './app/store';
import { AppStoreContext } from './app/use-app-store';
import { connectBridge } from './bridge';
import { initI18n, resolveLanguage } from './i18n';
import './styles/global.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  const api = connectBridge();
  // Without settings (main failed to read them) the window still opens, in the system's language.
  const settings = await api.settings.get();
  await initI18n(resolveLanguage(settings.ok ? settings.value.language : 'system', navigator.language));
  const store = createAppStore(browserServices(api));
  createRoot(root).render(
    <StrictMode>
      <AppStoreContext.Provider value={store}>
        <App />
      </AppStoreContext.Provider>
    </StrictMode>,
  );
}

void start();
