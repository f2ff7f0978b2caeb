// VDI.create, VDI.resize and VDI.destroy with xapi's checks (ocaml/xapi/xapi_vdi.ml):
// the SR must be plugged somewhere and support the operation; a disk in use
// by a running VM is refused (VDI_IN_USE); space is accounted exactly on the SR
// (a thick SR reserves the whole disk, a thin one only the VHD's metadata),
// and a disk that does not fit is refused with SR_FULL. VDI.copy/clone live
// in vdi-copy.ts.
import { assertNoSmOwnedKeys } from './vdi-sm-config-api';
import { XenApiError, xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { readCreateRecord } from '../api/create-record';
import { toInt } from '../api/param-check';
import { define, ref, type MethodTable } from '../api/registry';
import { assertSrCanCreateVdis, assertSrNotMedia, assertSrPlugged } from './sr-checks';
import { createVdi, destroyVdi, newVdiFootprint, resizedFootprint, resizeVdiSpace } from './vdi-space';

/** VDI.allowed_operations of a disk no running VM holds (what xapi lists for a detached VHD). */
export const DETACHED_VDI_OPERATIONS = ['clone', 'copy', 'resize', 'snapshot', 'mirror', 'destroy', 'forget', 'update', 'generate_config', 'enable_cbt'] as const;

/** Whether a VBD of a running (or paused) VM holds the disk. */
export function vdiAttached(engine: Engine, vdi: string): boolean {
  return engine.world.get('VDI', vdi).VBDs.some((vbd) => engine.world.find('VBD', vbd)?.currently_attached === true);
}

/** The fields of a new VDI record common to VDI.create, VDI.copy and provisioning. */
export interface NewVdi {
  readonly name_label: string;
  readonly name_description: string;
  readonly virtual_size: number;
  readonly type: string;
  readonly sharable: boolean;
  readonly read_only: boolean;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly xenstore_data?: Readonly<Record<string, string>>;
  readonly sm_config?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
}

/** Make a managed VHD-backed VDI on `sr`, taking its footprint from the SR's free space. */
export function makeVdi(engine: Engine, sr: string, spec: NewVdi): string {
  assertSrPlugged(engine, sr);
  assertSrCanCreateVdis(engine, sr);
  if (spec.type === 'cbt_metadata') throw xenError('VDI_INCOMPATIBLE_TYPE', '', 'cbt_metadata');
  if (!(spec.virtual_size >= 0)) throw xenError('INVALID_VALUE', 'virtual_size', String(spec.virtual_size));
  const uuid = engine.rng.uuid();
  const srType = engine.world.get('SR', sr).type;
  return createVdi(engine, sr, {
    uuid,
    location: uuid,
    name_label: spec.name_label,
    name_description: spec.name_description,
    type: spec.type as never,
    virtual_size: spec.virtual_size,
    physical_utilisation: newVdiFootprint(srType, spec.virtual_size),
    sharable: spec.sharable,
    read_only: spec.read_only,
    managed: true,
    other_config: spec.other_config ?? {},
    xenstore_data: spec.xenstore_data ?? {},
    sm_config: { ...spec.sm_config, vdi_type: 'vhd' },
    tags: spec.tags ?? [],
    allowed_operations: [...DETACHED_VDI_OPERATIONS],
  });
}

/** The VDI itself goes with the VBDs still pointing at it (VDI.destroy's rule). */
export function assertVdiDestroyable(engine: Engine, vdi: string): void {
  const record = engine.world.get('VDI', vdi);
  // A hidden VHD parent (a snapshot's base copy) is SM's: only its GC removes it.
  if (!record.managed) throw xenError('VDI_NOT_MANAGED', vdi);
  if (record.type === 'suspend' && [...engine.world.entries('VM')].some(([, vm]) => vm.suspend_VDI === vdi)) {
    throw xenError('VDI_IN_USE', vdi, 'destroy');
  }
  if (vdiAttached(engine, vdi)) throw xenError('VDI_IN_USE', vdi, 'destroy');
  if (Object.keys(record.current_operations).length > 0) {
    const [task, op] = Object.entries(record.current_operations)[0] ?? ['', ''];
    throw xenError('OTHER_OPERATION_IN_PROGRESS', 'VDI', vdi, op, task);
  }
}

export function destroyVdiAndVbds(engine: Engine, vdi: string): void {
  for (const vbd of engine.world.get('VDI', vdi).VBDs) if (engine.world.has('VBD', vbd)) engine.world.destroy('VBD', vbd);
  destroyVdi(engine, vdi);
}

function resize(engine: Engine, vdi: string, size: number): void {
  const record = engine.world.get('VDI', vdi);
  assertSrPlugged(engine, record.SR);
  if (!record.managed) throw xenError('VDI_NOT_MANAGED', vdi);
  assertSrNotMedia(engine, record.SR);
  if (vdiAttached(engine, vdi)) throw xenError('VDI_IN_USE', vdi, 'resize');
  engine.operations.assertFree('VDI', vdi, 'resize');
  // The VHD backends grow only; shrinking is refused by SM (VDISize, error 79).
  if (size < record.virtual_size) {
    throw new XenApiError('SR_BACKEND_FAILURE_79', ['', 'VDI Invalid size [opterr=shrinking not allowed]', '']);
  }
  if (size === record.virtual_size) return;
  resizeVdiSpace(engine, vdi, size, resizedFootprint(engine.world.get('SR', record.SR).type, record, size));
}

export function defineVdiApi(table: MethodTable): void {
  define(table, {
    name: 'VDI.create',
    params: [{ name: 'args', type: 'any' }],
    async: true,
    run: ({ engine }, [args]) => {
      const r = readCreateRecord(engine, 'VDI', args);
      const sr = r['SR'] as string;
      if (sr === NULL_REF || !engine.world.has('SR', sr)) throw xenError('HANDLE_INVALID', 'SR', sr);
      if (r['sm_config'] !== undefined) assertNoSmOwnedKeys(r['sm_config'] as Record<string, string>);
      return makeVdi(engine, sr, {
        name_label: (r['name_label'] as string | undefined) ?? '',
        name_description: (r['name_description'] as string | undefined) ?? '',
        virtual_size: r['virtual_size'] as number,
        type: r['type'] as string,
        sharable: r['sharable'] as boolean,
        read_only: r['read_only'] as boolean,
        other_config: r['other_config'] as Record<string, string>,
        ...(r['xenstore_data'] === undefined ? {} : { xenstore_data: r['xenstore_data'] as Record<string, string> }),
        ...(r['sm_config'] === undefined ? {} : { sm_config: r['sm_config'] as Record<string, string> }),
        ...(r['tags'] === undefined ? {} : { tags: r['tags'] as string[] }),
      });
    },
  });

  define(table, {
    name: 'VDI.resize',
    params: [
      { name: 'vdi', type: ref('VDI') },
      { name: 'size', type: 'int' },
    ],
    async: true,
    run: ({ engine }, [vdi, size]) => resize(engine, vdi as string, toInt(size)),
  });

  define(table, {
    name: 'VDI.destroy',
    params: [{ name: 'self', type: ref('VDI') }],
    async: true,
    run: ({ engine }, [self]) => {
      assertVdiDestroyable(engine, self as string);
      destroyVdiAndVbds(engine, self as string);
    },
  });
}
