// One template as the wizard reads it: boot mode, install methods, limits,
// memory and vCPU settings, the disks it will give the VM (a default
// template's provision spec, or a custom template's own disks), its CD drive
// and network interfaces.
import { isNullRef } from '../../../xapi/refs';
import type { CacheReader } from '../../actions/action-types';
import { parseProvisionDisks, templateLimits, type ProvisionDisk, type TemplateLimits } from './restrictions';
import { isDefaultTemplate } from './template-list';

export interface TemplateDisk {
  readonly device: string;
  readonly vdi: string;
  readonly name: string;
  readonly description: string;
  readonly size: number;
  readonly sr: string;
  readonly bootable: boolean;
  readonly type: string;
  /** The VDI can be copied to another SR (allowed_operations has 'copy'). */
  readonly copyable: boolean;
}

export interface TemplateVif {
  readonly device: string;
  readonly network: string;
  readonly mac: string;
}

export interface TemplateFacts {
  readonly ref: string;
  readonly name: string;
  readonly isDefault: boolean;
  readonly hvm: boolean;
  readonly windows: boolean;
  /** other_config install-methods, split ("cdrom", "http", "ftp", "nfs"); empty for a custom template. */
  readonly installMethods: readonly string[];
  /** A custom template's boot order puts the network first (it was made to boot from PXE). */
  readonly bootsFromNetwork: boolean;
  readonly bootParams: Readonly<Record<string, string>>;
  readonly platform: Readonly<Record<string, string>>;
  readonly otherConfig: Readonly<Record<string, string>>;
  readonly limits: TemplateLimits;
  readonly memoryStaticMin: number;
  readonly memoryStaticMax: number;
  readonly memoryDynamicMin: number;
  readonly memoryDynamicMax: number;
  /** Ballooning can be set up (a template's dynamic min differs from its static max: XenCenter's SupportsBallooning). */
  readonly ballooning: boolean;
  readonly vcpusMax: number;
  readonly vcpusAtStartup: number;
  readonly coresPerSocket: number;
  readonly affinity: string | undefined;
  readonly provisionDisks: readonly ProvisionDisk[];
  readonly disks: readonly TemplateDisk[];
  /** The template's own CD drive (custom templates made from a VM have one). */
  readonly cdDrive: string | undefined;
  /** Its CD drive holds a disc (to be ejected before the install media goes in). */
  readonly cdHasMedia: boolean;
  readonly vifs: readonly TemplateVif[];
}

export function templateFacts(cache: CacheReader, ref: string): TemplateFacts | undefined {
  const vm = cache.get('VM', ref);
  if (vm === undefined) return undefined;
  const isDefault = isDefaultTemplate(vm);
  const disks: TemplateDisk[] = [];
  let cdDrive: string | undefined;
  let cdHasMedia = false;
  for (const vbdRef of vm.VBDs) {
    const vbd = cache.get('VBD', vbdRef);
    if (vbd === undefined) continue;
    if (vbd.type === 'CD') {
      if (cdDrive === undefined) {
        cdDrive = vbdRef;
        cdHasMedia = !vbd.empty;
      }
      continue;
    }
    const vdi = isNullRef(vbd.VDI) ? undefined : cache.get('VDI', vbd.VDI);
    if (vdi === undefined) continue;
    disks.push({
      device: vbd.userdevice,
      vdi: vbd.VDI,
      name: vdi.name_label,
      description: vdi.name_description,
      size: vdi.virtual_size,
      sr: vdi.SR,
      bootable: vbd.bootable,
      type: vdi.type,
      copyable: (vdi.allowed_operations as readonly string[]).includes('copy'),
    });
  }
  const vifs = vm.VIFs.flatMap((v) => {
    const vif = cache.get('VIF', v);
    return vif === undefined ? [] : [{ device: vif.device, network: vif.network, mac: vif.MAC }];
  });
  const order = (vm.HVM_boot_params['order'] ?? 'cd').toLowerCase();
  const methods = vm.other_config['install-methods'];
  const osName = vm.name_label.toLowerCase();
  return {
    ref,
    name: vm.name_label,
    isDefault,
    hvm: vm.HVM_boot_policy !== '' || vm.domain_type === 'hvm',
    windows: osName.includes('windows'),
    installMethods: methods === undefined || methods === '' ? [] : methods.split(',').map((m) => m.trim()),
    bootsFromNetwork: !isDefault && order.startsWith('n'),
    bootParams: vm.HVM_boot_params,
    platform: vm.platform,
    otherConfig: vm.other_config,
    limits: templateLimits(vm.recommendations),
    memoryStaticMin: vm.memory_static_min,
    memoryStaticMax: vm.memory_static_max,
    memoryDynamicMin: vm.memory_dynamic_min,
    memoryDynamicMax: vm.memory_dynamic_max,
    ballooning: vm.memory_dynamic_min !== vm.memory_static_max,
    vcpusMax: vm.VCPUs_max,
    vcpusAtStartup: vm.VCPUs_at_startup,
    coresPerSocket: Number(vm.platform['cores-per-socket'] ?? '1') || 1,
    affinity: isNullRef(vm.affinity) ? undefined : vm.affinity,
    provisionDisks: isDefault ? parseProvisionDisks(vm.other_config['disks']) : [],
    disks,
    cdDrive,
    cdHasMedia,
    vifs,
  };
}

/** Whether the template lets the wizard install from a URL (install-methods lists a network protocol). */
export function allowsUrlInstall(t: TemplateFacts): boolean {
  return t.isDefault && t.installMethods.some((m) => m === 'http' || m === 'ftp' || m === 'nfs');
}

/** Whether it can install from a CD/ISO: a default template whose methods include cdrom (or has none listed), any custom one unless it boots from the network. */
export function allowsCdInstall(t: TemplateFacts): boolean {
  if (!t.isDefault) return !t.bootsFromNetwork;
  return t.installMethods.length === 0 || t.installMethods.includes('cdrom');
}

/** Network boot (PXE) needs an HVM guest. */
export function allowsPxe(t: TemplateFacts): boolean {
  return t.hvm;
}
