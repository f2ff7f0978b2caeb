// What an SR holds as the pool sees it: ISO libraries list the .iso files on
// their share as VDIs (SR.scan adds new files, drops vanished ones); and
// forgetting an SR drops its records, not its data, from the pool.
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { createVdi, destroyVdi } from './vdi-space';

/** Make the ISO VDIs of an SR match the files on its storage. */
export function syncIsoVdis(engine: Engine, sr: string, isos: readonly (readonly [string, number])[]): void {
  const record = engine.world.get('SR', sr);
  const present = new Map<string, string>();
  for (const vdi of record.VDIs) {
    const v = engine.world.find('VDI', vdi);
    if (v !== undefined) present.set(v.location, vdi);
  }
  const wanted = new Set(isos.map(([file]) => file));
  for (const [location, vdi] of present) {
    if (!wanted.has(location) && engine.world.find('VDI', vdi)?.VBDs.length === 0) destroyVdi(engine, vdi);
  }
  for (const [file, size] of isos) {
    if (present.has(file)) continue;
    createVdi(engine, sr, {
      name_label: file,
      name_description: '',
      location: file,
      type: 'user',
      virtual_size: size,
      physical_utilisation: size,
      read_only: false,
      sharable: false,
      sm_config: {},
      other_config: {},
      allowed_operations: ['clone', 'copy', 'snapshot', 'destroy', 'forget', 'update'],
    });
  }
}

/**
 * Remove an SR and everything the pool knew of it (xapi's really_forget):
 * its PBDs and VDIs; halted VMs lose their disks on it (CD drives become
 * empty), and pool/host pointers to it are cleared.
 */
export function forgetSr(engine: Engine, sr: string): void {
  const { world } = engine;
  const record = world.get('SR', sr);
  for (const vdi of record.VDIs) {
    const v = world.find('VDI', vdi);
    if (v === undefined) continue;
    for (const vbd of v.VBDs) {
      const b = world.find('VBD', vbd);
      if (b === undefined) continue;
      if (b.type === 'CD') world.update('VBD', vbd, { VDI: NULL_REF, empty: true });
      else world.destroy('VBD', vbd);
    }
    world.destroy('VDI', vdi);
  }
  for (const pbd of record.PBDs) if (world.has('PBD', pbd)) world.destroy('PBD', pbd);
  for (const [pool, p] of world.entries('pool')) {
    const patch: Record<string, string> = {};
    if (p.default_SR === sr) patch['default_SR'] = NULL_REF;
    if (p.suspend_image_SR === sr) patch['suspend_image_SR'] = NULL_REF;
    if (p.crash_dump_SR === sr) patch['crash_dump_SR'] = NULL_REF;
    if (Object.keys(patch).length > 0) world.update('pool', pool, patch);
  }
  for (const [host, h] of world.entries('host')) {
    if (h.suspend_image_sr === sr) world.update('host', host, { suspend_image_sr: NULL_REF });
    if (h.crash_dump_sr === sr) world.update('host', host, { crash_dump_sr: NULL_REF });
  }
  for (const [vm, v] of world.entries('VM')) if (v.suspend_SR === sr) world.update('VM', vm, { suspend_SR: NULL_REF });
  world.destroy('SR', sr);
}
