/**
 * A photo file damaged on disk is not served as if fine and comes back on the next sync: the
 * fixture news server is synced, a saved article's lead photo gets one byte flipped, the serve-time
 * check (images/photo-check.ts) refuses and removes it, and the next sync stores it again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewsServer, type NewsServer } from '../../../e2e/fixtures/news-server';
import { checkPhotoFile } from '../images/photo-check';
import { NewsStore } from '../store/store';
import { syncSources } from './sync';

let server: NewsServer;
beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(() => server.close());

describe('damaged photo files', () => {
  it('are refused when served, removed, and stored again by the next sync; the article stays saved', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'photo-repair-'));
    const store = await NewsStore.open(dir);
    try {
      await store.addSource({ url: `${server.url}/feeds/news.rss` });
      await syncSources({ store });
      const withPhoto = store.listArticles({}).find((a) => a.thumbnail)!;
      await store.setSaved(withPhoto.id, true);
      const file = path.join(store.photosDir, withPhoto.thumbnail!);
      expect(await checkPhotoFile(file)).toBe('ok');

      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff; // same size, one byte off
      fs.writeFileSync(file, bytes);
      expect(await checkPhotoFile(file)).toBe('damaged');
      expect(fs.existsSync(file)).toBe(false);

      const again = await syncSources({ store });
      expect(again.ok).toBe(true);
      expect(fs.existsSync(file)).toBe(true);
      expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(withPhoto.thumbnail!.split('.')[0]);
      expect(await checkPhotoFile(file)).toBe('ok');
      expect(store.getSummary(withPhoto.id)?.saved).toBe(true);
      // Nothing else was fetched again: only the article whose photo was missing.
      expect(again.sources[0]!.updated).toBe(1);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
