/**
 * Electron's IPC handlers under the same table of bad calls as the browser host
 * (electron/shared/bad-args.fixture.ts), over a real service on a real data folder: each call
 * resolves or is refused with one plain sentence, unknown ids as NotFoundError. Only ipcMain is
 * stood in for (no Electron binary here); the handlers are called as Electron would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, methodNames } from '../shared/contract';
import { badCalls, plainMessageProblem, UNKNOWN_IDS } from '../shared/bad-args.fixture';
import { createNewsService, type CoreNewsService } from '../core/service';

vi.mock('electron', () => ({ ipcMain: { handle: () => undefined, removeHandler: () => undefined } }));
const { createIpcHandlers } = await import('./ipc');

const appPage = { senderFrame: { url: 'app://reader/index.html', parent: null } };
const firstRunDir = path.resolve(import.meta.dirname, '../../assets/first-run');
let dir: string;
let service: CoreNewsService;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipc-bad-'));
  service = await createNewsService({ dataDir: dir, firstRunDir });
});
afterAll(async () => {
  await service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('IPC handlers: bad calls to every channel', () => {
  it('resolve, or refuse with a plain sentence, for every bad argument of every channel', async () => {
    const handlers = createIpcHandlers(service);
    const articleId = service.store.listArticles({})[0]!.id;
    const sourceId = (await service.api.addSource({ url: 'http://127.0.0.1:9/known.xml' })).id;
    const order = [...methodNames].sort((a, b) => Number(a === 'removeSource') - Number(b === 'removeSource'));
    const problems: string[] = [];
    for (const { method, label, arg } of badCalls({ articleId, sourceId }, order)) {
      try {
        await handlers.get(channels[method])!(appPage, arg);
      } catch (error) {
        const e = error as Error;
        const problem = plainMessageProblem(e.message) ?? (/^(TypeError|RangeError|ReferenceError)$/.test(e.name) ? `thrown as ${e.name}` : null);
        if (problem) problems.push(`${method} (${label}): ${problem}: ${e.message.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('refuses ids that name nothing as NotFoundError, an empty id as InvalidArgumentError', async () => {
    const handlers = createIpcHandlers(service);
    for (const [label, id] of Object.entries(UNKNOWN_IDS)) {
      await expect(handlers.get(channels.setSaved)!(appPage, { id, saved: true }), label).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringMatching(/^No article with id .* is stored\.$/),
      });
      await expect(handlers.get(channels.removeSource)!(appPage, id), label).rejects.toMatchObject({ name: 'NotFoundError' });
    }
    await expect(handlers.get(channels.setRead)!(appPage, { id: '', read: true })).rejects.toMatchObject({ name: 'InvalidArgumentError' });
  });
});
