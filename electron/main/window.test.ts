import { describe, expect, it, vi } from 'vitest';

// window.ts imports BrowserWindow/shell for createMainWindow; secureWebPreferences needs neither.
vi.mock('electron', () => ({}));
const { secureWebPreferences } = await import('./window');

describe('secureWebPreferences', () => {
  it('is exactly the hardened set, with the given preload', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('never enables blink features or node in any form', () => {
    const prefs = secureWebPreferences('/p.cjs') as Record<string, unknown>;
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(Object.entries(prefs).filter(([k, v]) => /node/i.test(k) && v !== false)).toEqual([]);
  });
});
