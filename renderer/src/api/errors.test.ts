import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors';

describe('errorMessage', () => {
  it('unwraps Electron remote errors', () => {
    expect(errorMessage(new Error("Error invoking remote method 'news:add-source': Error: not a feed (got an HTML page)"))).toBe(
      'not a feed (got an HTML page)',
    );
    expect(errorMessage(new Error("Error invoking remote method 'news:get-article': InvalidArgumentError: Invalid argument"))).toBe(
      'Invalid argument',
    );
  });
  it('keeps plain messages', () => {
    expect(errorMessage(new Error('timeout after 20 s'))).toBe('timeout after 20 s');
    expect(errorMessage('boom')).toBe('boom');
  });
});
