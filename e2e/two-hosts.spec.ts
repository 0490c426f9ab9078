/**
 * Two browser hosts on two ports, one browser: each keeps its own login (the cookie's name carries
 * the port, since cookies ignore ports), and the token leaves the address bar after login.
 * Browser host only: the Electron app has no token.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { repoRoot } from './support/fixtures';
import { startWebHost, type WebHost } from './support/web-host';

const apiStatus = (page: Page) =>
  page.evaluate(async () => {
    const reply = await fetch('/api/news:get-status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return reply.status;
  });

test('two hosts on two ports stay logged in independently; no token in the URL after login', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'the browser host only (the Electron app has no token)');
  const dirs = [await mkdtemp(join(tmpdir(), 'e2e-host-a-')), await mkdtemp(join(tmpdir(), 'e2e-host-b-'))];
  const hosts: WebHost[] = [];
  const context = await browser.newContext();
  try {
    for (const dataDir of dirs) hosts.push(await startWebHost({ repoRoot, dataDir }));
    const [a, b] = [await context.newPage(), await context.newPage()];
    await a.goto(hosts[0]!.url);
    await expect(a.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    expect(a.url()).not.toContain('token');
    expect(await apiStatus(a)).toBe(200);

    // Logging in to the second host must not log the first one out.
    await b.goto(`${hosts[1]!.url}#/saved`);
    await expect(b.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    expect(b.url()).not.toContain('token');
    expect(new URL(b.url()).hash).toBe('#/saved'); // the route survives the redirect

    expect(await apiStatus(a)).toBe(200);
    expect(await apiStatus(b)).toBe(200);
    await a.reload();
    await expect(a.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    expect(await apiStatus(a)).toBe(200);

    const cookies = (await context.cookies()).map((c) => c.name).sort();
    expect(cookies).toEqual([`news_token_${new URL(hosts[0]!.url).port}`, `news_token_${new URL(hosts[1]!.url).port}`].sort());
  } finally {
    await context.close();
    for (const host of hosts) await host.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
});
