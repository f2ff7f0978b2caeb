// VHD chains, as SM keeps them on file (thin) and LVHD (thick) SRs. A VDI
// names its parent in sm_config['vhd-parent'] (the parent's uuid), as SM
// does; a parent is a hidden, read-only "base copy" (managed = false) that
// holds the blocks written before a snapshot. Taking a snapshot of a leaf:
//   - a new base copy takes over the leaf's data (and its content version),
//   - the leaf becomes an empty child of it (thin: an empty VHD file; thick:
//     it stays fully inflated, LVHD reserves the whole disk for the writer),
//   - the snapshot VDI is a second, deflated empty child.
// Disk contents are modelled by a content version (sm_config
// 'xenlab-content'): writes give a leaf a new one, a snapshot and a revert
// copy it, so a test can prove a revert restored exactly what was taken.
// SM's vhdutil refuses to snapshot a VHD whose chain is MAX_CHAIN_SIZE (30) deep.
import type { VDIRecord } from '../../xapi/types';
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { srFailedSince } from '../faults/fault-state';
import { smError } from './sm-errors';
import { createVdi, emptyVhdFileSize, isThinSr, lvhdSize, resizeVdiSpace, srFreeSpace } from './vdi-space';

export const VHD_PARENT = 'vhd-parent';
export const CONTENT_KEY = 'xenlab-content';
/** vhdutil.MAX_CHAIN_SIZE: the longest VHD chain SM opens. */
export const MAX_CHAIN_SIZE = 30;

const MiB = 1024 ** 2;
const EXTENT = 4 * MiB;

/** What an empty, deflated VHD of `size` occupies: its metadata (whole 4 MiB extents on LVM). */
export function emptyLeafFootprint(srType: string, size: number): number {
  const meta = emptyVhdFileSize(size);
  return isThinSr(srType) ? meta : Math.ceil(meta / EXTENT) * EXTENT;
}

/** Bytes of guest data a VHD node holds (a thick node: all of it, LVHD inflates fully). */
export function nodeData(srType: string, vdi: Pick<VDIRecord, 'virtual_size' | 'physical_utilisation'>): number {
  // A thick node is inflated (all of it written) or a deflated empty snapshot leaf.
  if (!isThinSr(srType)) return vdi.physical_utilisation >= lvhdSize(vdi.virtual_size) ? vdi.virtual_size : 0;
  return Math.max(0, Math.min(vdi.virtual_size, vdi.physical_utilisation - emptyVhdFileSize(vdi.virtual_size)));
}

/** What a base copy holding `data` bytes occupies once deflated. */
function baseFootprint(srType: string, size: number, data: number): number {
  return isThinSr(srType) ? emptyVhdFileSize(size) + data : lvhdSize(Math.min(size, data));
}

export function contentOf(vdi: Pick<VDIRecord, 'sm_config' | 'uuid'>): string {
  return vdi.sm_config[CONTENT_KEY] ?? vdi.uuid;
}

/** The VDI ref of a VDI's VHD parent on its SR, or NULL_REF. */
export function vhdParent(engine: Engine, vdi: string): string {
  const r = engine.world.get('VDI', vdi);
  const uuid = r.sm_config[VHD_PARENT];
  if (uuid === undefined) return NULL_REF;
  for (const other of engine.world.get('SR', r.SR).VDIs) {
    if (engine.world.find('VDI', other)?.uuid === uuid) return other;
  }
  return NULL_REF;
}

/** VDIs on the same SR whose VHD parent is `vdi`. */
export function vhdChildren(engine: Engine, vdi: string): string[] {
  const r = engine.world.get('VDI', vdi);
  return engine.world.get('SR', r.SR).VDIs.filter((v) => engine.world.find('VDI', v)?.sm_config[VHD_PARENT] === r.uuid);
}

/** How many VHDs a read of `vdi` walks: itself and its ancestors. */
export function chainLength(engine: Engine, vdi: string): number {
  let n = 1;
  for (let p = vhdParent(engine, vdi); p !== NULL_REF && n <= MAX_CHAIN_SIZE + 1; p = vhdParent(engine, p)) n++;
  return n;
}

/**
 * Bytes of guest data a read of `vdi` sees: its own blocks and its ancestors'
 * (what a full copy moves). A snapshot VDI holds nothing itself: its data is
 * all in its base copies.
 */
export function chainData(engine: Engine, vdi: string): number {
  const r = engine.world.get('VDI', vdi);
  const type = engine.world.get('SR', r.SR).type;
  let sum = 0;
  let n = 0;
  for (let v = vdi; v !== NULL_REF && n <= MAX_CHAIN_SIZE; v = vhdParent(engine, v), n++) sum += nodeData(type, engine.world.get('VDI', v));
  return Math.min(r.virtual_size, sum);
}

/** SRs whose disks are VHD chains (not ISO libraries, DVD drives or raw LUNs). */
export function isVhdSr(srType: string): boolean {
  return srType !== 'iso' && srType !== 'udev';
}

/** Space a snapshot of `vdi` will take beyond what it occupies now. */
export function snapshotCost(engine: Engine, vdi: string): number {
  const r = engine.world.get('VDI', vdi);
  const type = engine.world.get('SR', r.SR).type;
  const size = r.virtual_size;
  const leafAfter = isThinSr(type) ? emptyVhdFileSize(size) : r.physical_utilisation;
  return baseFootprint(type, size, nodeData(type, r)) + emptyLeafFootprint(type, size) + leafAfter - r.physical_utilisation;
}

/**
 * SM's checks before it snapshots a VHD (FileSR/LVHDSR `_snapshot`): a VDI it
 * cannot reach (its SR failed: Simulator.inject_fault 'sr-failed') is
 * VDIUnavailable (46), a chain already MAX_CHAIN_SIZE deep SnapshotChainTooLong
 * (109). xapi passes both on as SR_BACKEND_FAILURE_<code>; its own
 * VM_HAS_TOO_MANY_SNAPSHOTS is a migration error, never a snapshot one.
 */
export function assertCanSnapshotVdi(engine: Engine, vdi: string): void {
  const r = engine.world.get('VDI', vdi);
  if (srFailedSince(engine, r.SR) !== undefined) throw smError('VDIUnavailable', `VDI ${r.uuid} unavailable: the SR's storage has failed`);
  if (chainLength(engine, vdi) >= MAX_CHAIN_SIZE) throw smError('SnapshotChainTooLong');
}

/**
 * Snapshot the leaf `vdi`: a base copy under it takes its data, the leaf and the
 * new snapshot VDI are empty children of the base. Returns the snapshot VDI.
 */
export function snapshotVdi(engine: Engine, vdi: string, snapshotTime: string): string {
  const r = engine.world.get('VDI', vdi);
  const type = engine.world.get('SR', r.SR).type;
  const size = r.virtual_size;
  const cost = snapshotCost(engine, vdi);
  const free = srFreeSpace(engine, r.SR);
  if (cost > free) throw xenError('SR_FULL', cost, free);
  const content = contentOf(r);
  const baseUuid = engine.rng.uuid();
  const baseSm: Record<string, string> = { [CONTENT_KEY]: content, 'vdi_type': 'vhd' };
  const oldParent = r.sm_config[VHD_PARENT];
  if (oldParent !== undefined) baseSm[VHD_PARENT] = oldParent;
  const data = nodeData(type, r);
  // The leaf gives its blocks to the base first, so the SR never shows them twice.
  resizeVdiSpace(engine, vdi, size, isThinSr(type) ? emptyVhdFileSize(size) : r.physical_utilisation);
  engine.world.update('VDI', vdi, { sm_config: { ...r.sm_config, [VHD_PARENT]: baseUuid, [CONTENT_KEY]: content } });
  createVdi(engine, r.SR, {
    uuid: baseUuid,
    location: baseUuid,
    name_label: 'base copy',
    virtual_size: size,
    physical_utilisation: baseFootprint(type, size, data),
    type: r.type,
    read_only: true,
    managed: false,
    sm_config: baseSm,
  });
  const uuid = engine.rng.uuid();
  return createVdi(engine, r.SR, {
    uuid,
    location: uuid,
    name_label: r.name_label,
    name_description: r.name_description,
    virtual_size: size,
    physical_utilisation: emptyLeafFootprint(type, size),
    type: r.type,
    sharable: r.sharable,
    read_only: r.read_only,
    is_a_snapshot: true,
    snapshot_of: vdi,
    snapshot_time: snapshotTime,
    other_config: r.other_config,
    xenstore_data: r.xenstore_data,
    tags: r.tags,
    sm_config: { [VHD_PARENT]: baseUuid, [CONTENT_KEY]: content, 'vdi_type': 'vhd' },
  });
}

/**
 * A new writable leaf over the same parent as the snapshot VDI `src` (which
 * holds no blocks of its own: its data is all in its parent), with its
 * content: what VM.revert and a VM made from a snapshot get.
 */
export function cloneLeafOf(engine: Engine, src: string): string {
  const r = engine.world.get('VDI', src);
  const type = engine.world.get('SR', r.SR).type;
  const size = r.virtual_size;
  const sm: Record<string, string> = { [CONTENT_KEY]: contentOf(r), 'vdi_type': 'vhd' };
  const parentUuid = r.sm_config[VHD_PARENT];
  if (parentUuid !== undefined) sm[VHD_PARENT] = parentUuid;
  const footprint = isThinSr(type) ? emptyVhdFileSize(size) : lvhdSize(size);
  const free = srFreeSpace(engine, r.SR);
  if (footprint > free) throw xenError('SR_FULL', footprint, free);
  const uuid = engine.rng.uuid();
  return createVdi(engine, r.SR, {
    uuid,
    location: uuid,
    name_label: r.name_label,
    name_description: r.name_description,
    virtual_size: size,
    physical_utilisation: footprint,
    type: r.type,
    sharable: r.sharable,
    read_only: false,
    other_config: r.other_config,
    xenstore_data: r.xenstore_data,
    tags: r.tags,
    sm_config: sm,
  });
}

/** A short, deterministic content id for what `vdi` holds after a write at virtual time `t`. */
function nextContent(uuid: string, previous: string, t: number): string {
  let h = 2166136261;
  for (const ch of `${uuid}|${previous}|${String(t)}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * The guest wrote `bytes` into the leaf `vdi`, `fresh` of them into blocks
 * it did not hold: new content, and a thin leaf grows (up to the disk's size
 * and the SR's room).
 */
export function writeToLeaf(engine: Engine, vdi: string, bytes: number, fresh: number): void {
  const r = engine.world.get('VDI', vdi);
  if (bytes <= 0 || r.read_only || !r.managed) return;
  const type = engine.world.get('SR', r.SR).type;
  if (isThinSr(type)) {
    const room = r.virtual_size - nodeData(type, r);
    const grow = Math.min(Math.floor(fresh), room, Math.max(0, srFreeSpace(engine, r.SR)));
    if (grow > 0) resizeVdiSpace(engine, vdi, r.virtual_size, r.physical_utilisation + grow);
  }
  const sm = engine.world.get('VDI', vdi).sm_config;
  engine.world.update('VDI', vdi, { sm_config: { ...sm, [CONTENT_KEY]: nextContent(r.uuid, contentOf(r), engine.now) } });
}
