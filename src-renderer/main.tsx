import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { api, unwrap } from './bridge';
import { initI18n, resolveLanguage } from './i18n';
import './styles/global.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  const settings = await unwrap(api.settings.get()).catch(() => null);
  await initI18n(resolveLanguage(settings?.language ?? 'system', navigator.language));
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
