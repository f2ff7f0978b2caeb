// Virtualizer options that never force a layout while a list mounts.
// @tanstack/virtual-core, when it first sees its scroll element (a layout
// effect), reads the element's clientWidth/clientHeight and writes its scroll
// offset (element.scrollTo): each is a style and layout pass of the whole page
// just committed -- the pool's Search grid on a tab switch -- inside React's
// commit task (bench:ui: 25–30 ms each of the ~55–60 ms tasks that opened the
// Search tab). Here the size comes only from a ResizeObserver, which reports
// it after the browser's own layout of the frame (until then the virtualizer
// renders from its `initialRect`, so give it a likely size), and the first
// write of offset 0 to a new element, already at 0, is skipped.
import { elementScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';

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

/** Scroll elements written to (or skipped) once: a new element starts at offset 0. */
const seen = new WeakSet<Element>();

export function scrollUnlessNew<S extends Element, I extends Element>(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<S, I>): void {
  const element = instance.scrollElement;
  if (element !== null && !seen.has(element)) {
    seen.add(element);
    if (offset === 0 && (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}
