// The selected objects as actions see them: class, ref, record and the kind
// XenCenter distinguishes (a VM, a template, a snapshot, a server's control
// domain, a server, a pool …), so each action says which kinds it is for.
import type { ClassName } from '../../xapi/datamodel/classes';
import type { RecordOf } from '../../xapi/types';
import type { CacheReader } from './action-types';

export type TargetKind = 'vm' | 'template' | 'default-template' | 'snapshot' | 'control-domain' | 'host' | 'pool' | 'sr' | 'network' | 'vdi' | 'other';

export interface Target {
  readonly cls: ClassName;
  readonly ref: string;
  readonly kind: TargetKind;
  /** name_label, or the ref when the object has no name. */
  readonly name: string;
}

export function vmTargetKind(vm: Pick<RecordOf<'VM'>, 'is_control_domain' | 'is_a_snapshot' | 'is_a_template' | 'is_default_template'>): TargetKind {
  if (vm.is_control_domain) return 'control-domain';
  if (vm.is_a_snapshot) return 'snapshot';
  if (vm.is_a_template) return vm.is_default_template ? 'default-template' : 'template';
  return 'vm';
}

function kindOf(cls: ClassName, cache: CacheReader, ref: string): TargetKind {
  switch (cls) {
    case 'VM': {
      const vm = cache.get('VM', ref);
      return vm === undefined ? 'other' : vmTargetKind(vm);
    }
    case 'host':
      return 'host';
    case 'pool':
      return 'pool';
    case 'SR':
      return 'sr';
    case 'network':
      return 'network';
    case 'VDI':
      return 'vdi';
    default:
      return 'other';
  }
}

export function targetOf(ref: string, cache: CacheReader): Target | undefined {
  const cls = cache.classOf(ref);
  if (cls === undefined) return undefined;
  const record = cache.get(cls, ref) as { name_label?: unknown } | undefined;
  if (record === undefined) return undefined;
  const name = typeof record.name_label === 'string' && record.name_label !== '' ? record.name_label : ref;
  return { cls, ref, kind: kindOf(cls, cache, ref), name };
}

/** The selected objects that still exist, in selection order. */
export function selectedTargets(selection: readonly string[], cache: CacheReader): Target[] {
  const out: Target[] = [];
  for (const ref of selection) {
    const t = targetOf(ref, cache);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** What XenCenter calls each kind, singular and plural. */
export const KIND_NOUNS: Readonly<Record<TargetKind, readonly [string, string]>> = {
  vm: ['VM', 'VMs'],
  template: ['template', 'templates'],
  'default-template': ['template', 'templates'],
  snapshot: ['snapshot', 'snapshots'],
  'control-domain': ['control domain', 'control domains'],
  host: ['server', 'servers'],
  pool: ['pool', 'pools'],
  sr: ['storage repository', 'storage repositories'],
  network: ['network', 'networks'],
  vdi: ['virtual disk', 'virtual disks'],
  other: ['object', 'objects'],
};
