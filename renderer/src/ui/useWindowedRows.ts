/**
 * Fixed-height row windowing for long lists that scroll with the window (the page itself scrolls,
 * under the sticky masthead): given the row count and height, returns the rows that intersect the
 * viewport plus some overscan, so the DOM stays the same size with 50 or 50,000 stories. Also
 * measures the container's width (for grids that fit columns to it) and can scroll a row into view.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface WindowedRows {
  ref: RefObject<HTMLDivElement | null>;
  /** First row to render (inclusive) and the end (exclusive). */
  first: number;
  end: number;
  /** Inner width of the container in px (0 until measured). */
  width: number;
  /** Scrolls the window so that the row is visible (nearest edge), like scrollIntoView. */
  scrollToRow: (row: number) => void;
}

export function useWindowedRows({ rows, rowHeight, overscan = 2 }: { rows: number; rowHeight: number; overscan?: number }): WindowedRows {
  const ref = useRef<HTMLDivElement | null>(null);
  const [range, setRange] = useState({ first: 0, end: Math.min(rows, 8) });
  const [width, setWidth] = useState(0);

  const compute = useCallback(() => {
    const el = ref.current;
    if (!el || rowHeight <= 0) return;
    const top = -el.getBoundingClientRect().top;
    const bottom = top + window.innerHeight;
    const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
    const end = Math.max(first, Math.min(rows, Math.ceil(bottom / rowHeight) + overscan));
    setRange((r) => (r.first === first && r.end === end ? r : { first, end }));
  }, [rows, rowHeight, overscan]);

  useLayoutEffect(() => {
    compute();
  }, [compute]);

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = window.requestAnimationFrame(() => {
        frame = 0;
        compute();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [compute]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const scrollToRow = useCallback(
    (row: number) => {
      const el = ref.current;
      if (!el) return;
      const rowTop = el.getBoundingClientRect().top + row * rowHeight;
      const masthead = document.querySelector('.masthead')?.getBoundingClientRect().bottom ?? 0;
      if (rowTop < masthead) window.scrollBy({ top: rowTop - masthead - 8 });
      else if (rowTop + rowHeight > window.innerHeight) window.scrollBy({ top: rowTop + rowHeight - window.innerHeight + 8 });
      compute();
    },
    [rowHeight, compute],
  );

  return { ref, first: range.first, end: range.end, width, scrollToRow };
}
