/**
 * The search field in the masthead (a `search` landmark). Typing searches as you go: the first
 * keystroke elsewhere opens the Search screen, later ones replace its hash (no history entry per
 * letter). The "/" command focuses it from anywhere (focusSearchField).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { hrefs, type Route } from '../../routing/routes';
import './search.css';

export const SEARCH_FIELD_ID = 'search-field';

/** Focuses the search field and selects its text (the "/" shortcut). */
export function focusSearchField(): void {
  const field = document.getElementById(SEARCH_FIELD_ID);
  if (field instanceof HTMLInputElement) {
    field.focus();
    field.select();
  }
}

export function SearchBox({ route }: { route: Route }) {
  const current = route.name === 'search' ? route.query : null;
  const [text, setText] = useState(current?.text ?? '');
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<number | null>(null);

  // Follow the route (back/forward, a link) unless the reader is typing here.
  const routeText = current?.text;
  useEffect(() => {
    if (document.activeElement === input.current) return;
    setText(routeText ?? '');
  }, [routeText]);

  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);

  function go(value: string, push: boolean) {
    const href = hrefs.search({ text: value, section: current?.section, saved: current?.saved });
    if (window.location.hash === href) return;
    if (push || !current) window.location.hash = href;
    else window.location.replace(href);
  }

  function onChange(value: string) {
    setText(value);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      if (value.trim() || current) go(value, false);
    }, 150);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    go(text, false);
  }

  return (
    <form className="search-box" role="search" aria-label="Articles" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor={SEARCH_FIELD_ID}>
        Search articles
      </label>
      <input
        ref={input}
        id={SEARCH_FIELD_ID}
        className="search-box__field"
        type="search"
        placeholder="Search  ( / )"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') input.current?.blur();
        }}
      />
    </form>
  );
}
