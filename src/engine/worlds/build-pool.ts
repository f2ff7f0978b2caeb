// Pool-wide objects both worlds need: the networks every host's NICs join,
// the host-internal management network, shared SRs (one PBD per host), the
// ISO library, the XenServer Tools SR and the pool record itself.
// Names and other_config keys are those xapi gives these objects
// (ocaml/xapi/xapi_network.ml, create_misc.ml, xapi_globs.ml).
import type { Engine } from '../engine';
import { createVdi } from '../storage/vdi-space';
import { refreshSr } from '../storage/sr-operations';

const MiB = 1024 ** 2;

/** 'Pool-wide network associated with ethN' on bridge xenbrN, one per NIC port. */
export function createPoolNetworks(engine: Engine, nics: number): string[] {
  return Array.from({ length: nics }, (_, i) =>
    engine.world.create('network', {
      name_label: `Pool-wide network associated with eth${String(i)}`,
      name_description: '',
      bridge: `xenbr${String(i)}`,
      MTU: 1500,
      managed: true,
      other_config: {},
    }),
  );
}

/** The network guests use to reach xapi over link-local addresses (no PIFs). */
export function createHostInternalNetwork(engine: Engine): string {
  return engine.world.create('network', {
    name_label: 'Host internal management network',
    name_description: 'Network on which guests will be assigned a private link-local IP address which can be used to talk XenAPI',
    bridge: 'xenapi',
    MTU: 1500,
    managed: true,
    other_config: {
      is_guest_installer_network: 'true',
      is_host_internal_management_network: 'true',
      ip_begin: '169.254.0.1',
      ip_end: '169.254.255.254',
      netmask: '255.255.0.0',
    },
  });
}

export interface SharedSrSpec {
  readonly name: string;
  readonly description?: string;
  readonly type: string;
  readonly content_type: 'user' | 'iso';
  readonly size: number;
  /** Space used by files that are not VDIs of this SR (ISO exports, the dom0 filesystem). */
  readonly baseUsed?: number;
  readonly deviceConfig: Readonly<Record<string, string>>;
  readonly hosts: readonly string[];
  readonly otherConfig?: Readonly<Record<string, string>>;
  readonly smConfig?: Readonly<Record<string, string>>;
  readonly isToolsSr?: boolean;
}

/** A shared SR plugged on every host of the pool. */
export function createSharedSr(engine: Engine, spec: SharedSrSpec): string {
  const sr = engine.world.create('SR', {
    name_label: spec.name,
    name_description: spec.description ?? '',
    type: spec.type,
    content_type: spec.content_type,
    shared: true,
    physical_size: spec.size,
    physical_utilisation: spec.baseUsed ?? 0,
    virtual_allocation: 0,
    other_config: spec.otherConfig ?? {},
    sm_config: spec.smConfig ?? {},
    is_tools_sr: spec.isToolsSr ?? false,
  });
  for (const host of spec.hosts) {
    engine.world.create('PBD', { host, SR: sr, device_config: spec.deviceConfig, currently_attached: true, other_config: {} });
  }
  refreshSr(engine.world, sr);
  return sr;
}

/** An NFS SR for VM disks on the lab's storage server. */
export function createNfsSr(engine: Engine, hosts: readonly string[], name: string, server: string, serverpath: string, size: number): string {
  return createSharedSr(engine, {
    name,
    description: `NFS SR [${server}:${serverpath}]`,
    type: 'nfs',
    content_type: 'user',
    size,
    deviceConfig: { server, serverpath, nfsversion: '4.1' },
    hosts,
    // xapi/SM mark SRs that should be rescanned automatically.
    otherConfig: { 'auto-scan': 'false' },
    smConfig: {},
  });
}

/** ISO images on an ISO SR, as `SR.scan` lists them (name = file name, size = file size). */
export function addIsos(engine: Engine, sr: string, isos: readonly (readonly [string, number])[], tools = false): string[] {
  return isos.map(([file, size]) =>
    createVdi(engine, sr, {
      name_label: file,
      name_description: '',
      location: file,
      type: 'user',
      virtual_size: size,
      physical_utilisation: size,
      read_only: tools,
      sharable: false,
      is_tools_iso: tools,
      sm_config: {},
      other_config: {},
      allowed_operations: ['clone', 'copy', 'snapshot', 'destroy', 'forget', 'update'],
    }),
  );
}

/** An NFS ISO library on the lab's storage server, with the install media the lab uses. */
export function createIsoLibrary(engine: Engine, hosts: readonly string[], server: string, isos: readonly (readonly [string, number])[]): string {
  const sr = createSharedSr(engine, {
    name: 'ISO library',
    description: `NFS ISO Library [${server}:/export/isos]`,
    type: 'iso',
    content_type: 'iso',
    size: 1024 * 1024 * MiB, // a 1 TiB export
    deviceConfig: { location: `${server}:/export/isos`, type: 'nfs_iso' },
    hosts,
  });
  addIsos(engine, sr, isos);
  return sr;
}

/** The SR xapi creates for the VM Tools ISO, served from each host's dom0 filesystem. */
export function createToolsSr(engine: Engine, hosts: readonly string[]): string {
  const sr = createSharedSr(engine, {
    name: 'XenServer Tools',
    description: 'XenServer Tools ISOs',
    type: 'iso',
    content_type: 'iso',
    size: 18 * 1024 * MiB, // the dom0 root partition
    baseUsed: 5 * 1024 * MiB, // dom0's own files on it
    deviceConfig: { location: '/opt/xensource/packages/iso', legacy_mode: 'true' },
    hosts,
    isToolsSr: true,
    otherConfig: {
      xensource_internal: 'true',
      'i18n-key': 'xenserver-tools',
      'i18n-original-value-name_label': 'XenServer Tools',
      'i18n-original-value-name_description': 'XenServer Tools ISOs',
    },
  });
  addIsos(engine, sr, [['guest-tools.iso', 47 * MiB]], true);
  return sr;
}

export interface PoolSpec {
  readonly name: string;
  readonly description?: string;
  readonly master: string;
  readonly defaultSR: string;
  readonly hosts: readonly string[];
  readonly tags?: readonly string[];
}

/** The pool record; cpu_info sums the hosts' CPUs as xapi's create_pool_cpuinfo does. */
export function createPool(engine: Engine, spec: PoolSpec): string {
  let cpus = 0;
  let sockets = 0;
  let vendor = '';
  let features = '';
  for (const host of spec.hosts) {
    const info = engine.world.get('host', host).cpu_info;
    cpus += Number(info['cpu_count'] ?? 0);
    sockets += Number(info['socket_count'] ?? 0);
    vendor = info['vendor'] ?? vendor;
    features = info['features_hvm'] ?? features;
  }
  return engine.world.create('pool', {
    name_label: spec.name,
    name_description: spec.description ?? '',
    master: spec.master,
    default_SR: spec.defaultSR,
    suspend_image_SR: spec.defaultSR,
    crash_dump_SR: spec.defaultSR,
    ha_enabled: false,
    other_config: { 'memory-ratio-hvm': '0.25', 'memory-ratio-pv': '0.25' },
    gui_config: {},
    tags: spec.tags ?? [],
    cpu_info: {
      cpu_count: String(cpus),
      socket_count: String(sockets),
      vendor,
      features_pv: features,
      features_hvm: features,
      features_pv_host: features,
      features_hvm_host: features,
    },
    restrictions: {
      restrict_pooling: 'false',
      restrict_xen_motion: 'false',
      restrict_storage_xen_motion: 'false',
      restrict_ha: 'false',
      restrict_wlb: 'false',
      restrict_vmss: 'false',
      restrict_pci_device_for_auto_update: 'false',
    },
    allowed_operations: ['ha_enable', 'cluster_create', 'designate_new_master', 'configure_repositories', 'sync_updates', 'apply_updates', 'cert_refresh', 'exchange_certificates_on_join', 'exchange_ca_certificates_on_join', 'copy_primary_host_certs'],
    migration_compression: false,
  });
}
