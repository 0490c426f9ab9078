/**
 * Every screen, in the light and the dark theme: axe-core finds no serious or critical violation
 * (WCAG 2.0/2.1 A and AA; each one listed in the failure), and a picture of it is written to
 * e2e/screenshots/<screen>-<theme>.png (gitignored) for a person to look at.
 *
 * The screens are data: add one with one line in SCREENS. `state` says what the app must have been
 * through first; one test per state walks its screens in both themes on one host, so the whole
 * table costs two app starts and one sync:
 * - 'first-run': a fresh data folder (the bundled edition, no source);
 * - 'synced':    the fixture feed added and synced, one story saved;
 * - 'offline':   then the news site stopped and a sync that reached nothing (the offline banner).
 * The theme is picked in Settings, as a reader does (e2e/support/a11y.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { fixtureArticleBySlug } from './fixtures/news-server';
import { expectNoSeriousAxe, goTo, screenshotScreen, setTheme, THEMES } from './support/a11y';
import { expect, repoRoot, test, type RunningApp, type StoppableNewsServer } from './support/fixtures';

type State = 'first-run' | 'synced' | 'offline';

interface Ctx {
  page: Page;
  app: RunningApp;
  newsServer: StoppableNewsServer;
  firstRunTitle: string;
}

interface ScreenCase {
  /** File name stem of the screenshot: e2e/screenshots/<name>-<theme>.png */
  name: string;
  state: State;
  /** A hash route, or the steps that reach the screen from wherever the app is. */
  open: string | ((ctx: Ctx) => Promise<void>);
  /** What shows when the screen is ready. */
  ready: (ctx: Ctx) => Locator;
}

const story = fixtureArticleBySlug('westmere-library-opens'); // has a lead photo; saved in 'synced'
const section = story.sectionPath.join(' > ');
const sectionHash = `#/section/${encodeURIComponent(section)}`;

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const link = (page: Page, name: string) => page.getByRole('link', { name, exact: true });
const removeSourceButton = (page: Page) => page.getByRole('button', { name: /^Remove source / });

async function openStory({ page }: Ctx): Promise<void> {
  await goTo(page, sectionHash);
  await link(page, story.title).click();
}

async function openHelp({ page }: Ctx): Promise<void> {
  await goTo(page, '#/');
  await h1(page, 'All articles').waitFor();
  await page.keyboard.press('?');
}

const SCREENS: ScreenCase[] = [
  { name: 'first-run', state: 'first-run', open: '#/', ready: ({ page, firstRunTitle }) => link(page, firstRunTitle) },
  { name: 'saved-empty', state: 'first-run', open: '#/saved', ready: ({ page }) => page.getByText('Nothing saved yet') },
  { name: 'offline-queue', state: 'first-run', open: '#/queue', ready: ({ page }) => h1(page, 'Offline queue') },
  { name: 'settings', state: 'first-run', open: '#/settings', ready: ({ page }) => page.getByRole('group', { name: 'Theme' }) },
  { name: 'not-found', state: 'first-run', open: '#/no-such-screen', ready: ({ page }) => h1(page, 'Page not found') },
  { name: 'shortcut-help', state: 'first-run', open: openHelp, ready: ({ page }) => page.getByRole('dialog', { name: 'Keyboard shortcuts' }) },
  { name: 'all-front', state: 'synced', open: '#/', ready: ({ page }) => link(page, story.title) },
  { name: 'section-front', state: 'synced', open: sectionHash, ready: ({ page }) => h1(page, story.sectionPath.at(-1)!) },
  { name: 'article', state: 'synced', open: openStory, ready: ({ page }) => page.getByRole('article').getByRole('img', { name: story.photo.alt }) },
  { name: 'saved', state: 'synced', open: '#/saved', ready: ({ page }) => link(page, story.title) },
  { name: 'search', state: 'synced', open: '#/search?q=cafe', ready: ({ page }) => page.getByRole('main').locator('mark').first() },
  { name: 'sources', state: 'synced', open: '#/sources', ready: ({ page }) => removeSourceButton(page) },
  { name: 'offline', state: 'offline', open: '#/', ready: ({ page }) => page.getByRole('status', { name: 'Offline' }).getByText(/Last synced/) },
];

async function syncNow(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Sync now' });
  await button.click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/\S/, { timeout: 60_000 });
  await expect(button).toBeEnabled({ timeout: 60_000 });
}

/** Brings the app from where it is to the given state. */
const PREPARE: Record<State, (ctx: Ctx) => Promise<void>> = {
  'first-run': async () => undefined,
  synced: async (ctx) => {
    const { page, newsServer } = ctx;
    await goTo(page, '#/sources');
    await page.getByRole('textbox', { name: 'Feed or site URL' }).fill(newsServer.rssUrl);
    await page.getByRole('button', { name: 'Add source' }).click();
    await expect(removeSourceButton(page)).toBeVisible();
    await syncNow(page);
    await openStory(ctx);
    await page.getByRole('article').getByRole('button', { name: 'Save for later' }).click();
    await expect(page.getByRole('article').getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');
  },
  offline: async (ctx) => {
    await ctx.newsServer.stop();
    await syncNow(ctx.page);
    // Electron asks the system whether there is a network (there is); the page's own view is the
    // other half of the banner's rule, so take the window off the network there.
    if (ctx.app.host === 'electron') await ctx.page.context().setOffline(true);
    await expect(ctx.page.getByRole('status', { name: 'Offline' })).toBeVisible();
  },
};

async function walkScreens(ctx: Ctx, states: State[]): Promise<void> {
  const { page } = ctx;
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const state of states) {
    await test.step(`state: ${state}`, () => PREPARE[state](ctx));
    const screens = SCREENS.filter((s) => s.state === state);
    for (const theme of THEMES) {
      await setTheme(page, theme);
      for (const screen of screens) {
        await test.step(`${screen.name} (${theme})`, async () => {
          if (typeof screen.open === 'string') await goTo(page, screen.open);
          else await screen.open(ctx);
          await expect(screen.ready(ctx)).toBeVisible();
          await expectNoSeriousAxe(page, `${screen.name} (${theme})`, { soft: true });
          await screenshotScreen(page, screen.name, theme);
          // Leave a modal screen (the help dialog) the way a reader does.
          if (await page.locator('dialog[open]').count()) {
            await page.keyboard.press('Escape');
            await expect(page.locator('dialog[open]')).toHaveCount(0);
          }
        });
      }
    }
  }
}

async function firstRunTitle(): Promise<string> {
  const edition = JSON.parse(await readFile(join(repoRoot, 'assets', 'first-run', 'edition.json'), 'utf8')) as { articles: { title: string }[] };
  return edition.articles[0]!.title;
}

test.describe('every screen, light and dark: axe clean, screenshot written', () => {
  // Each test walks many screens twice; generous for a busy machine (about 20 s each when idle).
  test.describe.configure({ timeout: 180_000, mode: 'parallel' });

  test('fresh data folder: first run, empty Saved and queue, Settings, shortcut help', async ({ page, app, newsServer }) => {
    await walkScreens({ page, app, newsServer, firstRunTitle: await firstRunTitle() }, ['first-run']);
    expect(app.pageErrors).toEqual([]);
  });

  test('after a sync: fronts, article with photo, Saved with a story, Sources; then offline', async ({ page, app, newsServer }) => {
    await walkScreens({ page, app, newsServer, firstRunTitle: await firstRunTitle() }, ['synced', 'offline']);
    expect(app.pageErrors).toEqual([]);
  });
});
