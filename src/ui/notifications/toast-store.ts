// Short-lived notices at the corner of the console. Anyone calls showToast();
// the Toasts region renders them. Info and success leave after a few seconds,
// errors after ten (or when dismissed); at most three show at once, the
// oldest giving way. Timers pause while the pointer or focus is on a toast.
import { create } from 'zustand';

export type ToastKind = 'error' | 'info' | 'success';

export interface ToastInput {
  readonly kind: ToastKind;
  readonly title: string;
  readonly detail?: string;
  /** A XenAPI error code (shown in monospace, for searching the docs). */
  readonly code?: string;
}

export interface Toast extends ToastInput {
  readonly id: number;
}

export const MAX_TOASTS = 3;
export const TOAST_MS: Readonly<Record<ToastKind, number>> = { info: 5000, success: 5000, error: 10_000 };

interface ToastState {
  readonly toasts: readonly Toast[];
}

export const useToasts = create<ToastState>(() => ({ toasts: [] }));

let nextId = 1;
const timers = new Map<number, { handle: ReturnType<typeof setTimeout> | undefined; left: number; since: number }>();

function arm(id: number, ms: number): void {
  const handle = setTimeout(() => dismissToast(id), ms);
  timers.set(id, { handle, left: ms, since: Date.now() });
}

/** Show a toast; returns its id (for dismissToast). */
export function showToast(input: ToastInput): number {
  const id = nextId++;
  const toast: Toast = { ...input, id };
  const all = [...useToasts.getState().toasts, toast];
  for (const old of all.slice(0, Math.max(0, all.length - MAX_TOASTS))) clearTimer(old.id);
  useToasts.setState({ toasts: all.slice(-MAX_TOASTS) });
  arm(id, TOAST_MS[input.kind]);
  return id;
}

function clearTimer(id: number): void {
  const t = timers.get(id);
  if (t?.handle !== undefined) clearTimeout(t.handle);
  timers.delete(id);
}

export function dismissToast(id: number): void {
  clearTimer(id);
  const { toasts } = useToasts.getState();
  if (toasts.some((t) => t.id === id)) useToasts.setState({ toasts: toasts.filter((t) => t.id !== id) });
}

/** Hold every toast while the user reads one (pointer over it, or focus in it). */
export function pauseToasts(): void {
  for (const t of timers.values()) {
    if (t.handle === undefined) continue;
    clearTimeout(t.handle);
    t.handle = undefined;
    t.left = Math.max(1000, t.left - (Date.now() - t.since));
  }
}

export function resumeToasts(): void {
  for (const [id, t] of timers) if (t.handle === undefined) arm(id, t.left);
}
