import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../shared/contract';
import { buildMenuTemplate, exportOpmlToFile, importOpmlFromFile, menuCommands, nextZoomLevel, type MenuContext } from './menu';

function recorder(files: { open?: string | null; save?: string | null } = {}) {
  const log: string[] = [];
  const ctx: MenuContext = {
    api: {
      syncNow: async () => {
        log.push('syncNow');
        throw new Error('offline');
      },
      importOpml: async (xml) => {
        log.push(`importOpml:${xml.length}`);
        if (!xml.includes('<opml')) throw new Error('Not an OPML file.');
        return { added: 2, skipped: 1, errors: ['Skipped "x": not an http(s) feed URL'] };
      },
      exportOpml: async () => '<opml version="2.0"><body/></opml>',
    },
    chooseOpenFile: async () => files.open ?? null,
    chooseSaveFile: async (name) => {
      log.push(`save-dialog:${name}`);
      return files.save ?? null;
    },
    showMessage: (message, detail) => log.push(`message:${message}${detail ? ` | ${detail}` : ''}`),
    sendToPage: (command: MenuCommand) => log.push(`page:${command}`),
    zoom: (step) => log.push(`zoom:${step}`),
    showAbout: () => log.push('about'),
    quit: () => log.push('quit'),
    onError: (error) => log.push(`error:${(error as Error).message}`),
  };
  return { log, ctx };
}

describe('app menu', () => {
  it('has one item per command, with unique ids, among the standard menus by role (Windows, Linux)', () => {
    const { ctx } = recorder();
    const template = buildMenuTemplate(ctx, 'linux');
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', 'editMenu', '&Article', '&View', 'windowMenu', '&Help']);
    const items = template.flatMap((m) => ((m.submenu ?? []) as { id?: string; type?: string; role?: string }[]).filter((i) => i.id));
    expect(items.map((i) => i.id)).toEqual(menuCommands.map((c) => c.id));
    expect(new Set(menuCommands.map((c) => c.id)).size).toBe(menuCommands.length);
    const accelerators = menuCommands.flatMap((c) => (c.accelerator ? [c.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
    const view = template.find((m) => m.label === '&View')!.submenu as { role?: string }[];
    expect(view.at(-1)).toEqual({ role: 'togglefullscreen' });
    expect(template.at(-1)).toMatchObject({ role: 'help' });
  });

  it('on macOS starts with the app menu (About, Hide, Quit by role) and leaves our About and Quit out', () => {
    const { ctx } = recorder();
    const template = buildMenuTemplate(ctx, 'darwin');
    expect(template.map((m) => m.label ?? m.role)).toEqual(['appMenu', '&File', 'editMenu', '&Article', '&View', 'windowMenu', '&Help']);
    const ids = template.flatMap((m) => ((m.submenu ?? []) as { id?: string }[]).flatMap((i) => (i.id ? [i.id] : [])));
    expect(ids).toEqual(menuCommands.filter((c) => c.id !== 'about' && c.id !== 'quit').map((c) => c.id));
    const file = template.find((m) => m.label === '&File')!.submenu as { role?: string }[];
    expect(file.at(-1)).toEqual({ role: 'close' });
  });

  it('each item calls the service, acts in main, or sends the page a contract event', async () => {
    const { log, ctx } = recorder();
    const items = new Map(
      buildMenuTemplate(ctx, 'linux')
        .flatMap((m) => (m.submenu ?? []) as { id?: string; click?: () => void }[])
        .map((i) => [i.id, i]),
    );
    for (const id of ['save-article', 'add-source', 'theme-light', 'theme-dark', 'theme-system', 'shortcut-help', 'zoom-in', 'zoom-out', 'zoom-reset', 'about', 'quit', 'sync-now']) {
      items.get(id)!.click!();
    }
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual([
      'page:save-article',
      'page:add-source',
      'page:theme-light',
      'page:theme-dark',
      'page:theme-system',
      'page:shortcut-help',
      'zoom:1',
      'zoom:-1',
      'zoom:0',
      'about',
      'quit',
      'syncNow',
      'error:offline',
    ]);
  });

  it('Import / Export OPML read and write the chosen file in main and report the counts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'menu-opml-'));
    try {
      const saved = path.join(dir, 'out.opml');
      const exporter = recorder({ save: saved });
      await exportOpmlToFile(exporter.ctx);
      expect(fs.readFileSync(saved, 'utf8')).toBe('<opml version="2.0"><body/></opml>');
      expect(exporter.log).toEqual(['save-dialog:sources.opml']);

      const importer = recorder({ open: saved });
      await importOpmlFromFile(importer.ctx);
      expect(importer.log).toEqual([
        'importOpml:34',
        'message:Imported 2 sources (1 already there). | Left out:\nSkipped "x": not an http(s) feed URL',
      ]);

      const bad = path.join(dir, 'bad.opml');
      fs.writeFileSync(bad, 'hello');
      const refused = recorder({ open: bad });
      await importOpmlFromFile(refused.ctx);
      expect(refused.log.at(-1)).toBe('message:The OPML file could not be imported. | Not an OPML file.');

      const cancelled = recorder();
      await importOpmlFromFile(cancelled.ctx);
      await exportOpmlToFile(cancelled.ctx);
      expect(cancelled.log).toEqual(['save-dialog:sources.opml']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('steps zoom by half levels within bounds and resets to 0', () => {
    expect(nextZoomLevel(0, 1)).toBe(0.5);
    expect(nextZoomLevel(0.5, -1)).toBe(0);
    expect(nextZoomLevel(5, 1)).toBe(5);
    expect(nextZoomLevel(-3, -1)).toBe(-3);
    expect(nextZoomLevel(2.5, 0)).toBe(0);
  });
});
