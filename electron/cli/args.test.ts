import { describe, expect, it } from 'vitest';
import { parseFlags, usage, UsageError, type CommandSpec } from './args';

const spec: CommandSpec = {
  name: 'sync',
  summary: 'Syncs.',
  flags: {
    'data-dir': { type: 'string', required: true, placeholder: 'DIR', description: 'Data folder' },
    feed: { type: 'string', multiple: true, placeholder: 'URL', description: 'Feed' },
    verbose: { type: 'boolean', description: 'Talk more' },
  },
};

describe('parseFlags', () => {
  it('reads values, repeated flags, = syntax and booleans', () => {
    expect(parseFlags(spec, ['--data-dir', '/d', '--feed', 'a', '--feed=b', '--verbose'])).toEqual({
      'data-dir': '/d',
      feed: ['a', 'b'],
      verbose: true,
    });
  });

  it('returns help for --help anywhere', () => {
    expect(parseFlags(spec, ['--feed', 'a', '--help'])).toBe('help');
    expect(usage(spec)).toMatch(/^Usage: sync --data-dir DIR \[--feed URL \.\.\.\] \[--verbose\]/);
  });

  it.each([
    [['--feed', 'a'], /missing required option --data-dir/],
    [['--data-dir'], /--data-dir needs a value/],
    [['--data-dir', '--feed'], /--data-dir needs a value/],
    [['--data-dir', 'x', '--nope'], /unknown option --nope/],
    [['--data-dir', 'x', 'stray'], /unexpected argument "stray"/],
    [['--data-dir', 'x', '--data-dir', 'y'], /given more than once/],
    [['--data-dir', 'x', '--verbose=1'], /takes no value/],
    [['--data-dir='], /non-empty/],
  ])('%j is a clear usage error', (argv, message) => {
    expect(() => parseFlags(spec, argv)).toThrow(UsageError);
    expect(() => parseFlags(spec, argv)).toThrow(message);
  });
});
