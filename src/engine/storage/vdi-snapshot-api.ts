// VDI.snapshot (xapi_vdi.ml → SM vdi_snapshot): a snapshot of one disk, with
// no VM record: the VDI becomes an empty leaf over a new base copy and the
// new VDI (is_a_snapshot, snapshot_of the disk, snapshot_time now) is a second
// empty child of it, as vhd-chain.snapshotVdi does for VM.snapshot.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { define, ref, type MethodTable } from '../api/registry';
import { assertCanSnapshotVdi, isVhdSr, snapshotVdi } from './vhd-chain';
import { startWrites } from './vhd-writes';
import { assertSrPlugged } from './sr-checks';

function snapshot(engine: Engine, vdi: string): string {
  const record = engine.world.get('VDI', vdi);
  assertSrPlugged(engine, record.SR);
  if (!record.managed) throw xenError('VDI_NOT_MANAGED', vdi);
  const srType = engine.world.get('SR', record.SR).type;
  // ISO libraries and removable devices have no VHDs to snapshot (SM's capability check).
  if (!isVhdSr(srType)) throw xenError('SR_OPERATION_NOT_SUPPORTED', record.SR);
  if (record.type === 'suspend' || record.type === 'crashdump') throw xenError('VDI_INCOMPATIBLE_TYPE', vdi, record.type);
  engine.operations.assertFree('VDI', vdi, 'snapshot');
  assertCanSnapshotVdi(engine, vdi); // SM's own checks: storage reachable, chain depth
  const made = snapshotVdi(engine, vdi, engine.datetime());
  startWrites(engine); // the leaf now grows as its guest writes
  return made;
}

export function defineVdiSnapshotApi(table: MethodTable): void {
  define(table, {
    name: 'VDI.snapshot',
    params: [
      { name: 'vdi', type: ref('VDI') },
      { name: 'driver_params', type: 'string_map' },
    ],
    // Older clients call VDI.snapshot(session, vdi).
    optionalTail: 1,
    async: true,
    run: ({ engine }, [vdi]) => snapshot(engine, vdi as string),
  });
}
