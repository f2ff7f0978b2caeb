// What a guest boots when its domain starts. HVM firmware walks
// HVM_boot_params.order: 'c' the first disk holding an OS, 'd' install media
// in the CD drive (not the tools ISO), 'n' the network (PXE, offered on
// external networks; once the machine has an OS the PXE menu boots its disk).
// An HVM guest with other_config install-repository (a URL) and no OS
// installs over the network. PV/PVH guests boot their disk's OS with pygrub,
// or an installer from install-repository; with neither, the bootloader fails.
// An HVM guest with nothing to boot sits at "No bootable device".
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { isHvm } from '../vm/placement';
import { installedOs, osOfIso, templateOsOf, type InstalledOs } from './guest-os';

export type BootTarget =
  | { readonly kind: 'os'; readonly installed: InstalledOs }
  | { readonly kind: 'install'; readonly os: string; readonly source: string; readonly cd?: string }
  | { readonly kind: 'none' };

/** A CD drive holding install media (the tools ISO does not boot). */
function bootableCd(engine: Engine, vm: string): { vbd: string; name: string } | undefined {
  for (const vbd of engine.world.get('VM', vm).VBDs) {
    const r = engine.world.find('VBD', vbd);
    if (r === undefined || r.type !== 'CD' || r.empty) continue;
    const vdi = engine.world.find('VDI', r.VDI);
    if (vdi !== undefined && !vdi.is_tools_iso) return { vbd, name: vdi.name_label };
  }
  return undefined;
}

/** Whether a VIF of the VM is on a network that reaches the lab's PXE/install server (an external one). */
function onExternalNetwork(engine: Engine, vm: string): boolean {
  return engine.world.get('VM', vm).VIFs.some((vif) => {
    const network = engine.world.find('VIF', vif)?.network;
    return network !== undefined && (engine.world.find('network', network)?.PIFs.length ?? 0) > 0;
  });
}

export function bootTarget(engine: Engine, vm: string): BootTarget {
  const r = engine.world.get('VM', vm);
  const installed = installedOs(engine, vm);
  const repository = r.other_config['install-repository'] ?? '';
  const networkRepo = repository !== '' && repository !== 'cdrom';
  if (!isHvm(r)) {
    if (installed !== undefined) return { kind: 'os', installed };
    const cd = bootableCd(engine, vm);
    if (repository === 'cdrom' && cd !== undefined) return { kind: 'install', os: osOfIso(cd.name, templateOsOf(engine, vm)), source: 'cdrom', cd: cd.vbd };
    if (networkRepo) return { kind: 'install', os: templateOsOf(engine, vm), source: repository };
    return { kind: 'none' };
  }
  for (const c of (r.HVM_boot_params['order'] ?? 'cd').toLowerCase()) {
    if (c === 'c' && installed !== undefined) return { kind: 'os', installed };
    if (c === 'd') {
      const cd = bootableCd(engine, vm);
      if (cd !== undefined) return { kind: 'install', os: osOfIso(cd.name, templateOsOf(engine, vm)), source: 'cdrom', cd: cd.vbd };
    }
    if (c === 'n' && onExternalNetwork(engine, vm)) {
      return installed !== undefined ? { kind: 'os', installed } : { kind: 'install', os: templateOsOf(engine, vm), source: networkRepo ? repository : 'pxe' };
    }
  }
  if (installed === undefined && networkRepo && r.VIFs.length > 0) return { kind: 'install', os: templateOsOf(engine, vm), source: repository };
  return { kind: 'none' };
}

/** VM.start of a PV guest with nothing its bootloader can load fails, as pygrub does. */
export function assertBootable(engine: Engine, vm: string): void {
  const r = engine.world.get('VM', vm);
  if (isHvm(r)) return;
  if (bootTarget(engine, vm).kind === 'none') throw xenError('BOOTLOADER_FAILED', vm, 'Unable to find partition containing kernel');
}
