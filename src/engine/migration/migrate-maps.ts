// The vdi_map and vif_map of VM.migrate_send / VM.assert_can_migrate, checked
// as xapi does (xapi_vm_migrate.ml):
//  - entries for other objects than this VM's disks and VIFs are ignored; a
//    named SR or network must exist (HANDLE_INVALID);
//  - within a pool a disk left out stays on its SR and a VIF left out keeps
//    its network (both must then be reachable from the destination, which the
//    boot checks verify);
//  - across pools every disk must be mapped (check_vdi_map: VDI_NOT_IN_MAP
//    [vdi]), and every VIF must be mapped, or share its MAC with a mapped VIF
//    (infer_vif_map: VIF_NOT_IN_MAP [vif]), since nothing of the source pool
//    exists on the other side.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { poolOfHost, poolOfVm } from '../pool/membership';

/** VDI → destination SR (Storage XenMotion). */
export type VdiMap = Readonly<Record<string, string>>;
/** VIF → destination network. */
export type VifMap = Readonly<Record<string, string>>;

export interface MigrateMaps {
  readonly vdiMap: VdiMap;
  readonly vifMap: VifMap;
}

/** Whether `host` is in another pool than the one `vm` belongs to now. */
export function isCrossPool(engine: Engine, vm: string, host: string): boolean {
  return poolOfHost(engine, host) !== poolOfVm(engine, vm);
}

/** The VM's disks (VBDs of type Disk with a VDI): what Storage XenMotion moves. */
export function vmDisks(engine: Engine, vm: string): string[] {
  const out: string[] = [];
  for (const vbd of engine.world.get('VM', vm).VBDs) {
    const record = engine.world.find('VBD', vbd);
    if (record !== undefined && record.type === 'Disk' && !record.empty && record.VDI !== NULL_REF) out.push(record.VDI);
  }
  return out;
}

function checkVdiMap(engine: Engine, vm: string, map: Readonly<Record<string, string>>, crossPool: boolean): VdiMap {
  const disks = vmDisks(engine, vm);
  const mine = new Set(engine.world.get('VM', vm).VBDs.map((vbd) => engine.world.find('VBD', vbd)?.VDI));
  const out: Record<string, string> = {};
  for (const [vdi, sr] of Object.entries(map)) {
    if (!mine.has(vdi)) continue;
    if (!engine.world.has('SR', sr)) throw xenError('HANDLE_INVALID', 'SR', sr);
    out[vdi] = sr;
  }
  if (crossPool) for (const vdi of disks) if (out[vdi] === undefined) throw xenError('VDI_NOT_IN_MAP', vdi);
  return out;
}

function checkVifMap(engine: Engine, vm: string, map: Readonly<Record<string, string>>, crossPool: boolean): VifMap {
  const vifs = engine.world.get('VM', vm).VIFs;
  const out: Record<string, string> = {};
  for (const [vif, network] of Object.entries(map)) {
    if (!vifs.includes(vif)) continue;
    if (!engine.world.has('network', network)) throw xenError('HANDLE_INVALID', 'network', network);
    out[vif] = network;
  }
  if (!crossPool) return out;
  const macOf = (vif: string) => engine.world.find('VIF', vif)?.MAC ?? '';
  for (const vif of vifs) {
    if (out[vif] !== undefined) continue;
    const twin = Object.keys(out).find((mapped) => macOf(mapped) === macOf(vif));
    if (twin === undefined) throw xenError('VIF_NOT_IN_MAP', vif);
    out[vif] = out[twin] ?? '';
  }
  return out;
}

/** The maps for `vm` going to `host`, checked; throws the XenAPI error otherwise. */
export function checkMigrateMaps(engine: Engine, vm: string, host: string, vdiMap: Readonly<Record<string, string>>, vifMap: Readonly<Record<string, string>>): MigrateMaps {
  const crossPool = isCrossPool(engine, vm, host);
  return { vdiMap: checkVdiMap(engine, vm, vdiMap, crossPool), vifMap: checkVifMap(engine, vm, vifMap, crossPool) };
}
