import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SessionProvider } from './auth/session';
import { StepUpDialog } from './auth/StepUpDialog';
import { RouterProvider } from './router/router';
import './styles.css';

// The app shell's service worker (public/sw.js): a reload without a network
// still opens the app. It never caches /api/. Where it cannot register (an
// untrusted certificate, a browser without it) the app works the same online.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider>
      <SessionProvider>
        <App />
        <StepUpDialog />
      </SessionProvider>
    </RouterProvider>
  </StrictMode>,
);
