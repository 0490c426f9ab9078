import { describe, expect, it } from 'vitest';
import { speechChunks } from './ReadAloud';

describe('speechChunks', () => {
  it('reads the headline first, then each paragraph, skipping empty lines and squashing spaces', () => {
    expect(speechChunks('  Ferry returns ', 'First   paragraph.\n\n\nSecond\tone.\n  \nThird.')).toEqual([
      'Ferry returns',
      'First paragraph.',
      'Second one.',
      'Third.',
    ]);
  });
  it('has nothing to read for an empty article', () => {
    expect(speechChunks('', '')).toEqual([]);
  });
});
