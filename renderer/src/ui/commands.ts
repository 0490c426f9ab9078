/**
 * Keyboard commands defined once as data ({ id, keys, label, perform }): the shell binds them to
 * keys and lists them in the shortcut help. Screens expose what commands act on through
 * data-command attributes (e.g. data-command="toggle-save" on the save button), so the shell
 * needs no knowledge of the features.
 */
import { useEffect, useRef } from 'react';

export interface Command {
  id: string;
  /** KeyboardEvent.key values, e.g. ["j"], ["?"]. */
  keys: string[];
  label: string;
  perform: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  // Duck-typed (no HTMLElement global needed), so it also works on elements of other windows.
  if (!target || typeof target !== 'object' || !('tagName' in target)) return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(type);
  }
  return false;
}

/** Finds the command for a key press, or null (modifiers, typing in a field, unknown key). */
export function commandForKey(commands: Command[], event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): Command | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  return commands.find((c) => c.keys.includes(event.key)) ?? null;
}

export function useCommandKeys(commands: Command[]): void {
  const ref = useRef(commands);
  ref.current = commands;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = commandForKey(ref.current, event);
      if (!command) return;
      event.preventDefault();
      command.perform();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Clicks the enabled element marked data-command=<name>, if the current screen has one. */
export function clickCommandTarget(name: string): boolean {
  const el = document.querySelector<HTMLElement>(`[data-command="${name}"]`);
  if (!el || (el as HTMLButtonElement).disabled) return false;
  el.click();
  return true;
}

/** Clicks the data-command=<name> element of the focused story (inside its [data-story-index]). */
export function clickStoryCommand(name: string): boolean {
  const active = document.activeElement;
  const story = active instanceof HTMLElement ? active.closest('[data-story-index]') : null;
  const el = story?.querySelector<HTMLElement>(`[data-command="${name}"]`);
  if (!el || (el as HTMLButtonElement).disabled) return false;
  el.click();
  return true;
}

/** Focuses the rendered story link of a windowed list's story `index` under `root` at once (so a
 * quick j-k-j never acts on a stale focus); false when that story is not rendered yet. */
export function focusRenderedStory(root: ParentNode, index: number): boolean {
  const link = root.querySelector<HTMLElement>(`[data-story-index="${index}"] [data-story-link]`);
  if (!link) return false;
  link.focus({ preventScroll: true });
  link.scrollIntoView({ block: 'nearest' });
  return true;
}

/** Moves focus to the next/previous story link (data-story-link) in main. In a windowed list
 * (stories numbered with data-story-index) the neighbour may not be rendered yet, so the list is
 * asked first with a cancelable "story-focus-request" event ({ index }) from the focused story. */
export function moveStoryFocus(step: 1 | -1): boolean {
  const active = document.activeElement;
  const story = active instanceof HTMLElement ? active.closest('[data-story-index]') : null;
  if (story) {
    const index = Number(story.getAttribute('data-story-index')) + step;
    const request = new CustomEvent('story-focus-request', { bubbles: true, cancelable: true, detail: { index } });
    if (!story.dispatchEvent(request)) return true;
  }
  const links = Array.from(document.querySelectorAll<HTMLElement>('main [data-story-link]'));
  if (links.length === 0) return false;
  const at = links.indexOf(document.activeElement as HTMLElement);
  const next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
  links[next]!.focus();
  links[next]!.scrollIntoView({ block: 'nearest' });
  return true;
}
