/**
 * The desktop app as Electron runs it (project "electron" only; the browser host has no app
 * around the page): started through the real entry, it has the app's name and the test's temp data
 * folder as userData, the full application menu (Edit by role, so copy / paste work in text
 * fields), and a window painted in the theme's paper colour.
 */
import { expect, test } from './support/fixtures';

test('the app has its name, a temp userData, the full menu and a theme background', async ({ app, dataDir }) => {
  test.skip(app.host !== 'electron', 'desktop-only: the browser host runs no Electron app');
  const electronApp = app.electronApp!;
  const facts = await electronApp.evaluate(({ app: electronAppModule, Menu, BrowserWindow }) => {
    const menu = Menu.getApplicationMenu();
    const win = BrowserWindow.getAllWindows()[0];
    return {
      name: electronAppModule.getName(),
      userData: electronAppModule.getPath('userData'),
      // Roles compare case-insensitively (api/menu-item.md); Electron may report them lower-cased.
      topLevel: menu?.items.map((i) => (i.role ?? i.label).toLowerCase()) ?? [],
      editRoles: menu?.items.find((i) => i.role?.toLowerCase() === 'editmenu')?.submenu?.items.flatMap((i) => (i.role ? [i.role.toLowerCase()] : [])) ?? [],
      background: win?.getBackgroundColor(),
    };
  });
  expect(facts.name).toBe('Offline News');
  expect(facts.userData).toBe(dataDir);
  expect(facts.editRoles).toEqual(expect.arrayContaining(['undo', 'cut', 'copy', 'paste', 'selectall']));
  expect(facts.topLevel).toEqual(expect.arrayContaining(['&file', 'editmenu', '&view', 'windowmenu', 'help']));
  expect(['#FBFAF6', '#151413']).toContain(facts.background?.toUpperCase());
});
