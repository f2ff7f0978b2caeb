// The New VM wizard's state, page by page, and how each page gets its
// defaults from the template and the pool (as XenCenter's pages load
// themselves when first shown after the template, home server or install
// method changed). Numeric fields are kept as the text the user typed, so a
// wrong entry stays on screen with its message instead of being corrected
// behind the user's back.
import type { HostFacts, IsoFacts, NetworkFacts, SrFacts } from './pool-facts';
import type { TemplateFacts } from './template-facts';

export const STEPS = ['template', 'name', 'install', 'home', 'cpumem', 'storage', 'networking', 'finish'] as const;
export type Step = (typeof STEPS)[number];

/** XenCenter's step names, as its wizard lists them on the left. */
export const STEP_NAMES: Readonly<Record<Step, string>> = {
  template: 'Template',
  name: 'Name',
  install: 'Installation Media',
  home: 'Home Server',
  cpumem: 'CPU & Memory',
  storage: 'Storage',
  networking: 'Networking',
  finish: 'Finish',
};

/** Each page's title, as XenCenter words it. */
export const STEP_TITLES: Readonly<Record<Step, string>> = {
  template: 'Select a VM template',
  name: 'Name the new virtual machine',
  install: 'Locate the operating system installation media',
  home: 'Select a home server',
  cpumem: 'Allocate processor and memory resources',
  storage: 'Configure storage for the new VM',
  networking: 'Configure networking on the new VM',
  finish: 'Ready to create the new virtual machine',
};

export type InstallMethod = 'cd' | 'url' | 'pxe' | 'none';
export type MemoryUnit = 'MiB' | 'GiB';

export interface DiskDraft {
  /** Stable key for the row (not a XenAPI ref). */
  readonly id: string;
  /** Where it comes from: the template's provision spec, the template's own disk, or added here. */
  readonly source: 'provision' | 'template' | 'new';
  readonly device: string;
  readonly name: string;
  readonly description: string;
  readonly size: number;
  /** The smallest size allowed (a template's disk cannot shrink). */
  readonly minSize: number;
  readonly sr: string;
  readonly bootable: boolean;
  readonly type: string;
  /** For a custom template's disk: the VDI it copies and the SR it is on. */
  readonly templateVdi?: string;
  readonly sourceSr?: string;
}

export interface VifDraft {
  readonly id: string;
  readonly device: string;
  readonly network: string;
  /** '' for a MAC the server generates. */
  readonly mac: string;
}

export interface WizardFacts {
  readonly template: TemplateFacts | undefined;
  readonly hosts: readonly HostFacts[];
  readonly srs: readonly SrFacts[];
  readonly isos: readonly IsoFacts[];
  readonly networks: readonly NetworkFacts[];
  /** Networks new VMs get by default. */
  readonly autoNetworks: readonly NetworkFacts[];
  /** A suggested name for a VM from this template ("Debian Bookworm 12 (1)"). */
  readonly suggestedName: string;
}

export interface WizardState {
  readonly step: Step;
  readonly template: string | undefined;
  readonly search: string;
  readonly name: string;
  readonly description: string;
  readonly install: { readonly method: InstallMethod; readonly iso: string; readonly url: string };
  /** 'auto': no home server (any server with the resources). */
  readonly home: { readonly mode: 'server' | 'auto'; readonly host: string };
  readonly vcpus: string;
  readonly initialVcpus: string;
  readonly coresPerSocket: number;
  readonly memoryMin: string;
  readonly memoryMax: string;
  readonly memoryUnit: MemoryUnit;
  readonly diskless: boolean;
  readonly disks: readonly DiskDraft[];
  /** For a custom template: use the SR's fast clone (VM.clone) rather than a full copy (VM.copy). */
  readonly fastClone: boolean;
  readonly vifs: readonly VifDraft[];
  readonly startAfter: boolean;
  /** What each page was last filled in from; a page whose basis changed is filled in again when shown. */
  readonly basis: Readonly<Partial<Record<Step, string>>>;
  /** For fresh row ids. */
  readonly counter: number;
}

export function initialState(template: string | undefined, host: string | undefined): WizardState {
  return {
    step: 'template',
    template,
    search: '',
    name: '',
    description: '',
    install: { method: 'none', iso: '', url: '' },
    home: { mode: host === undefined ? 'auto' : 'server', host: host ?? '' },
    vcpus: '1',
    initialVcpus: '1',
    coresPerSocket: 1,
    memoryMin: '',
    memoryMax: '',
    memoryUnit: 'GiB',
    diskless: false,
    disks: [],
    fastClone: true,
    vifs: [],
    startAfter: true,
    basis: {},
    counter: 0,
  };
}

export const MiB = 1024 ** 2;
export const GiB = 1024 ** 3;
export const UNIT_BYTES: Readonly<Record<MemoryUnit, number>> = { MiB, GiB };

/** Bytes as the memory fields show them: whole GiB when exact, else MiB. */
export function memoryText(bytes: number, unit: MemoryUnit): string {
  const v = bytes / UNIT_BYTES[unit];
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

/** The unit a template's memory reads best in. */
export function memoryUnitFor(bytes: number): MemoryUnit {
  return bytes % GiB === 0 ? 'GiB' : 'MiB';
}
