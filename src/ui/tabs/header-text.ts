// The words of the object header: the object's name, what it is, and a short
// state ("Running on xenserver-01"), computed from the cache in one small
// selector so the header re-renders only when one of these words changes.
import { isNullRef } from '../../xapi/refs';
import type { ObjectCache } from '../cache/object-cache';
import { formatBytes } from '../format/bytes';
import { srTypeLabel } from '../format/storage-words';
import { poolMembers } from '../connections/pool-members';
import { srFailed } from '../format/fault-words';
import { objectStatus, residentWords } from '../tree/object-status';
import type { FocusedObject } from './object-kind';

export interface HeaderText {
  readonly name: string;
  readonly type: string;
  readonly state: string;
}

const OPERATION_WORDS: Readonly<Record<string, string>> = {
  start: 'Starting',
  start_on: 'Starting',
  resume: 'Resuming',
  resume_on: 'Resuming',
  clean_shutdown: 'Shutting down',
  hard_shutdown: 'Shutting down',
  shutdown: 'Shutting down',
  clean_reboot: 'Rebooting',
  hard_reboot: 'Rebooting',
  suspend: 'Suspending',
  pause: 'Pausing',
  unpause: 'Unpausing',
  pool_migrate: 'Migrating',
  migrate_send: 'Migrating',
  snapshot: 'Taking a snapshot',
  checkpoint: 'Taking a snapshot',
  clone: 'Copying',
  copy: 'Copying',
  destroy: 'Deleting',
};

function hostName(cache: ObjectCache, ref: string): string {
  return isNullRef(ref) ? '' : (cache.get('host', ref)?.name_label ?? '');
}

function vmState(cache: ObjectCache, ref: string): string {
  const vm = cache.get('VM', ref);
  if (vm === undefined) return '';
  const op = Object.values(vm.current_operations)[0];
  if (op !== undefined) return `${OPERATION_WORDS[op] ?? op.replace(/_/g, ' ')}…`;
  const on = hostName(cache, vm.resident_on);
  // As the tree says: a VM the pool still records on a server that is down.
  const server = isNullRef(vm.resident_on) ? undefined : cache.get('host', vm.resident_on);
  const away = server === undefined ? undefined : residentWords({ record: server, live: cache.get('host_metrics', server.metrics)?.live ?? true });
  const where = (state: string) => `${on === '' ? state : `${state} on ${on}`}${away === undefined ? '' : `, ${away}`}`;
  switch (vm.power_state) {
    case 'Running':
      return where('Running');
    case 'Paused':
      return where('Paused');
    case 'Suspended':
      return 'Suspended';
    case 'Halted':
      return 'Halted';
  }
}

/** The header words for the focused object. */
export function headerText(cache: ObjectCache, focus: FocusedObject): HeaderText {
  const ref = focus.ref ?? '';
  switch (focus.kind) {
    case 'root':
      return { name: 'XenLab', type: 'Simulated XenServer lab', state: 'Select an object in the tree to see its tabs' };
    case 'missing':
      return { name: 'Object not found', type: '', state: 'It may have been deleted' };
    case 'pool': {
      const pool = cache.get('pool', ref);
      const servers = poolMembers(ref, cache).length;
      const master = hostName(cache, pool?.master ?? '');
      return { name: pool?.name_label ?? '', type: 'Pool', state: `${String(servers)} server${servers === 1 ? '' : 's'}${master === '' ? '' : `, coordinator ${master}`}` };
    }
    case 'host': {
      const host = cache.get('host', ref);
      const isMaster = [...cache.all('pool').values()].some((p) => p.master === ref);
      // The tree's words (powered off, fenced, a network cut …), so header and tree agree.
      const status = objectStatus('host', host, focus.live) ?? '';
      return { name: host?.name_label ?? '', type: isMaster ? 'Server (pool coordinator)' : 'Server', state: `${status}, ${host?.address ?? ''}` };
    }
    case 'vm': {
      const vm = cache.get('VM', ref);
      return { name: vm?.name_label ?? '', type: vm?.is_control_domain === true ? 'Control domain' : 'Virtual machine', state: vmState(cache, ref) };
    }
    case 'template': {
      const vm = cache.get('VM', ref);
      return { name: vm?.name_label ?? '', type: vm?.is_default_template === true ? 'Default template' : 'Custom template', state: vm?.name_description.split('\n')[0] ?? '' };
    }
    case 'snapshot': {
      const vm = cache.get('VM', ref);
      const of = vm === undefined || isNullRef(vm.snapshot_of) ? '' : (cache.get('VM', vm.snapshot_of)?.name_label ?? '');
      return { name: vm?.name_label ?? '', type: 'Snapshot', state: of === '' ? '' : `Snapshot of ${of}` };
    }
    case 'sr': {
      const sr = cache.get('SR', ref);
      if (sr === undefined) return { name: '', type: 'Storage', state: '' };
      const free = Math.max(0, sr.physical_size - sr.physical_utilisation);
      const where = sr.shared ? 'Shared' : hostName(cache, cache.get('PBD', sr.PBDs[0] ?? '')?.host ?? '');
      return { name: sr.name_label, type: `${srTypeLabel(sr.type)} storage`, state: `${where === '' ? '' : `${where}, `}${srFailed(sr.other_config) ? 'failed, ' : ''}${formatBytes(free)} free of ${formatBytes(sr.physical_size)}` };
    }
    case 'vdi': {
      const vdi = cache.get('VDI', ref);
      const sr = vdi === undefined ? undefined : cache.get('SR', vdi.SR);
      return { name: vdi?.name_label ?? '', type: 'Virtual disk', state: vdi === undefined ? '' : `${formatBytes(vdi.virtual_size)}${sr === undefined ? '' : ` on ${sr.name_label}`}` };
    }
    case 'network': {
      const net = cache.get('network', ref);
      return { name: net?.name_label ?? '', type: 'Network', state: net === undefined ? '' : `${net.bridge}, MTU ${String(net.MTU)}` };
    }
    case 'other': {
      const record = focus.cls === undefined ? undefined : (cache.get(focus.cls, ref) as Readonly<Record<string, unknown>> | undefined);
      const label = record?.['name_label'];
      return { name: typeof label === 'string' && label !== '' ? label : String(record?.['uuid'] ?? ref), type: focus.cls ?? '', state: '' };
    }
  }
}

export function sameHeader(a: HeaderText, b: HeaderText): boolean {
  return a.name === b.name && a.type === b.type && a.state === b.state;
}
