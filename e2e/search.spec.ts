/**
 * Search: after syncing the fixture feed, "/" focuses the search field from anywhere; a query with
 * a typo and without the accent ("caffe") finds the library story's "café" and highlights it;
 * words found only deep in a body come with a snippet around them; the section filter and
 * "Saved only" narrow the results; j/o open a result; axe finds nothing
 * serious on the Search screen in the light and the dark scheme (screenshots of both in
 * e2e/screenshots/).
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fixtureArticleBySlug } from './fixtures/news-server';
import { expect, repoRoot, test } from './support/fixtures';

const library = fixtureArticleBySlug('westmere-library-opens'); // News > City; dek has "café"
const rail = fixtureArticleBySlug('regional-rail-late-trains'); // News > Transport; dek names Westmere

async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('search finds accented words with a typo, highlights them, filters and opens results', async ({ page, newsServer }, testInfo) => {
  test.setTimeout(180_000); // a sync, two axe runs and two screenshots on a shared machine
  await page.setViewportSize({ width: 1280, height: 900 });
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link', { name: 'Sources', exact: true }).click();
  await page.getByRole('textbox', { name: 'Feed or site URL' }).fill(newsServer.rssUrl);
  await page.getByRole('button', { name: 'Add source' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/\S/, { timeout: 60_000 });
  await nav.getByRole('link', { name: 'All articles', exact: true }).click();

  // "/" focuses the search field from anywhere.
  const field = page.getByRole('search').getByRole('searchbox', { name: 'Search articles' });
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');

  // A typo and no accent: "caffe" finds "café", highlighted in the snippet.
  await page.keyboard.type('caffe');
  await expect(page).toHaveURL(/#\/search\?q=caffe$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “caffe”');
  const results = page.getByRole('main').getByRole('list');
  const libraryHit = results.getByRole('listitem').filter({ has: page.getByRole('link', { name: library.title }) });
  await expect(libraryHit).toHaveCount(1);
  await expect(libraryHit.locator('mark')).toHaveText(['café']);
  await expect(libraryHit).toContainText('News › City');
  await expect(field).toBeFocused(); // typing kept the focus

  // Words from the last paragraph of the library's body only (not its headline or standfirst):
  // the snippet is cut around them and marks them.
  await field.fill('solar panels');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “solar panels”');
  await expect(page.getByRole('main').locator('[data-story-link]')).toHaveText([library.title]);
  await expect(libraryHit.locator('mark')).toHaveText(['solar', 'panels']);
  await expect(libraryHit).toContainText('thanks to solar panels on the roof');

  // Another query; both stories mention Westmere in their headline or standfirst.
  await field.fill('westmere');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “westmere”');
  const links = page.getByRole('main').locator('[data-story-link]');
  await expect(links.filter({ hasText: library.title })).toHaveCount(1);
  await expect(links.filter({ hasText: rail.title })).toHaveCount(1);
  await expect(results.locator('mark').first()).toHaveText(/^Westmere$/);
  await expect(page.getByRole('status').filter({ hasText: 'found' })).toHaveText(/^\d+ articles found$/);

  // Screenshots and axe, light and dark (the default theme follows the system scheme).
  await mkdir(join(repoRoot, 'e2e', 'screenshots'), { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, scheme);
    if (testInfo.project.name === 'chromium') await page.screenshot({ path: join(repoRoot, 'e2e', 'screenshots', `search-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The section filter narrows (prefix match: "News" keeps both, "News > City" only the library).
  const section = page.getByRole('combobox', { name: 'Section' });
  await section.selectOption({ label: 'News › City' });
  await expect(page).toHaveURL(/section=News/);
  await expect(links.filter({ hasText: library.title })).toHaveCount(1);
  await expect(links.filter({ hasText: rail.title })).toHaveCount(0);
  await section.selectOption({ label: 'All sections' });
  await expect(links.filter({ hasText: rail.title })).toHaveCount(1);

  // j/o open a result (the rail story is the only other hit besides the library's); save it.
  await links.filter({ hasText: rail.title }).focus();
  await page.keyboard.press('o');
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(rail.title);
  await article.getByRole('button', { name: 'Save for later' }).click();
  await expect(article.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();

  // "Saved only" leaves the saved story.
  await page.getByLabel('Saved only').check();
  await expect(page).toHaveURL(/saved=1/);
  await expect(links).toHaveCount(1);
  await expect(links.first()).toHaveText(rail.title);

  // j moves to the first result, o opens it.
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('o');
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(rail.title);

  // An empty state names the query.
  await page.keyboard.press('/');
  await page.keyboard.type('zzyzx');
  await expect(page.getByText('No stored article matches “zzyzx”.', { exact: false })).toBeVisible();
});
