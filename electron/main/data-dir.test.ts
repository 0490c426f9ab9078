import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestedDataDir } from './data-dir';

describe('requestedDataDir', () => {
  it('reads --data-dir=DIR and --data-dir DIR', () => {
    expect(requestedDataDir(['electron', 'out/main/index.js', '--data-dir=/tmp/news'], {})).toBe('/tmp/news');
    expect(requestedDataDir(['electron', '.', '--data-dir', 'rel/dir'], {})).toBe(resolve('rel/dir'));
  });
  it('falls back to NEWS_DATA_DIR, then null', () => {
    expect(requestedDataDir(['electron', '.'], { NEWS_DATA_DIR: '/srv/news' })).toBe('/srv/news');
    expect(requestedDataDir(['electron', '.'], {})).toBeNull();
  });
  it('prefers the command line over the environment and ignores empty values', () => {
    expect(requestedDataDir(['--data-dir=/a'], { NEWS_DATA_DIR: '/b' })).toBe('/a');
    expect(requestedDataDir(['--data-dir='], { NEWS_DATA_DIR: '' })).toBeNull();
    expect(requestedDataDir(['--data-dir', '--other'], {})).toBeNull();
  });
});
