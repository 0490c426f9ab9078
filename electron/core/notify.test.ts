import { describe, expect, it } from 'vitest';
import type { NewArticleNote } from '../shared/models';
import { newArticlesNotification, sectionCovers } from './notify';

const note = (id: string, section: string, title = `Headline ${id}`): NewArticleNote => ({
  id,
  title,
  sectionPath: section ? section.split(' > ') : [],
});

describe('sectionCovers', () => {
  it.each([
    ['News', 'News', true],
    ['News', 'News > City', true],
    ['News > City', 'News > City', true],
    ['News > City', 'News', false],
    ['News', 'Newsletter', false],
    ['News', 'Sport > News', false],
    ['', 'News', false],
  ])('%s covers %s: %s', (chosen, key, expected) => expect(sectionCovers(chosen, key)).toBe(expected));
});

describe('newArticlesNotification', () => {
  const added = [note('a', 'News > City'), note('b', 'News > City'), note('c', 'Sport'), note('d', 'News > City')];

  it('is off when no section is chosen (the default)', () => {
    expect(newArticlesNotification(added, [])).toBeNull();
    expect(newArticlesNotification(added, [' '])).toBeNull();
  });

  it('is null when nothing was added or nothing matches', () => {
    expect(newArticlesNotification([], ['News'])).toBeNull();
    expect(newArticlesNotification(undefined, ['News'])).toBeNull();
    expect(newArticlesNotification(added, ['Culture'])).toBeNull();
  });

  it('counts only the chosen sections and names the section', () => {
    const n = newArticlesNotification(added, ['News > City'])!;
    expect(n.title).toBe('3 new articles in News > City');
    expect(n.body.split('\n')).toEqual(['Headline a', 'Headline b', 'Headline d']);
    expect(n.firstArticleId).toBe('a');
  });

  it('matches by prefix: "News" covers "News > City" and names the chosen section for mixed keys', () => {
    const n = newArticlesNotification([...added, note('e', 'News')], ['News'])!;
    expect(n.title).toBe('4 new articles in News');
    expect(n.body.split('\n')).toEqual(['Headline a', 'Headline b', 'Headline d', 'and 1 more']);
  });

  it('uses the singular for one article and omits the section when several chosen ones match', () => {
    expect(newArticlesNotification([note('c', 'Sport')], ['Sport'])!.title).toBe('1 new article in Sport');
    expect(newArticlesNotification(added, ['News', 'Sport'])!.title).toBe('4 new articles');
  });
});
