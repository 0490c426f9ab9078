/**
 * Sources screen journeys against the browser host: add the fixture RSS feed by URL, sync, rename it
 * (Enter saves, Escape cancels), move it to a new section, save one of its articles, then remove it
 * (confirmed): its unsaved articles go, the saved one stays. A feed that answers 500 shows its
 * error in words on the Sources screen and under "Details" in the toast after Sync now. axe finds
 * nothing serious or critical; screenshots of the screen, light and dark, go to e2e/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { fixtureArticleBySlug } from './fixtures/news-server';
import { expect, repoRoot, test } from './support/fixtures';
import { callHost } from './support/host-api';

const library = fixtureArticleBySlug('westmere-library-opens');
const river = fixtureArticleBySlug('orwen-river-cleanup');


function nav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Sections' });
}

async function addSource(page: Page, url: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Feed or site URL' }).fill(url);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('list', { name: 'Your sources' }).getByText(url, { exact: true })).toBeVisible();
}

async function syncNow(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Sync now' });
  await button.click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/\S/, { timeout: 60_000 });
  await expect(button).toBeEnabled();
}

function sourceItem(page: Page, url: string): Locator {
  return page.getByRole('list', { name: 'Your sources' }).getByRole('listitem').filter({ hasText: url });
}

/** The dd after a dt in a source's facts. */
function fact(item: Locator, name: string): Locator {
  return item.locator(`dt:text-is("${name}") + dd`);
}

/** axe over the screen and the toasts (the masthead and sidebar are covered by other specs). */
async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include('main').include('.toasts').analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Screenshots in both themes; axe in both, or (axe: 'light') only in the light one to save time. */
async function screenshotsLightAndDark(page: Page, name: string, axe: 'both' | 'light' = 'both'): Promise<void> {
  await mkdir(join(repoRoot, 'e2e', 'screenshots'), { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    if (axe === 'both' || scheme === 'light') await expectNoSeriousA11yViolations(page, `${name} ${scheme}`);
    await page.screenshot({ path: join(repoRoot, 'e2e', 'screenshots', `${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('add a source, rename it, move it to a section, remove it: saved articles stay', async ({ page, app, newsServer }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await nav(page).getByRole('link', { name: 'Sources', exact: true }).click();
  await addSource(page, newsServer.rssUrl);
  await syncNow(page);

  const item = sourceItem(page, newsServer.rssUrl);
  await expect(fact(item, 'Articles')).toHaveText('3');
  const lastSync = fact(item, 'Last sync').locator('time');
  await expect(lastSync).toHaveText(/just now|minute/);
  await expect(lastSync).toHaveAttribute('title', /\d{1,2}:\d{2}/);
  await expect(fact(item, 'Section')).toHaveText('Feed’s own sections');
  await expect(item.locator('.source__error')).toHaveCount(0);

  // Rename: Escape leaves the name as it was and gives the focus back; Enter saves.
  const feedTitle = (await item.getByRole('heading', { level: 2 }).textContent())!;
  const renameButton = item.getByRole('button', { name: `Rename ${feedTitle}` });
  await renameButton.click();
  const nameBox = item.getByRole('textbox', { name: 'Source name' });
  await expect(nameBox).toBeFocused();
  await expect(nameBox).toHaveValue(feedTitle);
  await nameBox.fill('Not this one');
  await nameBox.press('Escape');
  await expect(nameBox).toHaveCount(0);
  await expect(renameButton).toBeFocused();
  await expect(item.getByRole('heading', { level: 2 })).toHaveText(feedTitle);
  await renameButton.press('Enter');
  await item.getByRole('textbox', { name: 'Source name' }).fill('  ');
  await item.getByRole('textbox', { name: 'Source name' }).press('Enter');
  await expect(item.getByRole('alert')).toHaveText('Enter a name for the source.');
  await item.getByRole('textbox', { name: 'Source name' }).fill('Westmere Daily');
  await item.getByRole('textbox', { name: 'Source name' }).press('Enter');
  await expect(item.getByRole('heading', { level: 2 })).toHaveText('Westmere Daily');
  await expect(page.getByRole('status', { name: 'Sources status' })).toHaveText(`Renamed ${feedTitle} to Westmere Daily.`);

  // Move to a new section: the choices hold the feed's own sections and the ones there are.
  await item.getByRole('button', { name: 'Move Westmere Daily to a section' }).click();
  const select = item.getByRole('combobox', { name: 'Show its articles under' });
  await expect(select).toBeFocused();
  await expect(select.locator('option')).toContainText(['Feed’s own sections', 'News > City', 'New section…']);
  await select.selectOption({ label: 'New section…' });
  await item.getByRole('textbox', { name: 'New section name' }).fill('Local Desk');
  await screenshotsLightAndDark(page, 'sources-editing', 'light');
  await item.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(fact(item, 'Section')).toHaveText('Local Desk');
  await expect(item.getByRole('button', { name: 'Move Westmere Daily to a section' })).toBeFocused();

  // The host agrees.
  const stored = (await callHost(page, 'listSources')).map((s) => ({ title: s.title, section: s.section }));
  expect(stored).toEqual([{ title: 'Westmere Daily', section: ['Local Desk'] }]);

  // Save one of its articles.
  await nav(page).getByRole('link', { name: 'All articles' }).click();
  await page.getByRole('link', { name: library.title, exact: true }).click();
  await page.getByRole('article').getByRole('button', { name: 'Save for later' }).click();
  await expect(page.getByRole('article').getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Remove, after a confirmation that says saved articles stay; "Keep it" (focused) backs out.
  await nav(page).getByRole('link', { name: 'Sources', exact: true }).click();
  await item.getByRole('button', { name: 'Remove source Westmere Daily' }).click();
  const confirm = item.getByRole('group', { name: 'Remove Westmere Daily?' });
  await expect(confirm).toContainText('Saved articles stay in Saved.');
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Remove source Westmere Daily' })).toBeFocused();
  await item.getByRole('button', { name: 'Remove source Westmere Daily' }).click();
  await confirm.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByRole('list', { name: 'Your sources' })).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Sources status' })).toHaveText('Removed Westmere Daily. Its saved articles stay in Saved.');

  // Its unsaved articles are gone; the saved one stays.
  await nav(page).getByRole('link', { name: 'All articles' }).click();
  await expect(page.getByRole('link', { name: library.title, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: river.title, exact: true })).toHaveCount(0);
  await nav(page).getByRole('link', { name: 'Saved', exact: true }).click();
  await expect(page.getByRole('link', { name: library.title, exact: true })).toBeVisible();
  expect(app.pageErrors).toEqual([]);
});

test('a source moved to a section: its articles appear under that section in the sidebar', async ({ page, newsServer }) => {
  await nav(page).getByRole('link', { name: 'Sources', exact: true }).click();
  await addSource(page, newsServer.rssUrl);
  await syncNow(page);
  const item = sourceItem(page, newsServer.rssUrl);
  await item.getByRole('button', { name: /^Move .* to a section$/ }).click();
  await item.getByRole('combobox', { name: 'Show its articles under' }).selectOption({ label: 'New section…' });
  await item.getByRole('textbox', { name: 'New section name' }).fill('Local Desk');
  await item.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(fact(item, 'Section')).toHaveText('Local Desk');

  await nav(page).getByRole('link', { name: 'Local Desk', exact: true }).click();
  await expect(page.getByRole('link', { name: library.title, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: river.title, exact: true })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'News > City', exact: true })).toHaveCount(0);
});

test('a failing source shows its error on Sources and in the toast after Sync now', async ({ page, app, newsServer }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const broken = `${newsServer.url}/faults/500.xml`;
  await nav(page).getByRole('link', { name: 'Sources', exact: true }).click();
  await addSource(page, newsServer.rssUrl);
  await addSource(page, broken);
  await syncNow(page);

  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Failed:');
  const messages = page.getByRole('region', { name: 'Messages' });
  const toast = messages.getByRole('group', { name: '1 source could not be synced' });
  await expect(toast).toBeVisible();
  const details = toast.getByRole('button', { name: 'Details' });
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await details.click();
  await expect(toast.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
  await expect(toast.getByRole('list', { name: 'Details' })).toContainText('HTTP 500');

  await expect(sourceItem(page, broken).locator('.source__error')).toHaveText(
    'Last error: The site’s server failed (HTTP 500 Internal Server Error)',
  );
  await expect(sourceItem(page, newsServer.rssUrl).locator('.source__error')).toHaveCount(0);
  await screenshotsLightAndDark(page, 'sources');

  // Expanded, the toast stays until dismissed; focus then goes to the main area, not the body.
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);
  await expect(page.locator('#main')).toBeFocused();
  expect(app.pageErrors).toEqual([]);
});
