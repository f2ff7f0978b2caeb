// Creating and destroying VDIs with the SR's space accounting kept true:
// physical_utilisation grows by what the VDI occupies, virtual_allocation by
// its virtual size; a VDI that does not fit is refused with SR_FULL.
import type { VDIRecord } from '../../xapi/types';
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';

export function srFreeSpace(engine: Engine, sr: string): number {
  const record = engine.world.get('SR', sr);
  return record.physical_size - record.physical_utilisation;
}

export function createVdi(engine: Engine, sr: string, fields: Partial<VDIRecord> & { virtual_size: number }): string {
  const used = fields.physical_utilisation ?? fields.virtual_size;
  const free = srFreeSpace(engine, sr);
  if (used > free) throw xenError('SR_FULL', used, free);
  const vdi = engine.world.create('VDI', { managed: true, ...fields, SR: sr, physical_utilisation: used });
  const record = engine.world.get('SR', sr);
  engine.world.update('SR', sr, {
    physical_utilisation: record.physical_utilisation + used,
    virtual_allocation: record.virtual_allocation + fields.virtual_size,
  });
  return vdi;
}

export function destroyVdi(engine: Engine, vdi: string): void {
  const record = engine.world.get('VDI', vdi);
  for (const vbd of record.VBDs) engine.world.update('VBD', vbd, { VDI: 'OpaqueRef:NULL', empty: true });
  engine.world.destroy('VDI', vdi);
  const sr = engine.world.find('SR', record.SR);
  if (sr === undefined) return;
  engine.world.update('SR', record.SR, {
    physical_utilisation: Math.max(0, sr.physical_utilisation - record.physical_utilisation),
    virtual_allocation: Math.max(0, sr.virtual_allocation - record.virtual_size),
  });
}

/** Sequential bandwidth of an SR type in bytes/s (for suspend images, copies). */
export function srBandwidth(type: string): number {
  const MB = 1e6;
  switch (type) {
    case 'lvm':
    case 'ext':
      return 250 * MB; // a local SATA/SAS array
    case 'nfs':
    case 'smb':
    case 'lvmoiscsi':
      return 110 * MB; // about a 1 Gbit/s storage network's payload
    case 'lvmohba':
    case 'lvmofcoe':
      return 400 * MB;
    default:
      return 100 * MB;
  }
}
