/**
 * Settings > Notifications: off by default (no section checked); checking a section saves it at
 * once through the host, it survives a reload, and unchecking turns it off again.
 */
import { expect, test } from './support/fixtures';

test('new-article notifications: off by default, a chosen section is saved and survives a reload', async ({ page, app }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const group = page.getByRole('group', { name: 'Notifications' });
  await expect(group).toContainText('Notify me when new articles arrive in these sections');
  await expect(group).toContainText('only in the desktop app');
  const boxes = group.getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();

  await expect(group.getByRole('checkbox', { name: 'Guide', exact: true })).toBeVisible(); // a parent covers its subsections
  const tips = group.getByRole('checkbox', { name: 'Guide > Tips', exact: true });
  await tips.check();
  await expect(page.getByRole('status', { name: 'Notifications status' })).toHaveText('Saved: notifications for Guide > Tips.');
  await page.screenshot({ path: test.info().outputPath('notify-settings.png'), fullPage: true });
  await page.reload();
  await expect(page.getByRole('group', { name: 'Notifications' }).getByRole('checkbox', { name: 'Guide > Tips', exact: true })).toBeChecked();
  await page.getByRole('group', { name: 'Notifications' }).getByRole('checkbox', { name: 'Guide > Tips', exact: true }).uncheck();
  await expect(page.getByRole('status', { name: 'Notifications status' })).toHaveText('Saved: no notifications.');
  expect(app.pageErrors).toEqual([]);
});
