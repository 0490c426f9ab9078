import { describe, expect, it } from 'vitest';
import type { Section } from '../../../../electron/shared/models';
import { backoffText, explainError, parseSectionName, sectionChoices, sectionKeyOf } from './sourceText';

const section = (path: string[]): Section => ({ key: path.join(' > '), path, count: 1, unread: 1 });

describe('explainError', () => {
  it('puts plain words before the technical reason', () => {
    expect(explainError('HTTP 500 Internal Server Error')).toBe('The site’s server failed (HTTP 500 Internal Server Error)');
    expect(explainError('HTTP 404 Not Found')).toBe('No feed at this address any more (HTTP 404 Not Found)');
    expect(explainError('timed out after 20 s')).toBe('The site took too long to answer (timed out after 20 s)');
    expect(explainError('not a feed (got an HTML page)')).toMatch(/^The address does not give a feed/);
  });
  it('shows unknown errors as they are, capitalised', () => {
    expect(explainError('connection refused by 127.0.0.1:9')).toBe('The site could not be reached (connection refused by 127.0.0.1:9)');
    expect(explainError('refused to fetch http://10.0.0.1/: it points at a local or private network address')).toMatch(/^The address is not allowed/);
    expect(explainError('no secure connection could be made to example.test:80')).toMatch(/^The site’s secure connection failed/);
    expect(explainError('something odd')).toBe('Something odd');
    expect(explainError('')).toBe('Unknown error');
  });
});

describe('backoffText', () => {
  const now = new Date(2026, 10, 28, 9, 0).getTime();
  it('names the failures and the local time of the next try', () => {
    const retryAfter = new Date(2026, 10, 28, 14, 5).toISOString();
    expect(backoffText({ consecutiveFailures: 3, retryAfter }, now)).toBe('Paused after 3 failures — next try 14:05');
    expect(backoffText({ consecutiveFailures: 1, retryAfter }, now)).toBe('Paused after 1 failure — next try 14:05');
  });
  it('says nothing when not backed off or the time has passed', () => {
    expect(backoffText({ consecutiveFailures: 2, retryAfter: null }, now)).toBeNull();
    expect(backoffText({ consecutiveFailures: 2, retryAfter: new Date(now - 1000).toISOString() }, now)).toBeNull();
  });
});

describe('sections', () => {
  it('lists every level once, sorted, with the current one', () => {
    expect(sectionChoices([section(['News', 'City']), section(['News', 'Transport']), section(['Sport'])], 'Local')).toEqual([
      'Local',
      'News',
      'News > City',
      'News > Transport',
      'Sport',
    ]);
    expect(sectionKeyOf(['News', 'City'])).toBe('News > City');
    expect(sectionKeyOf(null)).toBeNull();
    expect(sectionKeyOf([])).toBeNull();
  });
  it('reads typed names with > or › and refuses empty ones', () => {
    expect(parseSectionName('  news  ›  the  city ')).toEqual({ key: 'news > the city' });
    expect(parseSectionName('Local')).toEqual({ key: 'Local' });
    expect(parseSectionName(' > ')).toEqual({ error: 'Enter a name for the section.' });
    expect(parseSectionName('a>b>c>d>e>f')).toHaveProperty('error');
  });
});
