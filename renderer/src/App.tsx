/**
 * The app shell: banner (name, Sync now, progress, offline indicator), the Sections sidebar and the
 * main area showing the screen for the current hash route. Screens are features that do not know
 * each other; only this shell composes them.
 */
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { ArticleView } from './features/article/ArticleView';
import { QueueList } from './features/queue/QueueList';
import { SavedList } from './features/saved/SavedList';
import { SectionFront } from './features/sections/SectionFront';
import { SectionsNav } from './features/sections/SectionsNav';
import { focusSearchField, SearchBox } from './features/search/SearchBox';
import { SearchScreen } from './features/search/SearchScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { SourcesScreen } from './features/sources/SourcesScreen';
import { OfflineIndicator } from './features/status/OfflineIndicator';
import { RecoveryNotice } from './features/status/RecoveryNotice';
import { SyncControl } from './features/status/SyncControl';
import { hrefOf, hrefs, type Route } from './routing/routes';
import { useRoute } from './routing/useRoute';
import { clickCommandTarget, clickStoryCommand, moveStoryFocus, useCommandKeys, type Command } from './ui/commands';
import { rememberFront } from './ui/readingPosition';
import { APP_NAME } from './ui/ScreenHeading';
import { ShortcutHelp } from './ui/ShortcutHelp';
import { ToastProvider } from './ui/toasts/Toasts';
import { performMenuCommand } from './ui/menuCommands';
import { useNews } from './api/NewsProvider';
import './ui/layout.css';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'front':
      return <SectionFront section={route.section} />;
    case 'article':
      return <ArticleView id={route.id} />;
    case 'saved':
      return <SavedList />;
    case 'queue':
      return <QueueList />;
    case 'sources':
      return <SourcesScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'search':
      return <SearchScreen query={route.query} />;
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

function openFocusedStory(): void {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.hasAttribute('data-story-link')) active.click();
}

export function App() {
  const route = useRoute();
  const [helpOpen, setHelpOpen] = useState(false);
  const onArticle = route.name === 'article';
  const commands = useMemo<Command[]>(
    () => [
      {
        id: 'next',
        keys: ['j'],
        label: 'Next story',
        perform: () => (onArticle ? clickCommandTarget('next-article') : moveStoryFocus(1)),
      },
      {
        id: 'previous',
        keys: ['k'],
        label: 'Previous story',
        perform: () => (onArticle ? clickCommandTarget('previous-article') : moveStoryFocus(-1)),
      },
      { id: 'open', keys: ['o'], label: 'Open the selected story', perform: openFocusedStory },
      { id: 'save', keys: ['s'], label: 'Save or unsave the open article', perform: () => clickCommandTarget('toggle-save') },
      {
        id: 'read',
        keys: ['m'],
        label: 'Mark the selected or open story read or unread',
        perform: () => (onArticle ? clickCommandTarget('toggle-read') : clickStoryCommand('toggle-story-read')),
      },
      { id: 'original', keys: ['v'], label: 'Open the original in the browser', perform: () => clickCommandTarget('open-original') },
      { id: 'sync', keys: ['r'], label: 'Sync now', perform: () => clickCommandTarget('sync') },
      { id: 'search', keys: ['/'], label: 'Search articles', perform: focusSearchField },
      { id: 'help', keys: ['?'], label: 'Show these shortcuts', perform: () => setHelpOpen(true) },
    ],
    [onArticle],
  );
  useCommandKeys(commands);

  // The Electron app menu hands some commands to the page (the browser host never sends these).
  const news = useNews();
  useEffect(
    () => news.on('menu:command', ({ command, articleId }) => performMenuCommand(command, { openShortcutHelp: () => setHelpOpen(true) }, articleId)),
    [news],
  );

  // The chosen section survives a restart: remember it, and reopen it when the app starts bare.
  useEffect(() => {
    if (route.name === 'saved' || (route.name === 'front' && route.section !== null)) rememberFront(hrefOf(route));
    if (route.name === 'front' && route.section === null) rememberFront('');
  }, [route]);

  return (
    <ToastProvider>
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header className="masthead">
        <a className="masthead__name" href={hrefs.all}>
          {APP_NAME}
        </a>
        <SearchBox route={route} />
        <div className="masthead__tools">
          <SyncControl />
          <button type="button" className="button button--quiet masthead__help" onClick={() => setHelpOpen(true)} aria-haspopup="dialog">
          <span aria-hidden="true">?</span>
            <span className="visually-hidden">Keyboard shortcuts</span>
          </button>
        </div>
      </header>
      <ShortcutHelp open={helpOpen} commands={commands} onClose={() => setHelpOpen(false)} />
      <RecoveryNotice />
      <OfflineIndicator />
      <div className="shell__body">
        <SectionsNav route={route} />
        <main id="main" className="shell__main" tabIndex={-1}>
          {/* The search screen stays mounted while its query changes (typing must keep focus). */}
          <Screen key={route.name === 'search' ? 'search' : hrefOf(route)} route={route} />
        </main>
      </div>
    </div>
    </ToastProvider>
  );
}

/** The skip link must not change the hash (hash = route), so it focuses main directly. */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
