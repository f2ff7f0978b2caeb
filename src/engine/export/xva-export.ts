// VM.export's XVA (ocaml/xapi/export.ml + stream_vdi.ml), for a VM, template
// or snapshot: a tar whose first file is ova.xml (ova-xml.ts) and then, per
// exported disk, its 1 MiB chunks "Ref:N/00000000" each followed by its
// XXH64 "Ref:N/00000000.xxhash". As xapi does:
//   - the table of exported objects is the VM, its VBDs and their VDIs (and
//     the VDIs' SRs), its VIFs and their networks; ids "Ref:0", "Ref:1", …
//   - without snapshot metadata (a plain export): power_state Halted, no
//     suspend VDI, is_a_snapshot false, snapshot_of/parent null, snapshot_time
//     the epoch — so a snapshot (a template) comes back as a template;
//   - disks of CD drives and ISO SRs are not streamed; an all-zero chunk is
//     skipped except the first and the last.
// Disk contents are modelled, not gigabytes: chunk 0 starts with a line
// naming the disk's content version and how many bytes it holds
// ("xenlab-disk content=… data=…"), the rest is zeros, so an export of a
// 40 GiB disk carries two chunks (its first and last MiB). That line is
// what an import reads to give the new disk the same content and usage.
import type { FieldSpec } from '../../xapi/datamodel/spec';
import { CLASSES, type ClassName } from '../../xapi/datamodel/classes';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { contentOf } from '../storage/vhd-chain';
import { dataOf } from '../storage/vdi-copy';
import { encodeOvaXml, type ExportObject, type ExportVersion } from '../../xapi/xva/ova-xml';
import { writeTar, type TarEntry } from '../../xapi/xva/tar';
import { utf8Encode } from '../../xapi/xva/utf8';
import { xxh64Hex } from './xxhash64';

export const CHUNK_SIZE = 1024 * 1024;
export const OVA_XML = 'ova.xml';
export const XXHASH_EXTENSION = '.xxhash';
/** Xapi_globs.export_vsn. */
export const EXPORT_VSN = 2;
export const EPOCH = '19700101T00:00:00Z';
/** The first bytes of a modelled disk's chunk 0. */
export const DISK_MARKER = 'xenlab-disk';

const EXPORTED: readonly ClassName[] = ['VM', 'VBD', 'VDI', 'SR', 'VIF', 'network'];

export function fieldsOf(cls: string): readonly FieldSpec[] {
  return (EXPORTED as readonly string[]).includes(cls) ? (CLASSES[cls as ClassName].fields as readonly FieldSpec[]) : [];
}

/** The pool's version facts, as the coordinator's software_version gives them. */
export function exportVersion(engine: Engine): ExportVersion {
  const sv = engine.world.find('host', engine.masterRef())?.software_version ?? {};
  const [major = 0, minor = 0] = (sv['xapi'] ?? '0.0').split('.').map(Number);
  return {
    hostname: sv['hostname'] ?? 'localhost',
    date: sv['date'] ?? '',
    product_version: sv['product_version'] ?? '',
    product_brand: sv['product_brand'] ?? '',
    build_number: sv['build_number'] ?? '',
    xapi_major: major,
    xapi_minor: minor,
    export_vsn: EXPORT_VSN,
  };
}

interface Table {
  readonly ids: Map<string, string>;
  readonly order: { cls: ClassName; ref: string }[];
}

function add(table: Table, cls: ClassName, ref: string): void {
  if (ref === NULL_REF || table.ids.has(ref)) return;
  table.ids.set(ref, `Ref:${String(table.ids.size)}`);
  table.order.push({ cls, ref });
}

/** Export.update_table for one VM: the objects an export names. */
function buildTable(engine: Engine, vm: string): Table {
  const table: Table = { ids: new Map(), order: [] };
  const { world } = engine;
  add(table, 'VM', vm);
  for (const vif of world.get('VM', vm).VIFs) {
    const r = world.find('VIF', vif);
    if (r === undefined) continue;
    add(table, 'VIF', vif);
    if (world.has('network', r.network)) add(table, 'network', r.network);
  }
  for (const vbd of world.get('VM', vm).VBDs) {
    const r = world.find('VBD', vbd);
    if (r === undefined) continue;
    add(table, 'VBD', vbd);
    const vdi = world.find('VDI', r.VDI);
    if (vdi === undefined) continue;
    add(table, 'VDI', r.VDI);
    if (world.has('SR', vdi.SR)) add(table, 'SR', vdi.SR);
  }
  return table;
}

/** A record with every ref mapped to its export id (or null) and sets of refs filtered to the exported. */
function mapRefs(record: Readonly<Record<string, unknown>>, fields: readonly FieldSpec[], ids: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = record[f.name];
    if (f.type.kind === 'ref') out[f.name] = ids.get(String(v)) ?? NULL_REF;
    else if (f.type.kind === 'set' && f.type.of.kind === 'ref') out[f.name] = (Array.isArray(v) ? v : []).flatMap((r) => (ids.has(String(r)) ? [ids.get(String(r))] : []));
    else out[f.name] = v;
  }
  return out;
}

const NO_OPERATIONS = { current_operations: {}, allowed_operations: [] };

/** Export.make_* : the per-class changes a plain export (no snapshot metadata, power state not kept) makes. */
function exportedRecord(cls: ClassName, mapped: Record<string, unknown>): Record<string, unknown> {
  switch (cls) {
    case 'VM':
      return {
        ...mapped,
        ...NO_OPERATIONS,
        power_state: 'Halted',
        suspend_VDI: NULL_REF,
        is_a_snapshot: false,
        snapshot_of: NULL_REF,
        snapshots: [],
        snapshot_time: EPOCH,
        transportable_snapshot_id: '',
        parent: NULL_REF,
        children: [],
        crash_dumps: [],
        consoles: [],
        protection_policy: NULL_REF,
        blobs: {},
      };
    case 'VBD':
      return { ...mapped, ...NO_OPERATIONS, currently_attached: false, metrics: NULL_REF };
    case 'VIF':
      return { ...mapped, ...NO_OPERATIONS, currently_attached: false, metrics: NULL_REF };
    case 'VDI':
      return { ...mapped, ...NO_OPERATIONS, crash_dumps: [] };
    case 'SR':
      return { ...mapped, ...NO_OPERATIONS, PBDs: [] };
    default:
      return mapped;
  }
}

/** The objects of ova.xml for `vm`, and the export table (engine ref → id). */
export function exportObjects(engine: Engine, vm: string): { objects: ExportObject[]; ids: ReadonlyMap<string, string> } {
  const table = buildTable(engine, vm);
  const objects = table.order.map(({ cls, ref }) => {
    const record = engine.world.get(cls, ref) as unknown as Readonly<Record<string, unknown>>;
    return { cls, id: table.ids.get(ref) ?? NULL_REF, snapshot: exportedRecord(cls, mapRefs(record, fieldsOf(cls), table.ids)) };
  });
  return { objects, ids: table.ids };
}

/** The disks an export streams: non-CD VBDs' VDIs outside ISO SRs. */
function streamedDisks(engine: Engine, vm: string): string[] {
  const out: string[] = [];
  for (const vbd of engine.world.get('VM', vm).VBDs) {
    const r = engine.world.find('VBD', vbd);
    if (r === undefined || r.type === 'CD' || !engine.world.has('VDI', r.VDI)) continue;
    const sr = engine.world.find('SR', engine.world.get('VDI', r.VDI).SR);
    if (sr === undefined || sr.content_type === 'iso') continue;
    out.push(r.VDI);
  }
  return out;
}

/** A modelled disk's chunks: the first (with its content line) and, if further on, the last. */
function diskChunks(engine: Engine, vdi: string, prefix: string): TarEntry[] {
  const r = engine.world.get('VDI', vdi);
  const size = r.virtual_size;
  if (size <= 0) return [];
  const count = Math.ceil(size / CHUNK_SIZE);
  const first = new Uint8Array(Math.min(CHUNK_SIZE, size));
  first.set(utf8Encode(`${DISK_MARKER} content=${contentOf(r)} data=${String(dataOf(engine, vdi))}\n`).subarray(0, first.length));
  const chunks: { n: number; data: Uint8Array }[] = [{ n: 0, data: first }];
  if (count > 1) chunks.push({ n: count - 1, data: new Uint8Array(size - (count - 1) * CHUNK_SIZE) });
  return chunks.flatMap(({ n, data }) => {
    const name = `${prefix}/${String(n).padStart(8, '0')}`;
    return [
      { name, data },
      { name: `${name}${XXHASH_EXTENSION}`, data: utf8Encode(xxh64Hex(data)) },
    ];
  });
}

/** The XVA bytes of VM.export(vm) (preserve_power_state false). Checks are the caller's. */
export function exportXva(engine: Engine, vm: string): Uint8Array {
  const { objects, ids } = exportObjects(engine, vm);
  const ova = encodeOvaXml({ version: exportVersion(engine), objects }, fieldsOf);
  const entries: TarEntry[] = [{ name: OVA_XML, data: utf8Encode(ova), mtime: engine.unixTime() }];
  for (const vdi of streamedDisks(engine, vm)) entries.push(...diskChunks(engine, vdi, ids.get(vdi) ?? NULL_REF));
  return writeTar(entries);
}
