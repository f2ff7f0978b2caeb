// A virtualizer's `observeElementRect` that never forces a layout.
// @tanstack/virtual-core's default reads the scroll element's clientWidth
// and clientHeight as soon as the virtualizer mounts (a layout effect): when
// the element is part of a page just committed -- the pool's Search grid on a
// tab switch -- that read is a style and layout pass of the whole new page
// inside React's commit task (bench:ui: ~30 ms of the ~55 ms task that opened
// the Search tab). Here the size comes only from a ResizeObserver, which
// reports it after the browser's own layout of the frame; until then the
// virtualizer renders from its `initialRect`, so give it a likely size.
import type { Rect, Virtualizer } from '@tanstack/react-virtual';

export function observeRectAfterLayout<S extends Element, I extends Element>(instance: Virtualizer<S, I>, cb: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement;
  if (element === null || typeof ResizeObserver !== 'function') return undefined;
  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (box !== undefined) cb({ width: Math.round(box.width), height: Math.round(box.height) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}
