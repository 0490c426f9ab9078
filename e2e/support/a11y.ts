/**
 * Accessibility and look helpers for e2e specs, for both projects:
 * - expectNoSeriousAxe(page, label): axe-core (WCAG 2.0 A/AA, 2.1 A/AA) over the whole page; a
 *   serious or critical violation fails the test, each one listed (rule, help, elements) in the message.
 * - setTheme(page, theme): the theme chosen the way a reader does it (Settings > Theme), checked on <html>.
 * - screenshotScreen(page, name, theme): a full-page picture in e2e/screenshots/ (gitignored).
 * - goTo(page, hash): an in-app navigation (hash route), as a click on a link would do.
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect, test, type Page } from '@playwright/test';
import { repoRoot } from './fixtures';

export type Theme = 'light' | 'dark';
export type ThemeChoice = Theme | 'system';
export const THEMES: readonly Theme[] = ['light', 'dark'];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const SCREENSHOT_DIR = join(repoRoot, 'e2e', 'screenshots');

const THEME_LABEL: Record<ThemeChoice, string> = { light: 'Light', dark: 'Dark', system: 'Same as the system' };

// The axe-core that @axe-core/playwright ships with (same version, no second copy to keep in step).
const axeSource = (): string => {
  const local = createRequire(import.meta.url);
  return (createRequire(local.resolve('@axe-core/playwright'))('axe-core') as { source: string }).source;
};

/**
 * Runs axe in the page. Unlike AxeBuilder.analyze(), which injects axe (~0.5 MB) on every call and
 * opens a blank page to merge frame results, this injects once per document (the app changes
 * screens without reloading) and runs axe.run in place (the app has no frames): 2-3x faster.
 */
async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function'))) {
    await page.evaluate(axeSource());
  }
  const options: RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
  return page.evaluate(
    (opts) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, opts),
    options,
  );
}

/** Serious and critical axe violations on the page, one readable line (plus elements) each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const { violations } = await runAxe(page);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`);
      const more = v.nodes.length > 6 ? [`    …and ${v.nodes.length - 6} more`] : [];
      return [`${v.impact} ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes, ...more].join('\n');
    });
}

/**
 * Fails (softly when asked, so one run reports every screen) if axe finds a serious or critical
 * violation; the message names the screen and lists what axe found.
 */
export async function expectNoSeriousAxe(page: Page, label: string, opts: { soft?: boolean } = {}): Promise<void> {
  const found = await seriousAxeViolations(page);
  const check = opts.soft ? expect.soft : expect;
  check(found, `axe: serious or critical violations on ${label}:\n${found.join('\n')}`).toEqual([]);
}

/** In-app navigation to a hash route ("#/saved"), waiting for the address to change. */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await expect.poll(() => page.evaluate(() => window.location.hash || '#/')).toBe(hash === '#' || hash === '' ? '#/' : hash);
}

/** Picks the theme in Settings (as a reader does) and waits until <html> carries it. */
export async function setTheme(page: Page, theme: ThemeChoice): Promise<void> {
  await goTo(page, '#/settings');
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: THEME_LABEL[theme], exact: true }).check();
  const html = page.locator('html');
  if (theme === 'system') await expect(html).not.toHaveAttribute('data-theme', /./);
  else await expect(html).toHaveAttribute('data-theme', theme);
}

/** The page's background colour as computed (body), e.g. "rgb(21, 20, 19)". */
export function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** Waits (briefly) for the pictures on screen to decode, so a screenshot does not catch them half-loaded. */
async function settleImages(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        Array.from(document.images).every((img) => {
          const box = img.getBoundingClientRect();
          const onScreen = box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
          return !onScreen || !img.getAttribute('src') || (img.complete && img.naturalWidth > 0);
        }),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/**
 * Writes e2e/screenshots/<name>-<theme>.png (…-electron.png from the Electron project): the full
 * page, cut at 2,400 px so a long front stays a readable picture.
 */
export async function screenshotScreen(page: Page, name: string, theme: Theme): Promise<string> {
  const project = test.info().project.name;
  const file = join(SCREENSHOT_DIR, project === 'chromium' ? `${name}-${theme}.png` : `${name}-${theme}-${project}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await settleImages(page);
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const dialogOpen = await page.locator('dialog[open]').count();
  // A modal dialog sits in the viewport: a viewport picture shows it where the reader sees it.
  const clip = { x: 0, y: 0, width: size.width, height: dialogOpen ? size.height : Math.min(height, 2400) };
  await page.screenshot({ path: file, fullPage: !dialogOpen, clip, animations: 'disabled', caret: 'hide' });
  return file;
}
