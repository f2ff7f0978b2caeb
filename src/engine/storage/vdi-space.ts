// SR space accounting, in one place: what a VDI occupies on a thin (sparse VHD
// files) or thick (LVHD volumes) SR, and the only functions that change an SR's
// physical_utilisation and virtual_allocation as VDIs are created, resized and
// destroyed. For every SR: physical_utilisation = its empty footprint
// (emptySrUtilisation) + Σ its VDIs' physical_utilisation, and
// virtual_allocation = Σ its VDIs' virtual_size. A VDI that does not fit is
// refused with SR_FULL. (Snapshots and VHD chains should build on these.)
import type { VDIRecord } from '../../xapi/types';
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { requestGc } from './gc-request';

const MiB = 1024 ** 2;

/** SR types whose VDIs are sparse VHD files (thin): they take space as the guest writes. */
export const THIN_SR_TYPES: ReadonlySet<string> = new Set(['nfs', 'ext', 'smb', 'file', 'gfs2']);

export function isThinSr(type: string): boolean {
  return THIN_SR_TYPES.has(type);
}

/** Bytes a VHD of `size` takes on an LVM SR: data + BAT/bitmaps (≈ size/4096 + 2 MiB), whole 4 MiB extents. */
export function lvhdSize(size: number): number {
  const extent = 4 * MiB;
  return Math.ceil((size + size / 4096 + 2 * MiB) / extent) * extent;
}

/**
 * Bytes a new, never-written VHD file of `size` takes: footer copy, header and
 * the block allocation table (4 bytes per 2 MiB block, in 512-byte sectors).
 */
export function emptyVhdFileSize(size: number): number {
  const bat = Math.ceil((Math.ceil(size / (2 * MiB)) * 4) / 512) * 512;
  return 512 + 1024 + bat + 512;
}

/** What an SR with no VDIs occupies: LVHD's management volume on a thick SR, nothing on a thin one. */
export function emptySrUtilisation(allocation: 'thin' | 'thick'): number {
  return allocation === 'thick' ? 4 * MiB : 0;
}

/** What a fresh VDI of `size` occupies on an SR of `type`: all of it when thick, its metadata when thin. */
export function newVdiFootprint(type: string, size: number): number {
  if (type === 'iso' || type === 'udev') return size;
  return isThinSr(type) ? emptyVhdFileSize(size) : lvhdSize(size);
}

/** Bytes the guest has written into a VDI (all of a thick disk: it is allocated up front). */
export function writtenBytes(srType: string, vdi: Pick<VDIRecord, 'virtual_size' | 'physical_utilisation'>): number {
  if (!isThinSr(srType)) return vdi.virtual_size;
  return Math.max(0, Math.min(vdi.virtual_size, vdi.physical_utilisation - emptyVhdFileSize(vdi.virtual_size)));
}

/** What a VDI occupies once grown to `size`: a bigger BAT on a thin SR (data stays), the whole new volume on a thick one. */
export function resizedFootprint(srType: string, vdi: Pick<VDIRecord, 'virtual_size' | 'physical_utilisation'>, size: number): number {
  return isThinSr(srType) ? vdi.physical_utilisation + emptyVhdFileSize(size) - emptyVhdFileSize(vdi.virtual_size) : lvhdSize(size);
}

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

/** Change a VDI's virtual size and what it occupies, keeping its SR's totals exact. */
export function resizeVdiSpace(engine: Engine, vdi: string, virtualSize: number, physical: number): void {
  const record = engine.world.get('VDI', vdi);
  const grow = physical - record.physical_utilisation;
  const free = srFreeSpace(engine, record.SR);
  if (grow > free) throw xenError('SR_FULL', grow, free);
  const sr = engine.world.get('SR', record.SR);
  engine.world.update('VDI', vdi, { virtual_size: virtualSize, physical_utilisation: physical });
  engine.world.update('SR', record.SR, {
    physical_utilisation: sr.physical_utilisation + grow,
    virtual_allocation: sr.virtual_allocation + virtualSize - record.virtual_size,
  });
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
  // Its parent in a VHD chain may now be garbage, or coalescable (vhd-gc.ts).
  if (record.sm_config['vhd-parent'] !== undefined) requestGc(engine, record.SR);
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
