// @vitest-environment jsdom
// The page's side of the Electron app menu: each command does what its menu item says.
import { beforeEach, describe, expect, it } from 'vitest';
import { performMenuCommand } from './menuCommands';
import { loadPreferences } from './preferences';

describe('performMenuCommand', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    window.localStorage.clear();
    window.location.hash = '';
  });

  it('sets and keeps the theme', () => {
    performMenuCommand('theme-dark', { openShortcutHelp: () => undefined });
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(loadPreferences().theme).toBe('dark');
    performMenuCommand('theme-system', { openShortcutHelp: () => undefined });
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });

  it('saves the open article through its save button', () => {
    let clicks = 0;
    document.body.innerHTML = '<button data-command="toggle-save">Save for later</button>';
    document.querySelector('button')!.addEventListener('click', () => clicks++);
    performMenuCommand('save-article', { openShortcutHelp: () => undefined });
    expect(clicks).toBe(1);
  });

  it('opens Sources for "Add source" and the shortcut help on request', () => {
    let helpOpened = false;
    performMenuCommand('add-source', { openShortcutHelp: () => undefined });
    expect(window.location.hash).toBe('#/sources');
    performMenuCommand('shortcut-help', { openShortcutHelp: () => (helpOpened = true) });
    expect(helpOpened).toBe(true);
  });

  it('opens the article of a clicked new-articles notification', () => {
    performMenuCommand('open-article', { openShortcutHelp: () => undefined }, 'abc 1');
    expect(window.location.hash).toBe('#/article/abc%201');
    performMenuCommand('open-article', { openShortcutHelp: () => undefined }); // no id: stays put
    expect(window.location.hash).toBe('#/article/abc%201');
  });
});
