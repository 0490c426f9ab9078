import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { commandForKey, type Command } from './commands';

const commands: Command[] = [
  { id: 'next', keys: ['j'], label: 'Next', perform: () => undefined },
  { id: 'help', keys: ['?'], label: 'Help', perform: () => undefined },
];
const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: null,
  ...mods,
});

describe('commandForKey', () => {
  it('finds the command bound to a key', () => {
    expect(commandForKey(commands, press('j'))?.id).toBe('next');
    expect(commandForKey(commands, press('?'))?.id).toBe('help');
    expect(commandForKey(commands, press('x'))).toBeNull();
  });
  it('ignores keys typed into text fields', () => {
    const { document } = new JSDOM('<input type="url"><input type="checkbox"><textarea></textarea>').window;
    const [url, checkbox] = Array.from(document.querySelectorAll('input'));
    expect(commandForKey(commands, { ...press('j'), target: url! })).toBeNull();
    expect(commandForKey(commands, { ...press('j'), target: document.querySelector('textarea') })).toBeNull();
    expect(commandForKey(commands, { ...press('j'), target: checkbox! })?.id).toBe('next');
  });
  it('ignores keys with modifiers', () => {
    expect(commandForKey(commands, press('j', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(commands, press('j', { metaKey: true }))).toBeNull();
  });
});
