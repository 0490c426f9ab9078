/** The current hash route as React state (follows hashchange). */
import { useEffect, useMemo, useState } from 'react';
import { parseHash, type Route } from './routes';

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return useMemo(() => parseHash(hash), [hash]);
}

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}
