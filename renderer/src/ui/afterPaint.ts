/**
 * Holds a value back until the next frame has been painted (at most `maxMs`, as a hidden page
 * paints no frames): for data whose rendering must not delay the paint of what is already on its
 * way, e.g. the sidebar's sections (sorting them starts ICU's collator: ~50 ms cold) while the
 * first front paints.
 */
export function afterNextPaint<T>(value: Promise<T>, maxMs = 100): Promise<T> {
  const painted = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
  return Promise.all([value, painted]).then(([v]) => v);
}
