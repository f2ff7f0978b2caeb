// VM.provision's disk spec: the template's other_config 'disks', an XML
// fragment <provision><disk device="0" size="…" sr="…" bootable="true"
// type="system"/></provision> (xapi_templates.ml). xapi makes one VDI and VBD
// per <disk> on the SR whose uuid the `sr` attribute gives (clients such as
// `xe vm-install` rewrite an empty sr to the pool's default SR first; xapi
// itself answers UUID_INVALID for one it cannot find), names the VDI after
// its userdevice, and removes 'disks' so the VM is not provisioned twice.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { destroyVdiAndVbds, makeVdi } from '../storage/vdi-api';

export interface ProvisionDisk {
  readonly device: string;
  readonly size: number;
  readonly sr: string;
  readonly bootable: boolean;
  readonly type: string;
}

const VDI_TYPES = new Set(['system', 'user', 'ephemeral', 'suspend', 'crashdump']);

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_-]+)\s*=\s*"([^"]*)"/g)) out.set(m[1] ?? '', m[2] ?? '');
  return out;
}

/** Parse the provision XML; a malformed spec fails as xapi's Parse_failure does (INTERNAL_ERROR). */
export function parseProvisionXml(xml: string): ProvisionDisk[] {
  const body = /^\s*<provision\s*>([\s\S]*)<\/provision>\s*$/.exec(xml) ?? /^\s*<provision\s*\/>\s*$/.exec(xml);
  if (body === null) throw xenError('INTERNAL_ERROR', 'Xapi_templates.Parse_failure');
  const disks: ProvisionDisk[] = [];
  const inner = (body[1] ?? '').trim();
  const rest = inner.replace(/<disk\b[^>]*\/>/g, (tag) => {
    const a = attributes(tag);
    const device = a.get('device');
    const size = a.get('size');
    const sr = a.get('sr');
    const bootable = a.get('bootable');
    if (device === undefined || size === undefined || !/^\d+$/.test(size) || sr === undefined || bootable === undefined) {
      throw xenError('INTERNAL_ERROR', 'Xapi_templates.Parse_failure');
    }
    const type = a.get('type') ?? 'system';
    if (!VDI_TYPES.has(type)) throw xenError('INTERNAL_ERROR', `string2vdi_type: Unknown VDI type "${type}"`);
    disks.push({ device, size: Number(size), sr, bootable: bootable === 'true', type });
    return '';
  });
  if (rest.trim() !== '') throw xenError('INTERNAL_ERROR', 'Xapi_templates.Parse_failure');
  return disks;
}

/** The disk spec of a VM (empty when it has none). */
export function provisionDisksOf(engine: Engine, vm: string): ProvisionDisk[] {
  const xml = engine.world.get('VM', vm).other_config['disks'];
  return xml === undefined ? [] : parseProvisionXml(xml);
}

/** Create the spec's disks for `vm`; on any failure remove those already made and rethrow. */
export function provisionDisks(engine: Engine, vm: string, disks: readonly ProvisionDisk[]): string[] {
  const made: string[] = [];
  const vmUuid = engine.world.get('VM', vm).uuid;
  try {
    for (const d of disks) {
      const sr = engine.world.refByUuid('SR', d.sr);
      if (sr === undefined) throw xenError('UUID_INVALID', 'sr', d.sr);
      const vdi = makeVdi(engine, sr, {
        name_label: d.device,
        name_description: 'Created by template provisioner',
        virtual_size: d.size,
        type: d.type,
        sharable: false,
        read_only: false,
        sm_config: { vmhint: vmUuid },
      });
      made.push(vdi);
      engine.world.create('VBD', {
        VM: vm,
        VDI: vdi,
        userdevice: d.device,
        device: '',
        bootable: d.bootable,
        mode: 'RW',
        type: 'Disk',
        unpluggable: d.type !== 'system',
        empty: false,
        other_config: { owner: '' },
        qos_algorithm_type: '',
        qos_algorithm_params: {},
      });
    }
  } catch (e) {
    for (const vdi of made) if (engine.world.has('VDI', vdi)) destroyVdiAndVbds(engine, vdi);
    throw e;
  }
  return made;
}
