// The console's connections, as XenCenter keeps one per pool it has added:
// which pools the console has added (a standalone server is a pool of one),
// their coordinator and members, and whether each is connected. XenAPI has no
// host → pool field (each real pool is its own database); the simulator keeps
// every pool in one world, so the console learns membership from the lab
// (Simulator.get_lab's servers). Read by the tree (what to show, and under
// which pool) and by the pool actions. Undefined until the first answer: the
// readers then fall back to what the XenAPI records alone suggest.
import { create } from 'zustand';

export interface Connection {
  readonly pool: string;
  readonly master: string;
  readonly hosts: readonly string[];
  readonly state: 'connected' | 'disconnected' | 'not_added';
}

/** A lab machine without XenServer yet (bare or installing): the tree shows it under the root. */
export interface LabMachineEntry {
  readonly id: string;
  readonly name: string;
}

interface ConnectionsState {
  readonly connections: readonly Connection[] | undefined;
  readonly machines: readonly LabMachineEntry[];
  set(connections: readonly Connection[]): void;
  setMachines(machines: readonly LabMachineEntry[]): void;
}

function same(a: readonly Connection[] | undefined, b: readonly Connection[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  return a.every((c, i) => {
    const d = b[i];
    return d !== undefined && c.pool === d.pool && c.master === d.master && c.state === d.state && c.hosts.length === d.hosts.length && c.hosts.every((h, j) => h === d.hosts[j]);
  });
}

function sameMachines(a: readonly LabMachineEntry[], b: readonly LabMachineEntry[]): boolean {
  return a.length === b.length && a.every((m, i) => m.id === b[i]?.id && m.name === b[i].name);
}

export const useConnections = create<ConnectionsState>()((set) => ({
  connections: undefined,
  machines: [],
  setMachines: (machines) => set((s) => (sameMachines(s.machines, machines) ? s : { machines })),
  // The same list keeps its identity, so memoized trees are not rebuilt on every poll.
  set: (connections) => set((s) => (same(s.connections, connections) ? s : { connections })),
}));

/** The connections now (for code outside React: action checks). */
export function currentConnections(): readonly Connection[] | undefined {
  return useConnections.getState().connections;
}

/** The connection a host belongs to. */
export function connectionOfHost(connections: readonly Connection[], host: string): Connection | undefined {
  return connections.find((c) => c.hosts.includes(host));
}
