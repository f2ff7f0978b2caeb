// Long lists on a page that appears at once (the pool overview's 64 servers
// in the large world): the first rows come with the page, the rest after the
// browser has drawn it. Styling, laying out and painting the whole page was
// one frame of ~60 ms of main-thread CPU (bench:ui, the pool's General tab);
// in two frames each is well under the 50 ms bar.
import { startTransition, useEffect, useState } from 'react';

/** Rows to render with the page itself. */
export const FIRST_ROWS = 16;

/** Run `then` after the next frame has been drawn (a frame callback, then a task after it). */
function afterNextFrame(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(then, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * How many of `total` rows to render: `first` when the list mounts, all of
 * them from the frame after (a transition, so input comes first).
 */
export function useProgressiveCount(total: number, first: number = FIRST_ROWS): number {
  const [all, setAll] = useState(false);
  useEffect(() => (all ? undefined : afterNextFrame(() => startTransition(() => setAll(true)))), [all]);
  return all ? total : Math.min(first, total);
}
