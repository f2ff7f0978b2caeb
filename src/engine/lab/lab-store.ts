// The Simulator's own records: bare machines, the lab's PXE service, root
// passwords set by installers, which pool each installed host belongs to, and
// which servers the console has added. None of this is XenAPI: it is kept out
// of the world's tables (so get_all_records and event.from '*' never show a
// class a real client does not know) and saved in the engine snapshot beside
// the world. The console reads it with Simulator.get_lab.
import type { InstallAnswers } from '../../xapi/simulator/install-answers';
import type { VDIRecord } from '../../xapi/types';
import type { MachineSpec } from './machine-spec';

export type MachineState = 'bare' | 'installing' | 'installed';

export interface InstallProgress {
  readonly task: string;
  readonly answers: InstallAnswers;
  readonly phases: readonly { readonly name: string; readonly seconds: number }[];
  readonly phase: number;
  readonly startedAt: number;
  /** Virtual time the current phase began. */
  readonly phaseAt: number;
}

export interface Machine {
  readonly id: string;
  readonly name: string;
  readonly spec: MachineSpec;
  readonly power: 'off' | 'on';
  readonly state: MachineState;
  /** What is on the disk: nothing, a half-written install (cancelled), or XenServer. */
  readonly disk: 'blank' | 'wiped' | 'xenserver';
  readonly install?: InstallProgress;
  /** The host record once installed. */
  readonly host?: string;
  /** Management address after install (static or leased). */
  readonly address?: string;
}

export interface PxeConfig {
  /** A DHCP server on the lab network that hands out the boot server (next-server, filename). */
  readonly dhcp: boolean;
  /** A TFTP server with pxelinux and the XenServer installer's kernel and initrd. */
  readonly tftp: boolean;
  /** The installation repository the boot configuration points at. */
  readonly repository: { readonly protocol: 'none' | 'http' | 'nfs'; readonly url: string };
}

export type ConsoleState = 'not_added' | 'disconnected';

export interface LabState {
  readonly nextMachine: number;
  readonly machines: Readonly<Record<string, Machine>>;
  readonly pxe: PxeConfig;
  /** Root passwords of installed hosts (hosts not listed use the lab's password). */
  readonly passwords: Readonly<Record<string, string>>;
  /** host → pool for hosts not in the world's first pool. */
  readonly membership: Readonly<Record<string, string>>;
  /** pool → how the console sees it; a pool not listed is connected. */
  readonly console: Readonly<Record<string, ConsoleState>>;
  /** DHCP leases handed out: next host part of 192.168.10.x. */
  readonly nextLease: number;
  /** SRs forgotten by the pool whose data is still on the storage, by "<SR UUID>@<storage key>"; absent in older saves. */
  readonly forgottenSrs?: Readonly<Record<string, ForgottenSr>>;
}

/** A virtual disk as it lies on the storage of a forgotten SR (refs as UUIDs: the records are gone). */
export type ForgottenVdi = Pick<
  VDIRecord,
  | 'uuid' | 'name_label' | 'name_description' | 'type' | 'virtual_size' | 'physical_utilisation' | 'sharable' | 'read_only'
  | 'location' | 'managed' | 'is_a_snapshot' | 'snapshot_time' | 'sm_config' | 'other_config' | 'xenstore_data' | 'tags'
  | 'on_boot' | 'allow_caching' | 'allowed_operations'
> & { readonly snapshot_of: string; readonly parent: string };

/** An SR the pool forgot, as its storage still holds it (storage/forgotten-srs.ts). */
export interface ForgottenSr {
  readonly uuid: string;
  /** The storage location (sr-drivers.ts's key: an export directory, a LUN, a host's disk). */
  readonly key: string;
  readonly type: string;
  readonly name_label: string;
  readonly name_description: string;
  readonly sm_config: Readonly<Record<string, string>>;
  readonly vdis: readonly ForgottenVdi[];
}

export const EMPTY_LAB: LabState = {
  nextMachine: 1,
  machines: {},
  pxe: { dhcp: false, tftp: false, repository: { protocol: 'none', url: '' } },
  passwords: {},
  membership: {},
  console: {},
  nextLease: 200,
};

/** Holder of the lab state; every change replaces it (so a snapshot never moves). */
export class LabStore {
  private current: LabState;
  /** Bumped on every change: the console polls and skips unchanged answers. */
  generation = 0;

  constructor(state?: LabState) {
    this.current = state ?? EMPTY_LAB;
  }

  get state(): LabState {
    return this.current;
  }

  update(change: (s: LabState) => LabState): void {
    this.current = change(this.current);
    this.generation++;
  }

  machine(id: string): Machine | undefined {
    return this.current.machines[id];
  }

  setMachine(m: Machine): void {
    this.update((s) => ({ ...s, machines: { ...s.machines, [m.id]: m } }));
  }

  machineOfHost(host: string): Machine | undefined {
    return Object.values(this.current.machines).find((m) => m.host === host);
  }
}
