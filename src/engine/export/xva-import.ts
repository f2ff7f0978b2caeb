// VM.import of an XVA (ocaml/xapi/import.ml, stream_import): the first file
// must be ova.xml (else IMPORT_ERROR_UNEXPECTED_FILE), its version no newer
// than this pool's (IMPORT_INCOMPATIBLE_VERSION); then each VM in it is made
// with new uuids on the chosen SR: its disks are created and filled from
// their chunks (each checked against its .xxhash: IMPORT_ERROR_SOME_CHECKSUMS_FAILED
// unless `force`), its VIFs join the pool's network of the same name_label (a
// new network of that name when there is none, as xapi does), its CD drives
// come back empty unless their ISO is in the pool; VIFs get new MACs (a
// new mac_seed: an import is a new VM) — unless `restore` (xapi's
// full_restore, `vm-import preserve=true`): then the VM keeps its uuid (a VM
// of that uuid already here: DUPLICATE_VM) and its VIFs their MACs. A
// template stays a template (an exported snapshot is one). Everything is
// checked before anything is made, so a bad archive leaves the pool as it
// was. A chunk's checksum is its ".xxhash" (XXH64, upper-case hex) or, from
// older exporters, its ".checksum" (SHA-1, lower-case hex); stream_vdi.ml
// infers the algorithm from the extension, and a mismatch fails the import
// with IMPORT_ERROR_SOME_CHECKSUMS_FAILED unless `force`.
import { XenApiError, xenError } from '../../xapi/errors';
import type { FieldSpec } from '../../xapi/datamodel/spec';
import { CLASSES } from '../../xapi/datamodel/classes';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { srFailedSince } from '../faults/fault-state';
import { chooseBridge } from '../network/network-api';
import { macFromSeed } from '../devices/vif-api';
import { CONTENT_KEY } from '../storage/vhd-chain';
import { makeVdi } from '../storage/vdi-api';
import { assertSrCanCreateVdis, assertSrPlugged } from '../storage/sr-checks';
import { destroyVdi, emptyVhdFileSize, isThinSr, lvhdSize, resizeVdiSpace, srFreeSpace } from '../storage/vdi-space';
import { smError } from '../storage/sm-errors';
import { decodeField, decodeOvaXml, OvaXmlError, type ExportObject } from '../../xapi/xva/ova-xml';
import { readTar, TarFormatError, type TarEntry } from '../../xapi/xva/tar';
import { utf8Decode } from '../../xapi/xva/utf8';
import { DISK_MARKER, exportVersion, fieldsOf, OVA_XML, XXHASH_EXTENSION } from './xva-export';
import { sha1Hex } from './sha1';
import { xxh64Hex } from './xxhash64';

/** stream_vdi.ml's checksum_extension_sha: a chunk's SHA-1, from older exporters. */
export const SHA1_EXTENSION = '.checksum';

export interface ImportOptions {
  /** The SR for the disks (sr_id); NULL_REF: the pool's default SR. */
  readonly sr: string;
  /** Import despite checksum failures. */
  readonly force: boolean;
  /** Keep the VM's uuid and its VIFs' MACs (xapi's restore=true). */
  readonly restore?: boolean;
}

/** What one disk's chunks say: its content version and bytes written. */
interface DiskData {
  readonly content: string | undefined;
  readonly data: number;
}

const decodeAll = (o: ExportObject): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(o.cls)) if (o.snapshot[f.name] !== undefined) out[f.name] = decodeField(o.snapshot[f.name], f.type);
  return out;
};

function targetSr(engine: Engine, sr: string): string {
  let target = sr;
  if (target === NULL_REF || target === '') {
    const [pool] = engine.world.entries('pool');
    target = pool?.[1].default_SR ?? NULL_REF;
    if (!engine.world.has('SR', target)) throw xenError('DEFAULT_SR_NOT_FOUND', target);
  }
  if (!engine.world.has('SR', target)) throw xenError('HANDLE_INVALID', 'SR', target);
  if (engine.world.get('SR', target).content_type === 'iso') throw xenError('SR_OPERATION_NOT_SUPPORTED', target);
  assertSrPlugged(engine, target);
  assertSrCanCreateVdis(engine, target);
  if (srFailedSince(engine, target) !== undefined) throw smError('SRUnavailable', 'the SR\'s storage has failed');
  return target;
}

/** Read and check every disk's chunks (Stream_vdi.recv_all): id → what it holds. */
function readDisks(entries: readonly TarEntry[], force: boolean): Map<string, DiskData> {
  const disks = new Map<string, DiskData>();
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  let failed = false;
  for (const e of entries) {
    const m = /^(Ref:[^/]+)\/(\d{8})$/.exec(e.name);
    if (m === null) continue;
    const [, id = '', n = ''] = m;
    const xxhash = byName.get(`${e.name}${XXHASH_EXTENSION}`);
    const sha1 = byName.get(`${e.name}${SHA1_EXTENSION}`);
    if (xxhash !== undefined) {
      if (utf8Decode(xxhash) !== xxh64Hex(e.data)) failed = true;
    } else if (sha1 !== undefined) {
      if (utf8Decode(sha1) !== sha1Hex(e.data)) failed = true;
    } else {
      throw xenError('IMPORT_ERROR_PREMATURE_EOF');
    }
    const known = disks.get(id) ?? { content: undefined, data: 0 };
    let next: DiskData = known;
    if (Number(n) === 0) {
      const line = utf8Decode(e.data.subarray(0, Math.min(e.data.length, 256))).split('\n')[0] ?? '';
      const marker = new RegExp(`^${DISK_MARKER} content=(\\S+) data=(\\d+)$`).exec(line);
      if (marker !== null) next = { content: marker[1], data: Number(marker[2]) };
      else next = { content: known.content, data: known.data + (e.data.some((b) => b !== 0) ? e.data.length : 0) };
    } else if (known.content === undefined && e.data.some((b) => b !== 0)) {
      next = { content: undefined, data: known.data + e.data.length };
    }
    disks.set(id, next);
  }
  if (failed && !force) throw xenError('IMPORT_ERROR_SOME_CHECKSUMS_FAILED');
  return disks;
}

interface Plan {
  readonly vms: ExportObject[];
  readonly byId: ReadonlyMap<string, ExportObject>;
  readonly disks: ReadonlyMap<string, DiskData>;
  /** Exported VDI id → its decoded record, for the VDIs the import makes. */
  readonly newVdis: ReadonlyMap<string, Record<string, unknown>>;
}

/** Parse and check the archive; nothing in the world changes. */
function plan(engine: Engine, bytes: Uint8Array, force: boolean): Plan {
  let entries: TarEntry[];
  try {
    entries = readTar(bytes);
  } catch (e) {
    if (e instanceof TarFormatError && (e as { truncated?: boolean }).truncated === true) throw xenError('IMPORT_ERROR_PREMATURE_EOF');
    throw xenError('IMPORT_ERROR', e instanceof Error ? e.message : String(e));
  }
  const first = entries[0];
  if (first === undefined) throw xenError('IMPORT_ERROR_PREMATURE_EOF');
  if (first.name !== OVA_XML) throw xenError('IMPORT_ERROR_UNEXPECTED_FILE', OVA_XML, first.name);
  let header;
  try {
    header = decodeOvaXml(utf8Decode(first.data));
  } catch (e) {
    throw xenError('IMPORT_ERROR', e instanceof OvaXmlError ? e.message : String(e));
  }
  const ours = exportVersion(engine);
  const theirs = header.version;
  if (ours.xapi_major < theirs.xapi_major || (ours.xapi_major === theirs.xapi_major && ours.xapi_minor < theirs.xapi_minor)) throw xenError('IMPORT_INCOMPATIBLE_VERSION');
  const byId = new Map(header.objects.map((o) => [o.id, o]));
  const vms = header.objects.filter((o) => o.cls === 'VM');
  if (vms.length === 0) throw xenError('IMPORT_ERROR', 'the export holds no VM');
  const disks = readDisks(entries, force);
  const newVdis = new Map<string, Record<string, unknown>>();
  for (const vm of vms) {
    for (const vbdId of decodeAll(vm)['VBDs'] as string[]) {
      const vbd = byId.get(vbdId);
      if (vbd === undefined) throw xenError('IMPORT_ERROR_FAILED_TO_FIND_OBJECT', vbdId);
      const v = decodeAll(vbd);
      if (v['type'] === 'CD' || v['VDI'] === NULL_REF || v['empty'] === true) continue;
      const vdiId = String(v['VDI']);
      const vdi = byId.get(vdiId);
      if (vdi === undefined) throw xenError('IMPORT_ERROR_FAILED_TO_FIND_OBJECT', vdiId);
      if (!disks.has(vdiId)) throw xenError('IMPORT_ERROR_PREMATURE_EOF');
      newVdis.set(vdiId, decodeAll(vdi));
    }
  }
  return { vms, byId, disks, newVdis };
}

/** Bytes a disk of `size` holding `data` occupies on an SR of `type` once written. */
function footprint(srType: string, size: number, data: number): number {
  return isThinSr(srType) ? emptyVhdFileSize(size) + Math.min(size, data) : lvhdSize(size);
}

function networkNamed(engine: Engine, record: Record<string, unknown> | undefined): string {
  const label = String(record?.['name_label'] ?? '');
  for (const [ref, n] of engine.world.entries('network')) if (n.name_label === label) return ref;
  return engine.world.create('network', {
    name_label: label,
    name_description: String(record?.['name_description'] ?? ''),
    MTU: Number(record?.['MTU'] ?? 1500) || 1500,
    other_config: (record?.['other_config'] as Record<string, string> | undefined) ?? {},
    bridge: chooseBridge(engine),
    managed: true,
    tags: [],
  });
}

/** A new VM record from an exported one: its configuration, none of its links. */
function makeVm(engine: Engine, exported: Record<string, unknown>, restore: boolean): string {
  const fields: Record<string, unknown> = {};
  for (const f of CLASSES.VM.fields as readonly FieldSpec[]) {
    if ((f.name === 'uuid' && !restore) || exported[f.name] === undefined) continue;
    if (f.type.kind === 'ref') fields[f.name] = NULL_REF;
    else if (f.type.kind === 'set' && f.type.of.kind === 'ref') fields[f.name] = [];
    else fields[f.name] = exported[f.name];
  }
  // A new VM, not a restore: a fresh mac_seed, so its VIFs get MACs of their own.
  if (!restore) fields['other_config'] = { ...((exported['other_config'] as Record<string, string> | undefined) ?? {}), mac_seed: engine.rng.uuid() };
  const metrics = engine.world.create('VM_metrics', { state: [], current_domain_type: 'unspecified', last_updated: engine.datetime() });
  return engine.world.create('VM', {
    ...fields,
    power_state: 'Halted',
    current_operations: {},
    allowed_operations: [],
    is_a_snapshot: false,
    is_default_template: false,
    domid: -1,
    metrics,
    guest_metrics: NULL_REF,
  } as never);
}

/** Import the XVA `bytes`; returns the new VMs (task.result of VM.import). */
export function importXva(engine: Engine, bytes: Uint8Array, options: ImportOptions): string[] {
  const sr = targetSr(engine, options.sr);
  const p = plan(engine, bytes, options.force);
  const restore = options.restore === true;
  if (restore) {
    for (const vm of p.vms) {
      const uuid = String(decodeAll(vm)['uuid'] ?? '');
      if (engine.world.refByUuid('VM', uuid) !== undefined) throw xenError('DUPLICATE_VM', uuid);
    }
  }
  const srType = engine.world.get('SR', sr).type;
  let need = 0;
  for (const [id, vdi] of p.newVdis) need += footprint(srType, Number(vdi['virtual_size']), p.disks.get(id)?.data ?? 0);
  const free = srFreeSpace(engine, sr);
  if (need > free) throw xenError('SR_FULL', need, free);

  const made = new Map<string, string>();
  try {
    for (const [id, r] of p.newVdis) {
      const size = Number(r['virtual_size']);
      const content = p.disks.get(id)?.content ?? engine.rng.nextUint32().toString(16).padStart(8, '0');
      const vdi = makeVdi(engine, sr, {
        name_label: String(r['name_label'] ?? ''),
        name_description: String(r['name_description'] ?? ''),
        virtual_size: size,
        type: String(r['type'] ?? 'user'),
        sharable: r['sharable'] === true,
        read_only: r['read_only'] === true,
        other_config: (r['other_config'] as Record<string, string> | undefined) ?? {},
        tags: (r['tags'] as string[] | undefined) ?? [],
        sm_config: { [CONTENT_KEY]: content },
      });
      made.set(id, vdi);
      const want = footprint(srType, size, p.disks.get(id)?.data ?? 0);
      if (want > engine.world.get('VDI', vdi).physical_utilisation) resizeVdiSpace(engine, vdi, size, want);
    }
  } catch (e) {
    for (const vdi of made.values()) destroyVdi(engine, vdi);
    throw e instanceof XenApiError ? e : xenError('IMPORT_ERROR', String(e));
  }

  const vms: string[] = [];
  for (const vmObject of p.vms) {
    const exported = decodeAll(vmObject);
    const vm = makeVm(engine, exported, restore);
    vms.push(vm);
    for (const vbdId of exported['VBDs'] as string[]) {
      const b = decodeAll(p.byId.get(vbdId) as ExportObject);
      let vdi = made.get(String(b['VDI'])) ?? NULL_REF;
      if (b['type'] === 'CD') {
        // An ISO comes back if the pool has it (same uuid), else the drive is empty.
        const iso = p.byId.get(String(b['VDI']));
        const uuid = iso === undefined ? undefined : decodeAll(iso)['uuid'];
        vdi = [...engine.world.entries('VDI')].find(([, v]) => v.uuid === uuid)?.[0] ?? NULL_REF;
      }
      engine.world.create('VBD', {
        VM: vm,
        VDI: vdi,
        device: String(b['device'] ?? ''),
        userdevice: String(b['userdevice'] ?? ''),
        bootable: b['bootable'] === true,
        mode: b['mode'] === 'RO' ? 'RO' : 'RW',
        type: b['type'] === 'CD' ? 'CD' : 'Disk',
        unpluggable: b['unpluggable'] !== false,
        empty: vdi === NULL_REF,
        other_config: (b['other_config'] as Record<string, string> | undefined) ?? {},
        currently_attached: false,
        qos_algorithm_type: String(b['qos_algorithm_type'] ?? ''),
        qos_algorithm_params: (b['qos_algorithm_params'] as Record<string, string> | undefined) ?? {},
      });
    }
    for (const vifId of exported['VIFs'] as string[]) {
      const f = decodeAll(p.byId.get(vifId) ?? { cls: 'VIF', id: vifId, snapshot: {} });
      const net = p.byId.get(String(f['network']));
      engine.world.create('VIF', {
        VM: vm,
        network: networkNamed(engine, net === undefined ? undefined : decodeAll(net)),
        device: String(f['device'] ?? '0'),
        ...(restore && typeof f['MAC'] === 'string' && f['MAC'] !== ''
          ? { MAC: f['MAC'], MAC_autogenerated: f['MAC_autogenerated'] === true }
          : { MAC: macFromSeed(engine.world.get('VM', vm).other_config['mac_seed'] ?? '', Number(f['device'] ?? 0)), MAC_autogenerated: true }),
        MTU: Number(f['MTU'] ?? 1500),
        other_config: (f['other_config'] as Record<string, string> | undefined) ?? {},
        currently_attached: false,
        qos_algorithm_type: String(f['qos_algorithm_type'] ?? ''),
        qos_algorithm_params: (f['qos_algorithm_params'] as Record<string, string> | undefined) ?? {},
        locking_mode: (f['locking_mode'] as never) ?? 'network_default',
        ipv4_allowed: (f['ipv4_allowed'] as string[] | undefined) ?? [],
        ipv6_allowed: (f['ipv6_allowed'] as string[] | undefined) ?? [],
      });
    }
  }
  return vms;
}
