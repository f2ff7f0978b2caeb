// Every class of the simulated pool, by its datamodel name. The engine derives
// defaults, accessors and the two-way links from this table; ../types.ts
// derives the record types from it.
import type { ClassSpec, FieldSpec } from './spec';
import { VM_CLASS } from './vm';
import { CONSOLE_CLASS, VMSS_CLASS, VM_GUEST_METRICS_CLASS, VM_METRICS_CLASS } from './vm-classes';
import { HOST_CLASS } from './host';
import { GPU_GROUP_CLASS, HOST_CPU_CLASS, HOST_METRICS_CLASS, PCI_CLASS, PGPU_CLASS } from './host-classes';
import { POOL_CLASS } from './pool';
import { PBD_CLASS, SR_CLASS, VBD_CLASS, VDI_CLASS } from './storage-classes';
import {
  BOND_CLASS,
  NETWORK_CLASS,
  NETWORK_SRIOV_CLASS,
  PIF_CLASS,
  PIF_METRICS_CLASS,
  VIF_CLASS,
  VLAN_CLASS,
} from './network-classes';
import { MESSAGE_CLASS, SESSION_CLASS, TASK_CLASS } from './session-task-message';

export const CLASSES = {
  session: SESSION_CLASS,
  pool: POOL_CLASS,
  host: HOST_CLASS,
  host_metrics: HOST_METRICS_CLASS,
  host_cpu: HOST_CPU_CLASS,
  VM: VM_CLASS,
  VM_metrics: VM_METRICS_CLASS,
  VM_guest_metrics: VM_GUEST_METRICS_CLASS,
  console: CONSOLE_CLASS,
  VBD: VBD_CLASS,
  VDI: VDI_CLASS,
  SR: SR_CLASS,
  PBD: PBD_CLASS,
  network: NETWORK_CLASS,
  PIF: PIF_CLASS,
  PIF_metrics: PIF_METRICS_CLASS,
  VIF: VIF_CLASS,
  Bond: BOND_CLASS,
  VLAN: VLAN_CLASS,
  task: TASK_CLASS,
  message: MESSAGE_CLASS,
  VMSS: VMSS_CLASS,
  PCI: PCI_CLASS,
  PGPU: PGPU_CLASS,
  GPU_group: GPU_GROUP_CLASS,
  network_sriov: NETWORK_SRIOV_CLASS,
} as const satisfies Readonly<Record<string, ClassSpec>>;

/** A class name exactly as the datamodel (and the wire) spells it: 'VM', 'host', 'SR', ... */
export type ClassName = keyof typeof CLASSES;

/** All class names, in the order of CLASSES. */
export const CLASS_NAMES: readonly ClassName[] = Object.keys(CLASSES) as ClassName[];

export function isClassName(name: string): name is ClassName {
  return Object.prototype.hasOwnProperty.call(CLASSES, name);
}

/** The spec of a class named by a string from the wire, or undefined. */
export function classSpec(name: string): ClassSpec | undefined {
  return isClassName(name) ? CLASSES[name] : undefined;
}

/**
 * XenAPI class names are case-insensitive on the wire for event.from and
 * friends ("vm" and "VM" both work). The datamodel spelling of a name, or undefined.
 */
export function canonicalClassName(name: string): ClassName | undefined {
  if (isClassName(name)) return name;
  const lower = name.toLowerCase();
  return CLASS_NAMES.find((c) => c.toLowerCase() === lower);
}

/** The spec of one field, or undefined. */
export function fieldSpec(cls: string, field: string): FieldSpec | undefined {
  return classSpec(cls)?.fields.find((f) => f.name === field);
}
