/**
 * End-to-end tests of the CLIs as users run them: `npx tsx electron/cli/sync.ts` against the
 * fixture server, then export, then web.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticles, startNewsServer, type NewsServer } from '../../e2e/fixtures/news-server';
import type { ExportedArticle } from './export';
import { repoRoot, runCli } from './run-cli.fixture';

let server: NewsServer;
let dir: string;


beforeAll(async () => {
  server = await startNewsServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CLI', () => {
  it('sync: one line per source, exit 0 when all synced', async () => {
    const result = await runCli('sync.ts', ['--data-dir', dir, '--feed', `${server.url}/feeds/news.rss`, '--feed', `${server.url}/feeds/world.atom`]);
    expect(result.stderr).not.toMatch(/error|✗/i);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').filter((l) => !l.startsWith(' '));
    expect(lines).toHaveLength(2);
    const rssCount = fixtureArticles.filter((a) => a.feed === 'rss').length;
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^✓ .+ \\(${server.url}/feeds/news\\.rss\\): ${rssCount} new, 0 updated$`)));
  }, 60_000);

  it('export: every article with section path, photo on disk, caption and credit apart, no chrome', async () => {
    const result = await runCli('export.ts', ['--data-dir', dir]);
    expect(result.code).toBe(0);
    const articles = JSON.parse(result.stdout) as ExportedArticle[];
    expect(articles).toHaveLength(fixtureArticles.length);
    for (const fixture of fixtureArticles) {
      const a = articles.find((x) => x.title === fixture.title)!;
      expect(a, fixture.title).toBeDefined();
      expect(Object.keys(a).sort()).toEqual(
        ['id', 'url', 'canonicalUrl', 'source', 'sourceId', 'sectionPath', 'title', 'dek', 'byline', 'publishedAt', 'updatedAt', 'photo', 'inlinePhotos', 'bodyText', 'bodyHtml', 'related', 'saved', 'read', 'offline', 'contentSource'].sort(),
      );
      expect(a.sectionPath).toEqual(fixture.sectionPath);
      expect(path.isAbsolute(a.photo!.file!)).toBe(true);
      expect(fs.existsSync(a.photo!.file!)).toBe(true);
      // Caption and credit in their own fields, whatever the page's shape (the library story has the
      // seed page's: a carousel list and a "caption | Photo: X/ @handle" block after it).
      expect(a.photo!.caption).toBe(fixture.caption);
      expect(a.photo!.credit).toBe(fixture.credit);
      expect(a.photo!.sourceUrl).toBe(`${server.url}/photos/${fixture.photo.name}`);
      const inline = fixture.inlinePhoto;
      if (inline) {
        expect(a.inlinePhotos).toContainEqual({
          file: expect.stringMatching(/^\/.+\.(jpg|png)$/),
          sourceUrl: `${server.url}/photos/${inline.name}`,
          caption: inline.caption,
          credit: inline.credit,
          alt: inline.alt,
        });
      }
      for (const p of a.inlinePhotos as { file: string | null }[]) if (p.file) expect(fs.existsSync(p.file)).toBe(true);
      expect(a.bodyText).toContain(fixture.bodySentence);
      expect(a.bodyText).not.toContain(fixture.chrome);
      expect(a.offline).toBe(true);
      expect(a.publishedAt?.slice(0, 10)).toBe(fixture.publishedAt);
      expect(a.related.some((r) => r.articleId !== null)).toBe(true);
    }
  }, 60_000);

  it('sync: a failing feed is named with its reason and the exit code is 1', async () => {
    const result = await runCli('sync.ts', ['--data-dir', dir, '--feed', `${server.url}/feeds/gone.rss`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`✗ .+ \\(${server.url}/feeds/gone\\.rss\\): HTTP 404`));
    expect(result.stdout).toMatch(/✓ .+news\.rss\): 0 new, 0 updated/);
  }, 60_000);

  it('refuses a data folder another live process holds, and explains usage errors', async () => {
    const holder: ChildProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const lock = path.join(dir, '.lock');
      fs.writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
      const result = await runCli('export.ts', ['--data-dir', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`in use by another process \\(pid ${holder.pid}\\)`));
      fs.rmSync(lock);
    } finally {
      holder.kill();
    }
    const usage = await runCli('sync.ts', ['--feed']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--feed needs a value/);
    const help = await runCli('export.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: export --data-dir DIR/);
  }, 60_000);
});

describe('web CLI', () => {
  it('prints the URL with its token, serves, and closes the store on SIGTERM', async () => {
    const built = fs.existsSync(path.join(repoRoot, 'out', 'renderer', 'index.html'));
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-web-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'electron/cli/web.ts'), '--data-dir', webDir, '--port', '0'], { cwd: repoRoot });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      if (!built) {
        expect(await exited).toBe(1);
        expect(stderr).toMatch(/renderer is not built/);
        return;
      }
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString('utf8');
          const match = /^Listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(stdout);
          if (match) resolve(match[1]!);
        });
        void exited.then(() => reject(new Error(`web exited early: ${stderr}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(fs.existsSync(path.join(webDir, '.lock'))).toBe(true);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(fs.existsSync(path.join(webDir, '.lock'))).toBe(false);
      expect(fs.existsSync(path.join(webDir, 'index.json'))).toBe(true);
    } finally {
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('sync CLI cancellation', () => {
  it('SIGINT cancels a sync waiting on a silent server, names the source, releases the folder', async () => {
    const silent = http.createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const feed = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/feed.xml`;
    const cancelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-cancel-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'electron/cli/sync.ts'), '--data-dir', cancelDir, '--feed', feed], { cwd: repoRoot });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      silent.once('request', () => child.kill('SIGINT')); // the sync is under way
      expect(await exited).toBe(1);
      expect(stdout).toMatch(/✗ .+: Cancelled/);
      expect(fs.existsSync(path.join(cancelDir, '.lock'))).toBe(false);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
      fs.rmSync(cancelDir, { recursive: true, force: true });
    }
  }, 60_000);
});
