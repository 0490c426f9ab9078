/** Renderer entry: mounts the app into #root with the host bridge in context. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getNewsBridge } from './api/bridge';
import { NewsProvider } from './api/NewsProvider';
import { App } from './App';
import { primeFirstPage } from './features/sections/firstPage';
import { loadFrontSort } from './features/sections/frontSort';
import { parseHash } from './routing/routes';
import { applyPreferences, loadPreferences } from './ui/preferences';
import { lastFront } from './ui/readingPosition';
import './ui/base.css';

// Theme and text size before the first paint, so a dark choice never flashes light.
applyPreferences(loadPreferences());

// A fresh start (no route in the address) reopens the section the reader was in last time.
if (window.location.hash === '' || window.location.hash === '#') {
  const front = lastFront();
  if (front) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${front}`);
}

// A front's first page is asked for now (see firstPage.ts), and the app mounts once it is here, so
// the first render already shows the stories (one cold render instead of an empty one and then
// another); a host slower than FIRST_PAGE_WAIT_MS gets the empty shell first, as before.
const FIRST_PAGE_WAIT_MS = 150;
const route = parseHash(window.location.hash);
const firstPage = route.name === 'front' ? primeFirstPage(getNewsBridge(), route.section, loadFrontSort()) : Promise.resolve();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

void Promise.race([firstPage, new Promise((resolve) => setTimeout(resolve, FIRST_PAGE_WAIT_MS))]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <NewsProvider>
        <App />
      </NewsProvider>
    </StrictMode>,
  ),
);
