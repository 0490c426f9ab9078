/**
 * The main journey, in both hosts: the first-run edition shows with no source added; add the
 * fixture feed, sync, open a section and an article (headline, breadcrumb, date, lead photo with
 * caption and credit on separate lines), save it, stop the news server, reload, and read it again
 * from Saved with its photo. The fixtures fail the test if the page requested any non-local URL.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { fixtureArticleBySlug, longDate } from './fixtures/news-server';
import { expect, repoRoot, test } from './support/fixtures';

const story = fixtureArticleBySlug('westmere-library-opens');
const sectionKey = story.sectionPath.join(' > ');

async function firstRunHeadlines(): Promise<string[]> {
  const edition = JSON.parse(await readFile(join(repoRoot, 'assets', 'first-run', 'edition.json'), 'utf8')) as {
    articles: { title: string }[];
  };
  return edition.articles.map((a) => a.title);
}

function sectionsNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Sections' });
}

/** Waits until the image has decoded real pixels (a broken or blocked image has naturalWidth 0). */
async function expectPhotoLoaded(img: Locator): Promise<void> {
  await expect(img).toBeVisible();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0)), { timeout: 15_000 })
    .toBeGreaterThan(0);
  const src = (await img.getAttribute('src')) ?? '';
  expect(src, 'photos come from the local cache').not.toMatch(/^[a-z][a-z0-9+.-]*:\/\//i);
}

async function expectLeadPhotoWithCaptionAndCredit(page: Page): Promise<void> {
  const article = page.getByRole('article');
  const lead = article.locator('figure').first();
  await expectPhotoLoaded(lead.getByRole('img', { name: story.photo.alt }));
  const caption = lead.locator('figcaption .caption');
  const credit = lead.locator('figcaption .credit');
  await expect(caption).toHaveText(story.caption);
  await expect(credit).toHaveText(`Photo: ${story.credit}`);
  // Separate lines: the credit starts below the caption.
  const captionBox = (await caption.boundingBox())!;
  const creditBox = (await credit.boundingBox())!;
  expect(creditBox.y).toBeGreaterThanOrEqual(captionBox.y + captionBox.height - 1);
}

/** The article view from the top down to just below the lead photo's credit. */
async function saveArticleScreenshot(page: Page, project: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const credit = (await page.getByRole('article').locator('figure').first().locator('.credit').boundingBox())!;
  const width = page.viewportSize()!.width;
  const clip = { x: 0, y: 0, width, height: Math.min(Math.ceil(credit.y + credit.height + 140), 2400) };
  await mkdir(join(repoRoot, 'e2e', 'screenshots'), { recursive: true });
  const name = project === 'chromium' ? 'article.png' : `article-${project}.png`;
  await page.screenshot({ path: join(repoRoot, 'e2e', 'screenshots', name), fullPage: true, clip });
  // The README's picture is refreshed only on request, so a test run leaves the work tree clean.
  if (project === 'chromium' && process.env.UPDATE_README_SCREENSHOT === '1') {
    await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-article.png'), fullPage: true, clip });
  }
}

test('sync a feed, read an article with its photo, save it, and read it again offline', async ({ page, app, newsServer }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });

  // 1. First run, no source, no network: the bundled edition is there.
  const headlines = await firstRunHeadlines();
  expect(headlines.length).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: headlines[0]!, exact: true })).toBeVisible();

  // 2. Add the fixture feed and sync.
  await sectionsNav(page).getByRole('link', { name: 'Sources', exact: true }).click();
  await page.getByRole('textbox', { name: 'Feed or site URL' }).fill(newsServer.rssUrl);
  await page.getByRole('button', { name: 'Add source' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toHaveText(/\S/, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();

  // 3. Open the section, then the article.
  await sectionsNav(page).getByRole('link', { name: sectionKey, exact: true }).click();
  await page.getByRole('link', { name: story.title, exact: true }).click();

  // 4. The article view.
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(story.title);
  const breadcrumb = article.getByRole('navigation', { name: 'Breadcrumb' });
  for (const part of story.sectionPath) await expect(breadcrumb.getByRole('link', { name: part, exact: true })).toBeVisible();
  await expect(article.getByText(`Published ${longDate(story.publishedAt)}`, { exact: true })).toBeVisible();
  await expectLeadPhotoWithCaptionAndCredit(page);
  await expect(article.getByText(story.bodySentence, { exact: false })).toBeVisible();

  await saveArticleScreenshot(page, testInfo.project.name);

  // 5. Save it.
  const save = article.getByRole('button', { name: 'Save for later' });
  await expect(save).toHaveAttribute('aria-pressed', 'false');
  await save.click();
  const saved = article.getByRole('button', { name: 'Saved', exact: true });
  await expect(saved).toHaveAttribute('aria-pressed', 'true');

  // 6. The news site goes away; reload; the saved copy opens with its photo.
  await newsServer.stop();
  await page.reload();
  await sectionsNav(page).getByRole('link', { name: 'Saved', exact: true }).click();
  const savedLink = page.getByRole('link', { name: story.title, exact: true });
  await expect(savedLink).toBeVisible();
  await savedLink.click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(story.title);
  await expectLeadPhotoWithCaptionAndCredit(page);
  await expect(page.getByRole('article').getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // The whole journey ran without console errors (CSP violations, failed loads) or uncaught errors.
  expect(app.pageErrors).toEqual([]);
});
