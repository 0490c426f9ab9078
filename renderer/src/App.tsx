/**
 * The app shell: banner (name, Sync now, progress, offline indicator), the Sections sidebar and the
 * main area showing the screen for the current hash route. Screens are features that do not know
 * each other; only this shell composes them.
 */
import type { MouseEvent } from 'react';
import { ArticleView } from './features/article/ArticleView';
import { SavedList } from './features/saved/SavedList';
import { SectionFront } from './features/sections/SectionFront';
import { SectionsNav } from './features/sections/SectionsNav';
import { SourcesScreen } from './features/sources/SourcesScreen';
import { OfflineIndicator } from './features/status/OfflineIndicator';
import { SyncControl } from './features/status/SyncControl';
import { hrefOf, hrefs, type Route } from './routing/routes';
import { useRoute } from './routing/useRoute';
import { APP_NAME } from './ui/ScreenHeading';
import './ui/layout.css';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'front':
      return <SectionFront section={route.section} />;
    case 'article':
      return <ArticleView id={route.id} />;
    case 'saved':
      return <SavedList />;
    case 'sources':
      return <SourcesScreen />;
    case 'not-found':
      return (
        <div className="empty">
          <h1>Page not found</h1>
          <p>
            Go to <a href={hrefs.all}>all articles</a>.
          </p>
        </div>
      );
  }
}

export function App() {
  const route = useRoute();
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header className="masthead">
        <a className="masthead__name" href={hrefs.all}>
          {APP_NAME}
        </a>
        <SyncControl />
      </header>
      <OfflineIndicator />
      <div className="shell__body">
        <SectionsNav route={route} />
        <main id="main" className="shell__main" tabIndex={-1}>
          <Screen key={hrefOf(route)} route={route} />
        </main>
      </div>
    </div>
  );
}

/** The skip link must not change the hash (hash = route), so it focuses main directly. */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
