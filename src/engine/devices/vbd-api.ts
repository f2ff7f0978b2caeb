// VBDs: VBD.create / destroy, hot-plug (plug, unplug, unplug_force) and the
// CD drive's insert / eject, with xapi's checks in its order
// (ocaml/xapi/xapi_vbd.ml, xapi_vbd_helpers.ml). A VBD made for a running VM
// starts unplugged; plugging it into an HVM guest needs the guest's PV drivers.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { readCreateRecord } from '../api/create-record';
import { define, ref, type MethodTable } from '../api/registry';
import { onCdInserted } from '../guest/guest-up';
import { assertCanHotplug } from '../vm/guest-tools';
import { allowedVbdDevices, diskNumber, usedVbdNumbers, validVbdDevice, xvdName } from './device-numbers';

/** VDI types a VBD may carry (xapi_vbd.ml create). */
const ATTACHABLE_VDI_TYPES = new Set(['system', 'user', 'ephemeral', 'suspend', 'crashdump', 'metadata', 'rrd', 'pvs_cache']);

function vmIsLive(engine: Engine, vm: string): boolean {
  const state = engine.world.get('VM', vm).power_state;
  return state === 'Running' || state === 'Paused';
}

function create(engine: Engine, args: unknown): string {
  const r = readCreateRecord(engine, 'VBD', args);
  const vm = r['VM'] as string;
  if (!engine.world.has('VM', vm)) throw xenError('HANDLE_INVALID', 'VM', vm);
  const empty = r['empty'] as boolean;
  const type = r['type'] as string;
  const mode = r['mode'] as string;
  const vdi = (r['VDI'] as string | undefined) ?? NULL_REF;
  let userdevice = r['userdevice'] as string;
  if (!empty) {
    const record = engine.world.find('VDI', vdi);
    if (record === undefined) throw xenError('HANDLE_INVALID', 'VDI', vdi);
    if (!ATTACHABLE_VDI_TYPES.has(record.type)) throw xenError('VDI_INCOMPATIBLE_TYPE', vdi, record.type);
  }
  if (type === 'CD' && mode !== 'RO') throw xenError('VBD_CDS_MUST_BE_READONLY');
  if (type !== 'CD' && empty) throw xenError('VBD_NOT_REMOVABLE_MEDIA', 'in constructor');
  if (!empty && mode === 'RW' && engine.world.get('VDI', vdi).read_only) throw xenError('VDI_READONLY', vdi);
  for (const [task, op] of Object.entries(engine.world.get('VM', vm).current_operations)) {
    if (op === 'migrate_send' || op === 'pool_migrate') throw xenError('OTHER_OPERATION_IN_PROGRESS', 'VM', vm, op, task);
  }
  if (type === 'Floppy' || !validVbdDevice(userdevice)) throw xenError('INVALID_DEVICE', userdevice);
  const used = usedVbdNumbers(engine, vm);
  if (userdevice === 'autodetect') {
    const first = allowedVbdDevices(engine, vm)[0];
    if (first === undefined) throw xenError('INVALID_DEVICE', userdevice);
    userdevice = first;
  }
  if (used.has(diskNumber(userdevice) ?? -1)) throw xenError('DEVICE_ALREADY_EXISTS', userdevice);
  const suspended = engine.world.get('VM', vm).power_state === 'Suspended';
  return engine.world.create('VBD', {
    VM: vm,
    VDI: empty ? NULL_REF : vdi,
    userdevice,
    device: suspended ? ((r['device'] as string | undefined) ?? '') : '',
    bootable: r['bootable'] as boolean,
    mode: mode as never,
    type: type as never,
    unpluggable: (r['unpluggable'] as boolean | undefined) ?? true,
    empty,
    other_config: r['other_config'] as Record<string, string>,
    currently_attached: suspended ? ((r['currently_attached'] as boolean | undefined) ?? false) : false,
    qos_algorithm_type: r['qos_algorithm_type'] as string,
    qos_algorithm_params: r['qos_algorithm_params'] as Record<string, string>,
  });
}

/**
 * A disk another running VM has plugged read-write is that VM's alone unless
 * it is sharable (Xapi_vdi.check_operation_error for `attach`).
 */
function assertVdiFree(engine: Engine, vbd: string): void {
  const r = engine.world.get('VBD', vbd);
  if (r.empty) return;
  const vdi = engine.world.find('VDI', r.VDI);
  if (vdi === undefined || vdi.sharable) return;
  const others = vdi.VBDs.filter((b) => b !== vbd).map((b) => engine.world.find('VBD', b));
  if (others.some((b) => b !== undefined && b.currently_attached && (b.mode === 'RW' || r.mode === 'RW'))) throw xenError('VDI_IN_USE', r.VDI, 'attach');
}

function plug(engine: Engine, vbd: string): void {
  const r = engine.world.get('VBD', vbd);
  assertCanHotplug(engine, r.VM, 'vbd');
  if (r.currently_attached) throw xenError('DEVICE_ALREADY_ATTACHED', vbd);
  assertVdiFree(engine, vbd);
  engine.world.update('VBD', vbd, { currently_attached: true, device: xvdName(diskNumber(r.userdevice) ?? 0) });
}

function unplug(engine: Engine, vbd: string, force: boolean): void {
  const r = engine.world.get('VBD', vbd);
  assertCanHotplug(engine, r.VM, 'vbd');
  if (!r.currently_attached) throw xenError('DEVICE_ALREADY_DETACHED', vbd);
  if (!force && !r.unpluggable) throw xenError('VBD_NOT_UNPLUGGABLE', vbd);
  engine.world.update('VBD', vbd, { currently_attached: false });
}

function insert(engine: Engine, vbd: string, vdi: string): void {
  const r = engine.world.get('VBD', vbd);
  if (r.type !== 'CD') throw xenError('VBD_NOT_REMOVABLE_MEDIA', vbd);
  if (!r.empty) throw xenError('VBD_NOT_EMPTY', vbd);
  const sr = engine.world.get('SR', engine.world.get('VDI', vdi).SR);
  if (sr.content_type !== 'iso' && sr.type !== 'iso' && sr.type !== 'udev') throw xenError('VDI_IS_NOT_ISO', vdi, engine.world.get('VDI', vdi).type);
  engine.world.update('VBD', vbd, { VDI: vdi, empty: false, currently_attached: vmIsLive(engine, r.VM) });
  onCdInserted(engine, r.VM);
}

function eject(engine: Engine, vbd: string): void {
  const r = engine.world.get('VBD', vbd);
  if (r.type !== 'CD') throw xenError('VBD_NOT_REMOVABLE_MEDIA', vbd);
  if (r.empty) throw xenError('VBD_IS_EMPTY', vbd);
  engine.world.update('VBD', vbd, { VDI: NULL_REF, empty: true, currently_attached: false });
}

export function defineVbdApi(table: MethodTable): void {
  const self = { name: 'self', type: ref('VBD') } as const;
  const vbdParam = { name: 'vbd', type: ref('VBD') } as const;
  define(table, { name: 'VBD.create', params: [{ name: 'args', type: 'any' }], async: true, run: ({ engine }, [args]) => create(engine, args) });
  define(table, {
    name: 'VBD.destroy',
    params: [self],
    async: true,
    run: ({ engine }, [vbd]) => {
      if (engine.world.get('VBD', vbd as string).currently_attached) {
        throw xenError('OPERATION_NOT_ALLOWED', 'VBD currently attached to an active domain');
      }
      engine.world.destroy('VBD', vbd as string);
    },
  });
  define(table, {
    name: 'VBD.set_mode',
    params: [self, { name: 'value', type: 'string' }],
    run: ({ engine }, [vbd, value]) => {
      // xapi_vbd.ml set_mode: only while the VM is halted; a read-only disk stays read-only.
      const r = engine.world.get('VBD', vbd as string);
      const vm = engine.world.get('VM', r.VM);
      if (value !== 'RO' && value !== 'RW') throw xenError('INVALID_VALUE', 'mode', String(value));
      if (vm.power_state !== 'Halted') throw xenError('VM_BAD_POWER_STATE', r.VM, 'halted', vm.power_state.toLowerCase());
      if (value === 'RW' && !r.empty && engine.world.find('VDI', r.VDI)?.read_only === true) throw xenError('VDI_READONLY', r.VDI);
      engine.world.update('VBD', vbd as string, { mode: value });
    },
  });
  define(table, { name: 'VBD.plug', params: [self], async: true, run: ({ engine }, [vbd]) => plug(engine, vbd as string) });
  define(table, { name: 'VBD.unplug', params: [self], async: true, run: ({ engine }, [vbd]) => unplug(engine, vbd as string, false) });
  define(table, { name: 'VBD.unplug_force', params: [self], async: true, run: ({ engine }, [vbd]) => unplug(engine, vbd as string, true) });
  define(table, {
    name: 'VBD.insert',
    params: [vbdParam, { name: 'vdi', type: ref('VDI') }],
    async: true,
    run: ({ engine }, [vbd, vdi]) => insert(engine, vbd as string, vdi as string),
  });
  define(table, { name: 'VBD.eject', params: [vbdParam], async: true, run: ({ engine }, [vbd]) => eject(engine, vbd as string) });
  define(table, {
    name: 'VM.get_allowed_VBD_devices',
    params: [{ name: 'vm', type: ref('VM') }],
    run: ({ engine }, [vm]) => allowedVbdDevices(engine, vm as string),
  });
}
