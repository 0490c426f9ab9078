/**
 * Settings: the storage the data folder uses is shown (non-zero: the first-run edition is stored),
 * and a retention change (with a storage budget, then shown as "of 500 MB") is saved through the
 * host, survives a reload and is what getSettings returns. Bad input gets an inline error and is
 * not sent. axe finds nothing serious in either theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { callHost } from './support/host-api';

test('storage used is shown and a retention change survives a reload', async ({ page, app }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  const storage = page.getByRole('region', { name: 'Storage' });
  const total = storage.getByTestId('storage-total');
  await expect(total).toHaveText(/^\d+(\.\d)? (bytes|kB|MB|GB)$/);
  expect(await total.textContent()).not.toMatch(/^0 bytes$/);
  await expect(storage.getByTestId('storage-articles')).not.toHaveText('0');

  const days = page.getByLabel('Keep articles for (days)');
  await expect(days).toHaveValue(/^\d+$/);
  await expect(page.getByLabel('Most articles per source')).toHaveValue(/^\d+$/);

  // No serious or critical accessibility violations, in the light and the dark theme.
  for (const theme of ['Light', 'Dark']) {
    await page.getByLabel(theme, { exact: true }).check();
    const { violations } = await new AxeBuilder({ page }).include('main').analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  // Invalid input: an inline error, nothing saved.
  await days.fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter a whole number from 1 to 3,650.')).toBeVisible();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(days).toBeFocused();

  await days.fill('10');
  const budget = page.getByLabel('Storage budget (MB)');
  await expect(budget).toHaveValue(''); // no budget by default
  await expect(storage.getByTestId('storage-budget')).toHaveCount(0);
  await budget.fill('500');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status', { name: 'Retention status' })).toContainText('Saved. Articles are kept for 10 days');
  await expect(days).not.toHaveAttribute('aria-invalid', 'true');

  await page.reload();
  await expect(page.getByLabel('Keep articles for (days)')).toHaveValue('10');
  await expect(page.getByLabel('Storage budget (MB)')).toHaveValue('500');
  await expect(page.getByRole('region', { name: 'Storage' }).getByTestId('storage-budget')).toHaveText('of 500 MB');

  // The host agrees (Electron's preload bridge, or the browser host's HTTP API).
  const keepDays = (await callHost(page, 'getSettings')).keepDays;
  expect(keepDays).toBe(10);
  expect(app.pageErrors).toEqual([]);
});
