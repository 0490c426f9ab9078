/**
 * Full articles offline (issue 4), in the browser host: sync the fixture feed, stop the news site,
 * and read an article with its lead photo (caption and credit) and an inline photo with its own
 * caption and credit, all from the local cache; follow a related link to the stored copy; click a
 * related link to a story that is not stored, which goes to the offline queue (the reader is told);
 * bring the site back, sync, and find the story in Saved.
 */
import type { Locator, Page } from '@playwright/test';
import { fixtureArticleBySlug, startNewsServer } from './fixtures/news-server';
import { expect, test } from './support/fixtures';
import { ELECTRON_ONLINE_REASON } from './support/host-api';

const library = fixtureArticleBySlug('westmere-library-opens');
const river = fixtureArticleBySlug('orwen-river-cleanup'); // library's related story, in the RSS feed
const rail = fixtureArticleBySlug('regional-rail-late-trains');
const ferry = fixtureArticleBySlug('harbour-ferry-returns'); // rail's related story, only in the Atom feed

function nav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Sections' });
}

/** A decoded image (naturalWidth > 0) served from the app's photo cache. */
async function expectCachedPhoto(img: Locator): Promise<void> {
  await expect(img).toBeVisible();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0)), { timeout: 15_000 })
    .toBeGreaterThan(0);
  const src = await img.evaluate((el: HTMLImageElement) => new URL(el.src).pathname);
  expect(src).toMatch(/^\/photos\/[0-9a-f]{64}\.jpg$/);
}

async function openArticle(page: Page, title: string, section: string[]): Promise<Locator> {
  await nav(page).getByRole('link', { name: section.join(' > '), exact: true }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(title);
  return article;
}

async function syncAndWait(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Sync now' });
  await button.click();
  await expect(button).toBeEnabled({ timeout: 60_000 });
}

// Skipped before any app starts: the journey goes offline by stopping the fixture site.
test.skip(({ appHost }) => appHost !== 'browser', ELECTRON_ONLINE_REASON);

test('read photos and related links with the site down; a link that is not stored is queued and synced later', async ({ page, app, newsServer }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });

  // Online: add the RSS feed (library, river, rail; the ferry story is only in the Atom feed) and sync.
  await nav(page).getByRole('link', { name: 'Sources', exact: true }).click();
  await page.getByRole('textbox', { name: 'Feed or site URL' }).fill(newsServer.rssUrl);
  await page.getByRole('button', { name: 'Add source' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status', { name: 'Sync status' })).toHaveText(/\S/, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();

  // The site goes away; a sync that reaches nothing puts the app offline.
  await newsServer.stop();
  await syncAndWait(page);
  await expect(page.getByRole('status', { name: 'Offline' })).toBeVisible();

  // Lead photo, caption and credit on their own lines; an inline photo with its own caption and credit.
  let article = await openArticle(page, library.title, library.sectionPath);
  const lead = article.locator('figure').first();
  await expectCachedPhoto(lead.getByRole('img', { name: library.photo.alt }));
  await expect(lead.locator('figcaption .caption')).toHaveText(library.caption);
  await expect(lead.locator('figcaption .credit')).toHaveText(`Photo: ${library.credit}`);
  const inline = article.locator('.article__body figure').filter({ has: page.getByRole('img', { name: library.inlinePhoto!.alt }) });
  await expectCachedPhoto(inline.getByRole('img', { name: library.inlinePhoto!.alt }));
  await expect(inline.locator('figcaption')).toContainText(library.inlinePhoto!.caption);
  await expect(inline.locator('figcaption .credit')).toHaveText(`Photo: ${library.inlinePhoto!.credit}`);
  await page.screenshot({ path: testInfo.outputPath('offline-article.png'), fullPage: true });

  // A related link opens the stored copy, offline.
  await article.getByRole('complementary', { name: 'Related' }).getByRole('link', { name: river.title, exact: true }).click();
  await expect(page).toHaveURL(/#\/article\/[A-Za-z0-9_-]+$/);
  article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(river.title);
  await expectCachedPhoto(article.locator('figure').first().getByRole('img', { name: river.photo.alt }));

  // A related story that is not stored: offline, the click queues it and says so.
  article = await openArticle(page, rail.title, rail.sectionPath);
  await article.getByRole('complementary', { name: 'Related' }).getByRole('button', { name: new RegExp(ferry.title) }).click();
  await expect(page.getByRole('status', { name: 'Link status' })).toContainText('Queued for the next sync: it will appear in Saved');
  await page.screenshot({ path: testInfo.outputPath('queued-notice.png'), fullPage: true });
  await nav(page).getByRole('link', { name: 'Offline queue', exact: true }).click();
  const queued = page.getByRole('list', { name: 'Queued links' }).getByRole('listitem');
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText(ferry.path);
  await expect(queued).toContainText('Waiting for the next sync');
  await expect(page.getByRole('status', { name: 'Offline' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('offline-queue.png'), fullPage: true });

  // The site is back on the same address; the next sync fetches the queued story into Saved.
  const back = await startNewsServer({ port: newsServer.port });
  try {
    await syncAndWait(page);
    await expect(page.getByRole('status', { name: 'Offline' })).toHaveCount(0);
    expect(back.requests).toContain(ferry.path);
    await expect(page.getByRole('list', { name: 'Queued links' })).toHaveCount(0);
    await nav(page).getByRole('link', { name: 'Saved', exact: true }).click();
    await page.getByRole('link', { name: ferry.title, exact: true }).click();
    article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(ferry.title);
    await expectCachedPhoto(article.locator('figure').first().getByRole('img', { name: ferry.photo.alt }));
    await expect(article.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');
  } finally {
    await back.close();
  }

  expect(app.pageErrors).toEqual([]);
});
