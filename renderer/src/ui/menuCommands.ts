/**
 * What the page does for each command the Electron app menu hands it (the `menu:command` event).
 * The menu's other items (sync, zoom, about, quit) are carried out in the main process.
 */
import type { MenuCommand } from '../../../electron/shared/contract';
import { hrefs } from '../routing/routes';
import { clickCommandTarget } from './commands';
import { applyPreferences, loadPreferences, savePreferences, type ThemeChoice } from './preferences';

export interface MenuCommandHooks {
  openShortcutHelp: () => void;
}

const themes: Partial<Record<MenuCommand, ThemeChoice>> = {
  'theme-light': 'light',
  'theme-dark': 'dark',
  'theme-system': 'system',
};

export function performMenuCommand(command: MenuCommand, hooks: MenuCommandHooks, articleId?: string): void {
  const theme = themes[command];
  if (theme) {
    const prefs = { ...loadPreferences(), theme };
    savePreferences(prefs);
    applyPreferences(prefs);
    return;
  }
  switch (command) {
    case 'add-source':
      window.location.hash = hrefs.sources;
      // The Sources screen renders on the hash change; then the URL box takes the focus.
      window.setTimeout(() => document.getElementById('source-url')?.focus(), 50);
      return;
    case 'save-article':
      clickCommandTarget('toggle-save');
      return;
    case 'shortcut-help':
      hooks.openShortcutHelp();
      return;
    case 'open-article': // a clicked new-articles notification (electron/main/notifications.ts)
      if (articleId) window.location.hash = hrefs.article(articleId);
      return;
  }
}
