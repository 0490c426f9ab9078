/**
 * Saved articles and read state survive a restart of the host on the same data folder (the web
 * host process, or the Electron app), with no network at all: the first-run edition is enough.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, repoRoot, test } from './support/fixtures';

interface EditionArticle {
  title: string;
  photo: { alt: string } | null;
}

test('a saved article is still saved, listed and readable with its photo after a restart', async ({ page, app }) => {
  const edition = JSON.parse(await readFile(join(repoRoot, 'assets', 'first-run', 'edition.json'), 'utf8')) as {
    articles: EditionArticle[];
  };
  const story = edition.articles.find((a) => a.photo) ?? edition.articles[0]!;

  await page.getByRole('link', { name: story.title, exact: true }).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(story.title);
  await page.getByRole('article').getByRole('button', { name: 'Save for later' }).click();
  await expect(page.getByRole('article').getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');

  const restarted = await app.restart();

  await restarted.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Saved', exact: true }).click();
  const link = restarted.getByRole('link', { name: story.title, exact: true });
  await expect(link).toBeVisible();
  await link.click();
  const article = restarted.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(story.title);
  await expect(article.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');
  if (story.photo) {
    const img = article.locator('figure').first().getByRole('img');
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
  }
  expect(app.pageErrors).toEqual([]);
});
