import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as nodeFs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableJsonFile, type DurableFs, type RecoveryNote } from './durable-file';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'durable-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('DurableJsonFile', () => {
  it('writes, reads back and keeps the previous version as .bak', async () => {
    const file = path.join(dir, 'index.json');
    const adapter = new DurableJsonFile<{ n: number }>(file);
    expect(await adapter.read()).toBeNull();
    await adapter.write({ n: 1 });
    await adapter.write({ n: 2 });
    expect(await adapter.read()).toEqual({ n: 2 });
    expect(JSON.parse(await fs.readFile(`${file}.bak`, 'utf8'))).toEqual({ n: 1 });
    const leftovers = (await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  for (const [label, bytes] of [
    ['empty', Buffer.alloc(0)],
    ['NUL-filled', Buffer.alloc(4096)],
    ['truncated JSON', Buffer.from('{"n": 3, "tit')],
  ] as const) {
    it(`restores the .bak over a ${label} file and sets the damaged one aside`, async () => {
      const file = path.join(dir, 'index.json');
      const notes: RecoveryNote[] = [];
      const adapter = new DurableJsonFile<{ n: number }>(file, { onRecovery: (n) => notes.push(n) });
      await adapter.write({ n: 1 });
      await adapter.write({ n: 2 });
      await fs.writeFile(file, bytes);
      expect(await adapter.read()).toEqual({ n: 1 });
      expect(notes).toHaveLength(1);
      expect(notes[0]!.outcome).toBe('restored');
      expect(notes[0]!.message).toMatch(/restored the previous version/);
      const corrupt = (await fs.readdir(dir)).filter((f) => f.startsWith('index.json.corrupt-'));
      expect(corrupt).toHaveLength(1);
      expect(await fs.readFile(path.join(dir, corrupt[0]!))).toEqual(Buffer.from(bytes));
      // The restored file is the main file again, and the backup survives.
      expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 1 });
      expect(JSON.parse(await fs.readFile(`${file}.bak`, 'utf8'))).toEqual({ n: 1 });
    });
  }

  it('sets a damaged file aside and reports it when there is no backup', async () => {
    const file = path.join(dir, 'index.json');
    await fs.writeFile(file, Buffer.alloc(100));
    const notes: RecoveryNote[] = [];
    const adapter = new DurableJsonFile<{ n: number }>(file, { onRecovery: (n) => notes.push(n) });
    expect(await adapter.read()).toBeNull();
    expect(notes[0]?.outcome).toBe('set-aside');
    expect(notes[0]?.message).toMatch(/no usable backup/);
    await expect(fs.access(file)).rejects.toThrow();
  });

  it('restores the .bak when the main file is missing (crash between steps)', async () => {
    const file = path.join(dir, 'index.json');
    const adapter = new DurableJsonFile<{ n: number }>(file);
    await adapter.write({ n: 1 });
    await adapter.write({ n: 2 });
    await fs.rm(file);
    expect(await adapter.read()).toEqual({ n: 1 });
  });

  it('fsyncs the temp file before renaming it into place', async () => {
    const file = path.join(dir, 'index.json');
    const log: string[] = [];
    const tracing: DurableFs = {
      ...nodeFs,
      open: (async (p: string, flags: string, mode?: number) => {
        const handle = await nodeFs.open(p, flags, mode);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          log.push(`fsync ${path.basename(p)}`);
          return sync();
        };
        return handle;
      }) as DurableFs['open'],
      rename: (async (from: string, to: string) => {
        log.push(`rename ${path.basename(from)} -> ${path.basename(to)}`);
        return nodeFs.rename(from, to);
      }) as DurableFs['rename'],
    };
    await new DurableJsonFile<{ n: number }>(file, { fs: tracing }).write({ n: 1 });
    const fsyncTemp = log.findIndex((l) => l.startsWith('fsync .index.json'));
    const renameMain = log.findIndex((l) => l.endsWith('-> index.json'));
    expect(fsyncTemp).toBeGreaterThanOrEqual(0);
    expect(renameMain).toBeGreaterThan(fsyncTemp);
    expect(log.at(-1)).toBe(`fsync ${path.basename(dir)}`);
  });

  for (const code of ['ENOSPC', 'EIO', 'EACCES']) {
    it(`rejects a write failing with ${code}, keeps the old file, and succeeds once the fault clears`, async () => {
      const file = path.join(dir, 'index.json');
      let fail = false;
      const faulty: DurableFs = {
        ...nodeFs,
        open: (async (p: string, flags: string, mode?: number) => {
          const handle = await nodeFs.open(p, flags, mode);
          if (fail && p.endsWith('.tmp')) {
            handle.writeFile = async () => {
              throw Object.assign(new Error(`${code}: simulated`), { code });
            };
          }
          return handle;
        }) as DurableFs['open'],
      };
      const adapter = new DurableJsonFile<{ n: number }>(file, { fs: faulty });
      await adapter.write({ n: 1 });
      fail = true;
      await expect(adapter.write({ n: 2 })).rejects.toMatchObject({ code });
      expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 1 });
      fail = false;
      await adapter.write({ n: 3 });
      expect(await adapter.read()).toEqual({ n: 3 });
    });
  }
});
