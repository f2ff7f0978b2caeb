// What stays on the storage when the pool forgets an SR. SR.forget drops the
// pool's records (xapi's really_forget), not the data: the NFS directory, the
// LVM volume group on the LUN or the local disk still hold the SR, its UUID
// and its virtual disks. A later SR.probe of that location finds the SR by its
// UUID, SR.introduce brings the record back, and the first PBD.plug lets the
// driver find its VDIs again (as a scan after attach does). This lives in the
// lab store — the world outside the pool — so it is saved with the snapshot.
// Destroying an SR, or creating a new SR over the same LUN or disk, wipes it.
import type { VDIRecord } from '../../xapi/types';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import type { ForgottenSr, ForgottenVdi } from '../lab/lab-store';
import { pluggedPbd } from './sr-checks';
import { storageKey } from './sr-drivers';
import { createVdi } from './vdi-space';

/** The storage location an SR's PBDs name (undefined when it has none, or the storage is unknown). */
/** Where a forgotten SR is kept: the same UUID may have been attached (and left) at two locations. */
const entryId = (uuid: string, key: string): string => `${uuid}@${key}`;

export function srStorageKey(engine: Engine, sr: string): string | undefined {
  const record = engine.world.get('SR', sr);
  for (const pbd of record.PBDs) {
    const p = engine.world.find('PBD', pbd);
    const key = p === undefined ? undefined : storageKey(engine, record.type, p.host, p.device_config);
    if (key !== undefined) return key;
  }
  return undefined;
}

function savedVdi(engine: Engine, v: VDIRecord): ForgottenVdi {
  const uuidOf = (ref: string): string => (ref === NULL_REF ? '' : (engine.world.find('VDI', ref)?.uuid ?? ''));
  return {
    uuid: v.uuid,
    name_label: v.name_label,
    name_description: v.name_description,
    type: v.type,
    virtual_size: v.virtual_size,
    physical_utilisation: v.physical_utilisation,
    sharable: v.sharable,
    read_only: v.read_only,
    location: v.location,
    managed: v.managed,
    is_a_snapshot: v.is_a_snapshot,
    snapshot_time: v.snapshot_time,
    sm_config: v.sm_config,
    other_config: v.other_config,
    xenstore_data: v.xenstore_data,
    tags: v.tags,
    on_boot: v.on_boot,
    allow_caching: v.allow_caching,
    allowed_operations: v.allowed_operations,
    snapshot_of: uuidOf(v.snapshot_of),
    parent: uuidOf(v.parent),
  };
}

/** Keep what SR.forget leaves on the storage (called before the records go). ISO libraries keep only files. */
export function rememberForgottenSr(engine: Engine, sr: string): void {
  const record = engine.world.get('SR', sr);
  const key = srStorageKey(engine, sr);
  if (key === undefined || record.content_type === 'iso') return;
  const vdis = record.VDIs.map((v) => engine.world.find('VDI', v))
    .filter((v): v is VDIRecord => v !== undefined)
    .map((v) => savedVdi(engine, v));
  const saved: ForgottenSr = {
    uuid: record.uuid,
    key,
    type: record.type,
    name_label: record.name_label,
    name_description: record.name_description,
    sm_config: record.sm_config,
    vdis,
  };
  engine.lab.update((s) => ({ ...s, forgottenSrs: { ...(s.forgottenSrs ?? {}), [entryId(record.uuid, key)]: saved } }));
}

/** UUIDs of forgotten SRs whose data is at this storage location (what a probe there finds besides the pool's). */
export function forgottenSrsAt(engine: Engine, key: string): string[] {
  return Object.values(engine.lab.state.forgottenSrs ?? {})
    .filter((f) => f.key === key)
    .map((f) => f.uuid);
}

function drop(engine: Engine, ids: readonly string[]): void {
  if (ids.length === 0) return;
  engine.lab.update((s) => {
    const rest = { ...(s.forgottenSrs ?? {}) };
    for (const id of ids) delete rest[id];
    return { ...s, forgottenSrs: rest };
  });
}

/** A new SR over a LUN or disk formats it: whatever SR was there is gone. */
export function wipeForgottenSrsAt(engine: Engine, key: string): void {
  drop(engine, forgottenSrsAt(engine, key).map((uuid) => entryId(uuid, key)));
}

/**
 * On the first attach of a re-introduced SR at the storage it was forgotten
 * on: recreate its VDIs (same UUIDs, sizes and space used, snapshot links
 * restored; no VBDs — which VM used a disk was the pool's record). The
 * storage then holds no forgotten SR of that UUID any more.
 */
export function restoreForgottenVdis(engine: Engine, sr: string, key: string): void {
  const record = engine.world.get('SR', sr);
  const id = entryId(record.uuid, key);
  const saved = engine.lab.state.forgottenSrs?.[id];
  if (saved === undefined) return;
  drop(engine, [id]);
  if (Object.keys(record.sm_config).length === 0 && Object.keys(saved.sm_config).length > 0) engine.world.update('SR', sr, { sm_config: saved.sm_config });
  const made = new Map<string, string>();
  for (const v of saved.vdis) {
    if (engine.world.refByUuid('VDI', v.uuid) !== undefined) continue; // a disk of that UUID came back another way
    const { snapshot_of: _s, parent: _p, ...fields } = v;
    made.set(v.uuid, createVdi(engine, sr, fields));
  }
  for (const v of saved.vdis) {
    const ref = made.get(v.uuid);
    if (ref === undefined) continue;
    const snapshotOf = engine.world.refByUuid('VDI', v.snapshot_of) ?? NULL_REF;
    const parent = engine.world.refByUuid('VDI', v.parent) ?? NULL_REF;
    if (snapshotOf !== NULL_REF || parent !== NULL_REF) engine.world.update('VDI', ref, { snapshot_of: snapshotOf, parent });
  }
}

/** World invariant: a forgotten SR is not also attached at its own location (its first plug takes it back). */
export function forgottenSrProblems(engine: Engine): string[] {
  const problems: string[] = [];
  for (const [id, saved] of Object.entries(engine.lab.state.forgottenSrs ?? {})) {
    const ref = engine.world.refByUuid('SR', saved.uuid);
    if (ref === undefined) continue;
    const plugged = pluggedPbd(engine.world, engine.world.get('SR', ref).PBDs) !== undefined;
    if (plugged && srStorageKey(engine, ref) === saved.key) problems.push(`forgotten SR ${id} is attached at its location but its disks were not restored`);
  }
  return problems;
}
