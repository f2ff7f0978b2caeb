// VDI.copy and VDI.clone. A copy makes the destination VDI at once (xapi's
// VDI.copy calls VDI.create first, so its space is taken before any data
// moves), then streams the data in virtual time at the slower SR's bandwidth;
// cancelling it destroys the half-made copy. A clone is a fast VHD clone on
// the same SR: a new leaf that shares the parent's data.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { define, PENDING, ref, type Call, type MethodTable } from '../api/registry';
import type { JobHandler } from '../jobs';
import { chainData, cloneLeafOf, CONTENT_KEY, contentOf, isVhdSr, VHD_PARENT } from './vhd-chain';
import { makeVdi } from './vdi-api';
import { assertSrCanCreateVdis, assertSrPlugged } from './sr-checks';
import { destroyVdi, emptyVhdFileSize, isThinSr, lvhdSize, resizeVdiSpace, srBandwidth, writtenBytes } from './vdi-space';

/** Setting up a copy: both disks are attached in dom0 before sparse_dd runs. */
const COPY_SETUP_SECONDS = 2;
/** A VHD clone: snapshot the leaf, create a new child (a metadata operation). */
export const CLONE_SECONDS = 0.5;

/**
 * Bytes a copy has to move: what the source has written (all of a thick
 * disk) — over its whole VHD chain, so a snapshot's copy holds the data its
 * base copies keep for it.
 */
export function dataOf(engine: Engine, vdi: string): number {
  const record = engine.world.get('VDI', vdi);
  const srType = engine.world.get('SR', record.SR).type;
  if (!isVhdSr(srType)) return writtenBytes(srType, record);
  return isThinSr(srType) ? chainData(engine, vdi) : record.virtual_size;
}

/** What the copy occupies on the destination SR once written. */
function copyFootprint(engine: Engine, src: string, sr: string): number {
  const record = engine.world.get('VDI', src);
  return isThinSr(engine.world.get('SR', sr).type) ? emptyVhdFileSize(record.virtual_size) + dataOf(engine, src) : lvhdSize(record.virtual_size);
}

/** Virtual seconds to copy `src` to SR `sr`. */
export function copySeconds(engine: Engine, src: string, sr: string): number {
  const from = engine.world.get('SR', engine.world.get('VDI', src).SR).type;
  const to = engine.world.get('SR', sr).type;
  return COPY_SETUP_SECONDS + dataOf(engine, src) / Math.min(srBandwidth(from), srBandwidth(to));
}

/** Create the copy of `src` on `sr` with its final footprint (SR_FULL if it cannot fit). */
export function createCopyTarget(engine: Engine, src: string, sr: string): string {
  const r = engine.world.get('VDI', src);
  if (!r.managed) throw xenError('VDI_NOT_MANAGED', src);
  const dst = makeVdi(engine, sr, {
    name_label: r.name_label,
    name_description: r.name_description,
    virtual_size: r.virtual_size,
    type: r.type,
    sharable: r.sharable,
    read_only: false, // CA-64962: a copy is always writable, so a read-only source can be copied
    other_config: r.other_config,
    xenstore_data: r.xenstore_data,
    tags: r.tags,
    // The same bytes: a revert or a copy can be proved by its content version.
    sm_config: { [CONTENT_KEY]: contentOf(r) },
  });
  const footprint = copyFootprint(engine, src, sr);
  const made = engine.world.get('VDI', dst);
  if (footprint > made.physical_utilisation) {
    try {
      resizeVdiSpace(engine, dst, made.virtual_size, footprint);
    } catch (e) {
      destroyVdi(engine, dst);
      throw e;
    }
  }
  return dst;
}

/** A fast clone of `src` on its own SR. */
export function cloneVdi(engine: Engine, src: string): string {
  const r = engine.world.get('VDI', src);
  if (!r.managed) throw xenError('VDI_NOT_MANAGED', src);
  assertSrCanCreateVdis(engine, r.SR);
  // A snapshot's disk: the clone is a new leaf over the snapshot's data (a VM or template from a snapshot).
  if (r.is_a_snapshot && r.sm_config[VHD_PARENT] !== undefined) return cloneLeafOf(engine, src);
  return makeVdi(engine, r.SR, {
    name_label: r.name_label,
    name_description: r.name_description,
    virtual_size: r.virtual_size,
    type: r.type,
    sharable: r.sharable,
    read_only: r.read_only,
    other_config: r.other_config,
    xenstore_data: r.xenstore_data,
    tags: r.tags,
    sm_config: { [CONTENT_KEY]: contentOf(r) },
  });
}

function copy(call: Call, src: string, sr: string, into: string): typeof PENDING {
  const { engine, task } = call;
  const record = engine.world.get('VDI', src);
  assertSrPlugged(engine, record.SR);
  let dst: string;
  let created = false;
  if (into !== NULL_REF) {
    if (!engine.world.has('VDI', into)) throw xenError('HANDLE_INVALID', 'VDI', into);
    const target = engine.world.get('VDI', into);
    if (target.read_only) throw xenError('VDI_READONLY', into);
    if (target.virtual_size < record.virtual_size) throw xenError('VDI_TOO_SMALL', into, record.virtual_size);
    engine.operations.assertFree('VDI', into, 'copy');
    dst = into;
  } else {
    engine.operations.assertFree('VDI', src, 'copy');
    dst = createCopyTarget(engine, src, sr);
    created = true;
  }
  const seconds = copySeconds(engine, src, engine.world.get('VDI', dst).SR);
  engine.operations.begin(
    task,
    [
      { cls: 'VDI', ref: src, op: 'copy' },
      { cls: 'VDI', ref: dst, op: 'copy' },
    ],
    { kind: 'vdi.copy.cancel', args: { task, dst, created } },
  );
  engine.tasks.progressOver(task, seconds);
  engine.scheduler.after(seconds, 'vdi.copy.done', { task, dst, src });
  return PENDING;
}

const copyDone: JobHandler = (engine, a) => {
  // Copied into an existing disk: it now holds the source's bytes.
  const dst = a['dst'] as string;
  const src = a['src'];
  if (typeof src === 'string' && engine.world.has('VDI', src) && engine.world.has('VDI', dst)) {
    const content = contentOf(engine.world.get('VDI', src));
    engine.world.update('VDI', dst, { sm_config: { ...engine.world.get('VDI', dst).sm_config, [CONTENT_KEY]: content } });
  }
  engine.tasks.succeed(a['task'] as string, a['dst'] as string);
};

const copyCancel: JobHandler = (engine, a) => {
  const dst = a['dst'] as string;
  if (a['created'] === true && engine.world.has('VDI', dst)) {
    engine.operations.end(a['task'] as string);
    destroyVdi(engine, dst);
  }
};

export const VDI_COPY_JOBS: readonly (readonly [string, JobHandler])[] = [
  ['vdi.copy.done', copyDone],
  ['vdi.copy.cancel', copyCancel],
];

export function defineVdiCopyApi(table: MethodTable): void {
  define(table, {
    name: 'VDI.copy',
    params: [
      { name: 'vdi', type: ref('VDI') },
      { name: 'sr', type: ref('SR') },
      // Refs that may be NULL: checked in copy().
      { name: 'base_vdi', type: 'string' },
      { name: 'into_vdi', type: 'string' },
    ],
    // Older clients (XenCenter's VDI.async_copy(session, vdi, sr)) give only vdi and sr.
    optionalTail: 2,
    async: true,
    cancellable: true,
    run: (call, [vdi, sr, , into]) => copy(call, vdi as string, sr as string, typeof into === 'string' ? into : NULL_REF),
  });
  define(table, {
    name: 'VDI.clone',
    params: [
      { name: 'vdi', type: ref('VDI') },
      { name: 'driver_params', type: 'string_map' },
    ],
    optionalTail: 1,
    async: true,
    run: ({ engine }, [vdi]) => cloneVdi(engine, vdi as string),
  });
}
