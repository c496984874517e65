import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { preferredLanguage, setLanguage } from '../i18n/i18n.js';
import './styles.css';
import './phone.css';

// The reader's language first (English is bundled; another is one small chunk), then the page.
void setLanguage(preferredLanguage())
  .catch(() => undefined)
  .then(() => {
    const root = createRoot(document.getElementById('root')!);
    // A transition: React may draw the first page in slices, leaving the browser free in between.
    startTransition(() => {
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    });
  });
