/**
 * The windowed lists' side of j/k (moveStoryFocus in commands.ts): answers the "story-focus-request"
 * events that reach the returned root. A story already rendered is focused at once; otherwise
 * `scrollTo(index)` brings its row in and the story is focused once it is rendered.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { focusRenderedStory } from './commands';

export function useStoryFocusRequests(count: number, scrollTo: (index: number) => void): RefObject<HTMLDivElement | null> {
  const rootRef = useRef<HTMLDivElement>(null);
  // The story to focus once it is rendered (a ref: asking for it re-renders nothing by itself; the
  // scroll that brings its row in does).
  const pendingFocus = useRef<number | null>(null);
  // The latest scrollTo (it closes over the list's geometry) without re-subscribing each render.
  const scrollToRef = useRef(scrollTo);
  scrollToRef.current = scrollTo;
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onRequest = (event: Event) => {
      const { index } = (event as CustomEvent<{ index: number }>).detail;
      event.preventDefault();
      if (index < 0 || index >= count) return;
      if (focusRenderedStory(root, index)) {
        pendingFocus.current = null;
        return;
      }
      pendingFocus.current = index;
      scrollToRef.current(index);
    };
    root.addEventListener('story-focus-request', onRequest);
    return () => root.removeEventListener('story-focus-request', onRequest);
  }, [count]);
  // After every render: the one that shows the pending story focuses it.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    if (rootRef.current && focusRenderedStory(rootRef.current, pendingFocus.current)) pendingFocus.current = null;
  });
  return rootRef;
}
