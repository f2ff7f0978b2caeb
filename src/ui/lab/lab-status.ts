// What the console knows of its lab (the worker): loading, ready, a corrupt
// save waiting for a decision, or crashed and restarting. A small zustand store
// fed by the lab connection; UI reads it, actions are the connection's.
import { create } from 'zustand';
import type { LabState } from '../../xapi/lab-protocol';

export type ConsoleLabState =
  | LabState
  | { readonly state: 'connecting' }
  | { readonly state: 'crashed'; readonly reason: string };

export interface LabStatus {
  readonly lab: ConsoleLabState;
  /** Virtual time of the last successful save, if any. */
  readonly savedAt: number | undefined;
  readonly saveError: string | undefined;
  /** How many times the worker was restarted after a crash. */
  readonly restarts: number;
}

export const useLabStatus = create<LabStatus>(() => ({
  lab: { state: 'connecting' },
  savedAt: undefined,
  saveError: undefined,
  restarts: 0,
}));
