// XenCenter's rules for which objects the tree shows and where a VM lives
// (XenModel/XenAPI-Extensions: VM.Home(), VM.Show(), SR.Show(),
// SR.IsLocalSR(), SR.GetStorageHost(), Network.Show(), VDI.Show()),
// restated over XenAPI records.
import { isNullRef } from '../../xapi/refs';
import type { HostIn, NetworkIn, SrIn, TreeSource, VdiIn, VmIn } from './tree-source';

/** The View menu's switches that change what the tree shows. */
export interface TreeViewOptions {
  readonly showDefaultTemplates: boolean;
  readonly showCustomTemplates: boolean;
  readonly showLocalStorage: boolean;
  readonly showHidden: boolean;
}

/** What kind of VM record this is, in XenCenter's sort order (VM.CompareTo). */
export type VmKind = 'control-domain' | 'vm' | 'snapshot' | 'custom-template' | 'default-template';

export function vmKind(vm: Pick<VmIn, 'is_control_domain' | 'is_a_snapshot' | 'is_a_template' | 'is_default_template'>): VmKind {
  if (vm.is_control_domain) return 'control-domain';
  if (vm.is_a_snapshot) return 'snapshot';
  if (vm.is_a_template) return vm.is_default_template ? 'default-template' : 'custom-template';
  return 'vm';
}

/** other_config.HideFromXenCenter = "true" (XenCenter's BoolKey: "true" or "1"). */
export function isHidden(record: { readonly other_config: { readonly [key: string]: string } }): boolean {
  const v = record.other_config['HideFromXenCenter'];
  return v !== undefined && (v.toLowerCase() === 'true' || v === '1');
}

/** SR types XenCenter counts as local storage (SR.IsLocalSR). */
const LOCAL_SR_TYPES = new Set(['local', 'ext', 'lvm', 'udev', 'egeneracd', 'dummy']);

export function isLocalSr(sr: Pick<SrIn, 'type'>): boolean {
  return LOCAL_SR_TYPES.has(sr.type);
}

export function isIsoSr(sr: Pick<SrIn, 'content_type' | 'type'>): boolean {
  return sr.content_type === 'iso' || sr.type === 'iso';
}

/** The host an unshared SR with a single PBD belongs to (SR.GetStorageHost). */
export function srStorageHost(src: TreeSource, sr: SrIn): string | undefined {
  if (sr.shared || sr.PBDs.length !== 1) return undefined;
  const pbdRef = sr.PBDs[0];
  const pbd = pbdRef === undefined ? undefined : src.PBD.get(pbdRef);
  if (pbd === undefined || src.host.get(pbd.host) === undefined) return undefined;
  return pbd.host;
}

export function vdiShown(vdi: VdiIn, showHidden: boolean): boolean {
  return !vdi.missing && vdi.managed && (showHidden || !isHidden(vdi));
}

/** SR.Show: never the "local" and tmpfs types; DR-introduced and hidden SRs only with hidden objects shown. */
export function srShown(sr: SrIn, showHidden: boolean): boolean {
  if (sr.type === 'local' || sr.type === 'tmpfs') return false;
  if (showHidden) return true;
  if (!isNullRef(sr.introduced_by)) return false;
  return !isHidden(sr);
}

/** Network.Show: the host-internal management network and hidden networks only with hidden objects shown. */
export function networkShown(network: NetworkIn, showHidden: boolean): boolean {
  if (showHidden) return true;
  if (network.other_config['is_guest_installer_network'] === 'true') return false;
  return !isHidden(network);
}

/** host_metrics.live; a host whose metrics are missing counts as not live. */
export function hostLive(src: TreeSource, host: Pick<HostIn, 'metrics'>): boolean {
  return src.host_metrics.get(host.metrics)?.live ?? false;
}

/** The host whose local storage holds one of the VM's disks (VM.GetStorageHost). */
export function vmStorageHost(src: TreeSource, vm: VmIn): string | undefined {
  for (const vbdRef of vm.VBDs) {
    const vbd = src.VBD.get(vbdRef);
    const vdi = vbd === undefined ? undefined : src.VDI.get(vbd.VDI);
    if (vdi === undefined || !vdiShown(vdi, true)) continue;
    const sr = src.SR.get(vdi.SR);
    const host = sr === undefined ? undefined : srStorageHost(src, sr);
    if (host !== undefined) return host;
  }
  return undefined;
}

/**
 * Where a VM sits in the Infrastructure view (VM.Home): a running (or paused)
 * VM under the host it runs on; else under the host holding its local disks;
 * else under its affinity host if that host is live; else (undefined) under
 * the pool. Templates have no home.
 */
export function vmHome(src: TreeSource, vm: VmIn): string | undefined {
  if (vm.is_a_template) return undefined;
  if (vm.power_state === 'Running' || vm.power_state === 'Paused') {
    return src.host.get(vm.resident_on) === undefined ? undefined : vm.resident_on;
  }
  const storageHost = vmStorageHost(src, vm);
  if (storageHost !== undefined) return storageHost;
  const affinity = src.host.get(vm.affinity);
  if (affinity !== undefined && hostLive(src, affinity)) return vm.affinity;
  return undefined;
}

/** Whether a VM record is shown at all (templates and hidden VMs per the View menu; never dom0). */
export function vmShown(vm: VmIn, options: TreeViewOptions): boolean {
  if (!options.showHidden && isHidden(vm)) return false;
  switch (vmKind(vm)) {
    case 'control-domain':
      return false;
    case 'default-template':
      return options.showDefaultTemplates;
    case 'custom-template':
      return options.showCustomTemplates;
    case 'vm':
    case 'snapshot':
      return true;
  }
}

/** The pool XenCenter shows: a named pool, or any pool of more than one host (else the host stands alone). */
export function visiblePool(src: TreeSource): string | undefined {
  for (const [ref, pool] of src.pool.entries()) {
    if (pool.name_label !== '' || src.host.size > 1) return ref;
  }
  return undefined;
}
