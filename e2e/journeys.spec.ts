/**
 * Reader journeys on the first-run edition (no network needed), in both hosts:
 * - the theme: light → dark → same as the system, kept after a reload, and the page's computed
 *   background really changes (the system's choice followed both ways);
 * - a keyboard-only reading session: Tab to the sidebar, pick a section, j/k between stories,
 *   Enter/o to open, s to save, back through the breadcrumb, Saved lists it, s again unsaves it;
 *   every stop shows a focus ring. No mouse call at all;
 * - browse with the mouse: a parent section shows its subsections' stories, open one, save it,
 *   remove it from the Saved list.
 * Sync, reading offline and the offline banner are covered by reader.spec.ts,
 * offline-article.spec.ts and screens.spec.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { pageBackground, setTheme } from './support/a11y';
import { expect, repoRoot, test } from './support/fixtures';

// Independent tests (each its own host and data folder): let them spread over the workers.
test.describe.configure({ mode: 'parallel' });

interface EditionArticle {
  title: string;
  sectionPath: string[];
  publishedAt: string;
}

async function edition(): Promise<EditionArticle[]> {
  const data = JSON.parse(await readFile(join(repoRoot, 'assets', 'first-run', 'edition.json'), 'utf8')) as { articles: EditionArticle[] };
  return data.articles;
}

/** The stories of one section, newest first (the front's order: lead, then the others). */
async function storiesOf(section: string): Promise<EditionArticle[]> {
  return (await edition())
    .filter((a) => a.sectionPath.join(' > ') === section)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const headline = (page: Page) => page.getByRole('article').getByRole('heading', { level: 1 });

/** Presses Tab (or Shift+Tab) until the target has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (opts.max ?? 40); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`focus never reached ${target}`);
}

/** The focused element shows a visible focus ring (outline of 2px or more, not transparent). */
async function expectFocusRing(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
  });
  expect(ring.style, 'focus outline').not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.color).not.toMatch(/rgba\(.*, 0\)$|transparent/);
}

test('the theme: light, dark, then the system choice; kept after a reload; the page really changes colour', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const theme = page.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'Same as the system' })).toBeChecked();
  const systemLight = await pageBackground(page);

  await setTheme(page, 'light');
  expect(await pageBackground(page)).toBe(systemLight);

  await setTheme(page, 'dark');
  const dark = await pageBackground(page);
  expect(dark).not.toBe(systemLight);
  // Dark means dark: the background's brightness is low, the text's high.
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  expect(luminance(dark)).toBeLessThan(60);
  expect(luminance(await page.evaluate(() => getComputedStyle(document.body).color))).toBeGreaterThan(180);

  await page.reload();
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark', exact: true })).toBeChecked();
  expect(await pageBackground(page)).toBe(dark);

  // Same as the system: follows the system's light or dark choice, also after a reload.
  await setTheme(page, 'system');
  expect(await pageBackground(page)).toBe(systemLight);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => pageBackground(page)).toBe(dark);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Same as the system' })).toBeChecked();
  expect(await pageBackground(page)).toBe(dark);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => pageBackground(page)).toBe(systemLight);

  expect(app.pageErrors).toEqual([]);
});

test('keyboard only: sidebar, section, j/k, open, save, back, Saved, unsave', async ({ page, app }) => {
  const section = 'Guide > Tips';
  const [lead, second] = await storiesOf(section);
  expect(second, 'the first-run edition has two Tips stories').toBeTruthy();
  await expect(page.getByRole('heading', { level: 1, name: 'All articles' })).toBeVisible();

  // The first Tab shows the skip link, on screen.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expectFocusRing(skip);
  expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);

  // Tab on into the sidebar and pick the section.
  const sectionLink = nav(page).getByRole('link', { name: section, exact: true });
  await tabTo(page, sectionLink);
  await expectFocusRing(sectionLink);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tips' })).toBeFocused();

  // j and k move between the stories' headlines.
  const leadLink = page.getByRole('main').getByRole('link', { name: lead!.title, exact: true });
  const secondLink = page.getByRole('main').getByRole('link', { name: second!.title, exact: true });
  await page.keyboard.press('j');
  await expectFocusRing(leadLink);
  await page.keyboard.press('j');
  await expectFocusRing(secondLink);
  await page.keyboard.press('k');
  await expect(leadLink).toBeFocused();
  await page.keyboard.press('j');

  // Enter opens the focused story; s saves it.
  await page.keyboard.press('Enter');
  await expect(headline(page)).toHaveText(second!.title);
  await expect(headline(page)).toBeFocused();
  await page.keyboard.press('s');
  await expect(page.getByRole('article').getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Back to the section through the breadcrumb, just before the headline.
  const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Tips', exact: true });
  await tabTo(page, crumb, { back: true, max: 3 });
  await expectFocusRing(crumb);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tips' })).toBeFocused();

  // Back up into the sidebar to Saved: the story is there; o opens it, s unsaves it.
  const savedLink = nav(page).getByRole('link', { name: 'Saved', exact: true });
  await tabTo(page, savedLink, { back: true });
  await expectFocusRing(savedLink);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Saved' })).toBeFocused();
  const savedStory = page.getByRole('main').getByRole('link', { name: second!.title, exact: true });
  await expect(savedStory).toBeVisible();
  await page.keyboard.press('j');
  await expectFocusRing(savedStory);
  await page.keyboard.press('o');
  await expect(headline(page)).toHaveText(second!.title);
  await page.keyboard.press('s');
  await expect(page.getByRole('article').getByRole('button', { name: 'Save for later' })).toHaveAttribute('aria-pressed', 'false');

  // The shortcut help opens with ? and closes with Escape, focus back where it was.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await tabTo(page, savedLink, { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByText('Nothing saved yet')).toBeVisible();
  expect(app.pageErrors).toEqual([]);
});

test('browse with the mouse: a parent section, open a story, save it, remove it from Saved', async ({ page, app }) => {
  const stories = (await edition()).filter((a) => a.sectionPath[0] === 'Guide');
  await nav(page).getByRole('link', { name: 'Guide', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Guide' })).toBeVisible();
  // The parent's front has every story of its subsections.
  for (const story of stories) await expect(page.getByRole('main').getByRole('link', { name: story.title, exact: true })).toBeVisible();

  await nav(page).getByRole('link', { name: 'Guide > Getting started', exact: true }).click();
  const story = (await storiesOf('Guide > Getting started'))[0]!;
  await page.getByRole('main').getByRole('link', { name: story.title, exact: true }).click();
  await expect(headline(page)).toHaveText(story.title);
  await page.getByRole('article').getByRole('button', { name: 'Save for later' }).click();
  await expect(page.getByRole('article').getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await nav(page).getByRole('link', { name: 'Saved', exact: true }).click();
  await expect(page.getByRole('main').getByRole('link', { name: story.title, exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Remove ${story.title} from Saved` }).click();
  await expect(page.getByRole('main').getByRole('link', { name: story.title, exact: true })).toHaveCount(0);
  await expect(page.getByText('Nothing saved yet')).toBeVisible();

  // Unsaved for the article too.
  await nav(page).getByRole('link', { name: 'Guide > Getting started', exact: true }).click();
  await page.getByRole('main').getByRole('link', { name: story.title, exact: true }).click();
  await expect(page.getByRole('article').getByRole('button', { name: 'Save for later' })).toHaveAttribute('aria-pressed', 'false');
  expect(app.pageErrors).toEqual([]);
});
