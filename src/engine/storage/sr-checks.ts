// The SR checks several XenAPI methods share, one helper per check, so that
// each method reads as its list of checks in xapi's order (xapi_sr.ml,
// xapi_vdi.ml, Sm.assert_pbd_is_plugged) and a check's error is the same
// wherever it is made.
import { xenError } from '../../xapi/errors';
import type { PBDRecord } from '../../xapi/types';
import type { Engine } from '../engine';
import type { World } from '../world/world';

/** The first of an SR's PBDs that is plugged (on `host`, if given): where the SR is attached. */
export function pluggedPbd(world: World, pbds: readonly string[], host?: string): PBDRecord | undefined {
  for (const ref of pbds) {
    const pbd = world.find('PBD', ref);
    if (pbd !== undefined && pbd.currently_attached && (host === undefined || pbd.host === host)) return pbd;
  }
  return undefined;
}

/** Whether SR `sr` is attached on `host` (a VM there can use its disks). */
export function srPluggedOn(world: World, sr: string, host: string): boolean {
  const record = world.find('SR', sr);
  return record !== undefined && pluggedPbd(world, record.PBDs, host) !== undefined;
}

/** ISO libraries and removable-media SRs (udev): their driver has no VDI create/resize/destroy. */
export function isMediaSrType(type: string): boolean {
  return type === 'iso' || type === 'udev';
}

/** Sm.assert_pbd_is_plugged: some host must have the SR attached (SR_HAS_NO_PBDS). Answers that attachment. */
export function assertSrPlugged(engine: Engine, sr: string): PBDRecord {
  const pbd = pluggedPbd(engine.world, engine.world.get('SR', sr).PBDs);
  if (pbd === undefined) throw xenError('SR_HAS_NO_PBDS', sr);
  return pbd;
}

/** SR.forget and SR.destroy: no host may still have the SR attached (SR_HAS_PBD). */
export function assertSrUnplugged(engine: Engine, sr: string): void {
  if (pluggedPbd(engine.world, engine.world.get('SR', sr).PBDs) !== undefined) throw xenError('SR_HAS_PBD', sr);
}

/** The SR's driver must support the operation: media SRs do not (SR_OPERATION_NOT_SUPPORTED). */
export function assertSrNotMedia(engine: Engine, sr: string): void {
  if (isMediaSrType(engine.world.get('SR', sr).type)) throw xenError('SR_OPERATION_NOT_SUPPORTED', sr);
}

/** SRs holding install media (ISO libraries, DVD drives) cannot make disks. */
export function assertSrCanCreateVdis(engine: Engine, sr: string): void {
  if (engine.world.get('SR', sr).content_type === 'iso') throw xenError('SR_OPERATION_NOT_SUPPORTED', sr);
  assertSrNotMedia(engine, sr);
}
