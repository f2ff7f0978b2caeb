// Device positions of a VM's disks and network interfaces, as xapi counts
// them (Device_number, Xapi_vm_helpers.allowed_VBD_devices / _VIF_devices):
// a VBD's userdevice is a disk number ("0".."254") or a Linux name
// ("xvda", "hda", "sda"), and names and numbers that mean the same disk
// clash; VIF devices are plain numbers, 0..6 offered (seven interfaces per
// VM, xapi_vm_helpers.ml allowed_VIF_devices_HVM/_PV).
import type { Engine } from '../engine';

const MAX_VBD_DEVICE = 254;
const MAX_VIF_DEVICE = 6;

/** The disk number a userdevice or device string means, or undefined if it is not one. */
export function diskNumber(device: string): number | undefined {
  if (/^\d+$/.test(device)) return Number(device);
  const m = /^(?:xvd|hd|sd)([a-z]+)\d*$/.exec(device);
  if (m === null) return undefined;
  let n = 0;
  for (const c of m[1] ?? '') n = n * 26 + (c.charCodeAt(0) - 96);
  return n - 1;
}

/** Xapi_vbd_helpers.valid_device: "autodetect", a Linux device name, or a disk number. */
export function validVbdDevice(device: string): boolean {
  return device === 'autodetect' || diskNumber(device) !== undefined;
}

/** Disk numbers a VM's VBDs already use (both their device and userdevice). */
export function usedVbdNumbers(engine: Engine, vm: string): Set<number> {
  const used = new Set<number>();
  for (const vbd of engine.world.get('VM', vm).VBDs) {
    const r = engine.world.find('VBD', vbd);
    if (r === undefined) continue;
    for (const d of [r.device, r.userdevice]) {
      const n = diskNumber(d);
      if (n !== undefined) used.add(n);
    }
  }
  return used;
}

export function allowedVbdDevices(engine: Engine, vm: string): string[] {
  const used = usedVbdNumbers(engine, vm);
  const out: string[] = [];
  for (let n = 0; n <= MAX_VBD_DEVICE; n++) if (!used.has(n)) out.push(String(n));
  return out;
}

export function allowedVifDevices(engine: Engine, vm: string): string[] {
  const used = new Set(engine.world.get('VM', vm).VIFs.map((vif) => engine.world.find('VIF', vif)?.device));
  const out: string[] = [];
  for (let n = 0; n <= MAX_VIF_DEVICE; n++) if (!used.has(String(n))) out.push(String(n));
  return out;
}

/** The Linux name of disk number `n` for a guest (xvda, xvdb, … xvdaa). */
export function xvdName(n: number): string {
  let s = '';
  let k = n + 1;
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(97 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return `xvd${s}`;
}
