// What is installed inside a guest. An operating system lives on a disk, so
// the simulator records it on the VDI (other_config keys in a 'xenlab-'
// namespace no XenServer uses): a copied or cloned disk carries its OS with it,
// a fresh VDI.create'd disk is blank. The install's progress is on the VM.
//
//   VDI.other_config['xenlab-os']         reference_label of the installed OS (e.g. 'debian-12')
//   VDI.other_config['xenlab-tools']      version of the XenServer VM Tools installed in it ('9.4.0')
//   VDI.other_config['xenlab-static-ip']  IPv4 address the OS sets on its first NIC (else it uses DHCP)
//   VM.other_config['xenlab-install-phase']     what the guest's installer is doing, in words
//   VM.other_config['xenlab-install-progress']  0..100
//   VM.other_config['xenlab-install-task']      the task that follows the installation
import type { Engine } from '../engine';
import { diskNumber } from '../devices/device-numbers';
import { TEMPLATES, type TemplateSpec } from '../worlds/catalog/templates';

export const OS_KEY = 'xenlab-os';
export const TOOLS_KEY = 'xenlab-tools';
export const STATIC_IP_KEY = 'xenlab-static-ip';
export const PHASE_KEY = 'xenlab-install-phase';
export const PROGRESS_KEY = 'xenlab-install-progress';
export const INSTALL_TASK_KEY = 'xenlab-install-task';

/** Install media the lab's ISO library holds, by file name prefix, and the OS each installs. */
const ISO_OS: readonly (readonly [RegExp, string])[] = [
  [/^debian-13/i, 'debian-13'],
  [/^debian-12/i, 'debian-12'],
  [/^debian-11/i, 'debian-11'],
  [/^ubuntu-24\.04/i, 'ubuntu-24.04'],
  [/^ubuntu-22\.04/i, 'ubuntu-22.04'],
  [/^rocky-9/i, 'rocky-9'],
  [/^rocky-8/i, 'rocky-8'],
  [/^almalinux-9/i, 'alma-9'],
  [/^almalinux-8/i, 'alma-8'],
  [/^rhel-9/i, 'rhel-9'],
  [/^rhel-8/i, 'rhel-8'],
  [/^sle-15|^sles-15/i, 'sle-15-64bit'],
  [/^win2025/i, 'windows-server-2025'],
  [/^win2022/i, 'windows-server-2022-64bit'],
  [/^win2019/i, 'windows-server-2019-64bit'],
  [/^win11/i, 'windows-11'],
  [/^win10/i, 'windows-10-64bit'],
];

export function osByLabel(label: string): TemplateSpec | undefined {
  return TEMPLATES.find((t) => t.reference_label === label);
}

/** The OS an ISO installs: known media by name, else what the VM's template is for. */
export function osOfIso(isoName: string, fallback: string): string {
  return ISO_OS.find(([re]) => re.test(isoName))?.[1] ?? fallback;
}

/** The OS a VM's template stands for (other-install-media when unknown). */
export function templateOsOf(engine: Engine, vm: string): string {
  const label = engine.world.get('VM', vm).reference_label;
  return osByLabel(label) === undefined ? 'other-install-media' : label;
}

export interface Disk {
  readonly vbd: string;
  readonly vdi: string;
}

/** The VM's disks (Disk VBDs with a VDI), in device order. */
export function disksOf(engine: Engine, vm: string): Disk[] {
  const out: { vbd: string; vdi: string; n: number }[] = [];
  for (const vbd of engine.world.get('VM', vm).VBDs) {
    const r = engine.world.find('VBD', vbd);
    if (r === undefined || r.type !== 'Disk' || r.empty || !engine.world.has('VDI', r.VDI)) continue;
    out.push({ vbd, vdi: r.VDI, n: diskNumber(r.userdevice) ?? 999 });
  }
  return out.sort((a, b) => a.n - b.n).map(({ vbd, vdi }) => ({ vbd, vdi }));
}

export interface InstalledOs {
  readonly vdi: string;
  readonly os: TemplateSpec;
  readonly tools: string | undefined;
  readonly staticIp: string | undefined;
}

/** The first of the VM's disks that holds an installed OS. */
export function installedOs(engine: Engine, vm: string): InstalledOs | undefined {
  for (const { vdi } of disksOf(engine, vm)) {
    const other = engine.world.get('VDI', vdi).other_config;
    const os = other[OS_KEY] === undefined ? undefined : osByLabel(other[OS_KEY]);
    if (os !== undefined) return { vdi, os, tools: other[TOOLS_KEY], staticIp: other[STATIC_IP_KEY] };
  }
  return undefined;
}

/** Record something about the guest on its VM (install phase and progress). */
export function setGuestState(engine: Engine, vm: string, patch: Readonly<Record<string, string | undefined>>): void {
  const other: Record<string, string> = { ...engine.world.get('VM', vm).other_config };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete other[k];
    else other[k] = v;
  }
  engine.world.update('VM', vm, { other_config: other });
}

export function setDiskKeys(engine: Engine, vdi: string, patch: Readonly<Record<string, string>>): void {
  engine.world.update('VDI', vdi, { other_config: { ...engine.world.get('VDI', vdi).other_config, ...patch } });
}
