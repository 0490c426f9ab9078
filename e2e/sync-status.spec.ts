/**
 * Sync and status against the browser host: Settings > Sync and photos saves the refresh interval
 * and the photo downloads through updateSettings, confirms it, and both survive a reload (the host
 * agrees); a sync stuck on a slow feed shows "Cancel sync", and cancelling ends it with the store
 * intact and no failure toast; with the site gone, the offline banner says when the app last
 * synced. axe finds nothing serious on Settings; screenshots light and dark go to e2e/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, repoRoot, test } from './support/fixtures';
import { callHost, ELECTRON_ONLINE_REASON } from './support/host-api';


function nav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Sections' });
}

async function addSource(page: Page, url: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Sources', exact: true }).click();
  await page.getByRole('textbox', { name: 'Feed or site URL' }).fill(url);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('list', { name: 'Your sources' }).getByText(url, { exact: true })).toBeVisible();
}

async function hostSettings(page: Page): Promise<{ refreshMinutes: number; downloadPhotos: boolean }> {
  const { refreshMinutes, downloadPhotos } = await callHost(page, 'getSettings');
  return { refreshMinutes, downloadPhotos };
}

test('the refresh interval and photo downloads are saved, confirmed and kept after a reload', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const interval = page.getByRole('combobox', { name: 'Sync automatically' });
  const photos = page.getByRole('checkbox', { name: 'Download photos' });
  const status = page.getByRole('status', { name: 'Sync settings status' });
  await expect(interval).toHaveValue('30');
  await expect(photos).toBeChecked();
  const labels = await interval.locator('option').allTextContents();
  expect(labels).toEqual(['Off', 'Every 15 minutes', 'Every 30 minutes', 'Every hour', 'Every 2 hours', 'Every 6 hours', 'Every 12 hours', 'Every 24 hours']);

  await interval.selectOption({ label: 'Every 2 hours' });
  await expect(status).toHaveText('Saved: syncs every 2 hours; photos are downloaded.');
  await photos.uncheck();
  await expect(status).toHaveText('Saved: syncs every 2 hours; text only, no photos.');
  expect(await hostSettings(page)).toEqual({ refreshMinutes: 120, downloadPhotos: false });

  // Keyboard: the controls are reachable and work without a mouse.
  await interval.focus();
  await page.keyboard.press('Tab');
  await expect(photos).toBeFocused();

  await mkdir(join(repoRoot, 'e2e', 'screenshots'), { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).include('main').analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: join(repoRoot, 'e2e', 'screenshots', `settings-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Sync automatically' })).toHaveValue('120');
  await expect(page.getByRole('checkbox', { name: 'Download photos' })).not.toBeChecked();

  await page.getByRole('combobox', { name: 'Sync automatically' }).selectOption({ label: 'Off' });
  await expect(page.getByRole('status', { name: 'Sync settings status' })).toHaveText('Saved: no scheduled syncs (use Sync now); text only, no photos.');
  expect(await hostSettings(page)).toEqual({ refreshMinutes: 0, downloadPhotos: false });
  expect(app.pageErrors).toEqual([]);
});

test('a sync stuck on a slow feed can be cancelled', async ({ page, app, newsServer }) => {
  await addSource(page, `${newsServer.url}/faults/slow.xml`);
  const syncButton = page.getByRole('button', { name: 'Sync now' });
  await syncButton.click();
  const cancel = page.getByRole('button', { name: 'Cancel sync' });
  await expect(cancel).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();
  await expect.poll(() => newsServer.requests.filter((r) => r.startsWith('/faults/slow.xml')).length).toBeGreaterThan(0);

  const started = Date.now();
  await cancel.click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Sync cancelled/, { timeout: 15_000 });
  expect(Date.now() - started, 'cancelling ends the sync at once, not at the feed deadline').toBeLessThan(10_000);
  await expect(cancel).toHaveCount(0);
  await expect(page.getByRole('progressbar', { name: 'Sync progress' })).toHaveCount(0);
  await expect(syncButton).toBeEnabled();
  await expect(syncButton).toBeFocused();
  await expect(page.getByRole('region', { name: 'Messages' }).getByText('could not be synced')).toHaveCount(0);

  const status = await callHost(page, 'getStatus');
  expect(status.syncing).toBe(false);
  expect(app.pageErrors).toEqual([]);
});

test('offline, the banner says when the app last synced', async ({ page, newsServer, appHost }) => {
  test.skip(appHost !== 'browser', ELECTRON_ONLINE_REASON);
  await addSource(page, newsServer.rssUrl);
  const syncButton = page.getByRole('button', { name: 'Sync now' });
  await syncButton.click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/^Synced 1 source/, { timeout: 60_000 });

  await newsServer.stop();
  await syncButton.click();
  await expect(syncButton).toBeEnabled({ timeout: 60_000 });
  const banner = page.getByRole('status', { name: 'Offline' });
  await expect(banner).toContainText('reading stored articles');
  await expect(banner).toContainText(/Last synced (just now|1 minute ago)\./);
  await expect(banner.locator('time').first()).toHaveAttribute('title', /\d{1,2}:\d{2}/);
});
