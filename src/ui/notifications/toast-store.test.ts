import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dismissToast, MAX_TOASTS, pauseToasts, resumeToasts, showToast, useToasts } from './toast-store';

describe('toasts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const t of useToasts.getState().toasts) dismissToast(t.id);
    vi.useRealTimers();
  });

  it('shows at most three, the oldest giving way', () => {
    for (let i = 0; i < 5; i++) showToast({ kind: 'info', title: `t${String(i)}` });
    expect(useToasts.getState().toasts.map((t) => t.title)).toEqual(['t2', 't3', 't4']);
    expect(MAX_TOASTS).toBe(3);
  });

  it('leaves info after 5 s and errors after 10 s', () => {
    showToast({ kind: 'info', title: 'info' });
    showToast({ kind: 'error', title: 'error', code: 'VM_BAD_POWER_STATE' });
    vi.advanceTimersByTime(5001);
    expect(useToasts.getState().toasts.map((t) => t.title)).toEqual(['error']);
    vi.advanceTimersByTime(5000);
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('holds while paused and is dismissed on request', () => {
    const id = showToast({ kind: 'success', title: 'done' });
    pauseToasts();
    vi.advanceTimersByTime(60_000);
    expect(useToasts.getState().toasts).toHaveLength(1);
    resumeToasts();
    dismissToast(id);
    expect(useToasts.getState().toasts).toEqual([]);
  });
});
