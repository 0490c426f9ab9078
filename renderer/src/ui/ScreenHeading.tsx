/**
 * The heading block of a screen: small kicker line, h1, optional extras. The h1 takes focus when
 * the screen changes (so keyboard and screen reader users land on the new content), and the
 * document title follows it.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface ScreenHeadingProps {
  title: string;
  kicker?: string;
  documentTitle?: string;
  children?: ReactNode;
}

export const APP_NAME = 'Offline News';

export function ScreenHeading({ title, kicker, documentTitle, children }: ScreenHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle ?? title} · ${APP_NAME}`;
  }, [title, documentTitle]);
  useFocusOnMount(ref);
  return (
    <header className="screen-heading">
      {kicker && <p className="screen-heading__kicker">{kicker}</p>}
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </header>
  );
}

/** Focuses the element after an in-app navigation (not on the first page load). */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!navigatedInApp) {
      navigatedInApp = true;
      return;
    }
    ref.current?.focus({ preventScroll: true });
  }, [ref]);
}

let navigatedInApp = false;
