import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hrefs } from '../../renderer/src/routing/routes';
import {
  APP_USER_MODEL_ID,
  PAPER_COLOURS,
  applyPlatformIdentity,
  articleHash,
  devContentSecurityPolicy,
  devServerOrigin,
  rendererEntryUrl,
  windowBackgroundColor,
} from './platform';

import { devServerCsp } from '../shared/web-policy';

const repoRoot = resolve(import.meta.dirname, '..', '..');

describe('platform identity', () => {
  it('sets the Windows app user model id to electron-builder\'s appId, and only on Windows', () => {
    const appId = /^appId:\s*(\S+)\s*$/m.exec(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8'))?.[1];
    expect(APP_USER_MODEL_ID).toBe(appId);
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const calls: string[] = [];
      applyPlatformIdentity({ setAppUserModelId: (id) => calls.push(id) }, platform);
      expect(calls).toEqual(platform === 'win32' ? [APP_USER_MODEL_ID] : []);
    }
  });
});

describe('window background', () => {
  it('is the renderer\'s own paper colour for light and dark', () => {
    const css = readFileSync(join(repoRoot, 'renderer', 'src', 'ui', 'base.css'), 'utf8');
    const light = /:root\s*\{[^}]*--paper:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
    const dark = /prefers-color-scheme:\s*dark\)\s*\{\s*:root[^{]*\{[^}]*--paper:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
    expect(PAPER_COLOURS).toEqual({ light, dark });
    expect(windowBackgroundColor(true)).toBe(dark);
    expect(windowBackgroundColor(false)).toBe(light);
  });
});

describe('renderer entry (npm start vs npm run dev)', () => {
  it('uses ELECTRON_RENDERER_URL only when unpackaged and only on loopback http', () => {
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe('http://localhost:5173');
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5174/' }, false)).toBe('http://127.0.0.1:5174');
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeNull();
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://192.168.1.5:5173' }, false)).toBeNull();
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'not a url' }, false)).toBeNull();
    expect(devServerOrigin({}, false)).toBeNull();
  });

  it('loads app://reader/ (or the dev server) with an optional article route the renderer understands', () => {
    expect(rendererEntryUrl(null)).toBe('app://reader/index.html');
    expect(rendererEntryUrl('http://localhost:5173')).toBe('http://localhost:5173/index.html');
    expect(articleHash('a b/1')).toBe(hrefs.article('a b/1'));
    expect(rendererEntryUrl(null, articleHash('x'))).toBe('app://reader/index.html#/article/x');
  });

  it('the dev CSP allows hot reload on the dev origin and nothing from the network', () => {
    const csp = devContentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:\/\/|\*|unsafe-eval/);
    expect(devServerCsp('http://localhost:5173', true)).not.toContain('frame-ancestors');
  });
});
