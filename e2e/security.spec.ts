/**
 * Hardening checks that need a real renderer, in both hosts: the CSP blocks inline and eval'd
 * scripts and off-origin images (securitypolicyviolation fires), and page code has no Node.
 * In Electron also: the window's effective web preferences and the exposed bridge.
 */
import { channels } from '../electron/shared/contract';
import { expect, test } from './support/fixtures';

test('the CSP refuses inline scripts, eval and off-origin images', async ({ page }) => {
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    const w = window as unknown as { __inlineRan?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(script);
    let evalBlocked = false;
    try {
      // eslint-disable-next-line no-eval
      (0, eval)('1 + 1');
    } catch {
      evalBlocked = true;
    }
    const img = document.createElement('img');
    img.src = 'http://192.0.2.1/tracker.png';
    document.body.appendChild(img);
    await new Promise((r) => setTimeout(r, 500));
    script.remove();
    img.remove();
    return { inlineRan: w.__inlineRan === true, evalBlocked, violations };
  });
  expect(result.inlineRan).toBe(false);
  expect(result.evalBlocked).toBe(true);
  expect(result.violations.some((v) => v.startsWith('script-src'))).toBe(true);
  expect(result.violations.some((v) => v.startsWith('img-src'))).toBe(true);
});

test('page code has no Node: no require, process or module globals', async ({ page }) => {
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
    Buffer: typeof (window as unknown as { Buffer?: unknown }).Buffer,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
});

test('Electron window: effective web preferences are the hardened set and window.news is the contract only', async ({ app, page }) => {
  test.skip(app.host !== 'electron', 'Electron only');
  expect(page.url()).toMatch(/^app:\/\/reader\//);
  const bridgeKeys = await page.evaluate(() => Object.keys((window as unknown as { news: object }).news).sort());
  expect(bridgeKeys).toEqual([...Object.keys(channels), 'on'].sort());
  const prefs = await app.electronApp!.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences is not in every Electron's typings; read it when the runtime has it.
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getLastWebPreferences?: () => Record<string, unknown> | null;
    };
    const p = contents.getLastWebPreferences?.();
    if (!p) return null;
    return {
      contextIsolation: p.contextIsolation,
      sandbox: p.sandbox,
      nodeIntegration: p.nodeIntegration,
      nodeIntegrationInSubFrames: p.nodeIntegrationInSubFrames,
      webSecurity: p.webSecurity,
      allowRunningInsecureContent: p.allowRunningInsecureContent,
      experimentalFeatures: p.experimentalFeatures,
      webviewTag: p.webviewTag,
    };
  });
  test.skip(prefs === null, 'webContents.getLastWebPreferences() is not available in this Electron');
  expect(prefs).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
  });
});
