// Enumerations of the XenAPI datamodel (ocaml/idl/datamodel*.ml), values in the
// datamodel's order. Each is an `as const` array plus the union of its values.

/** bond_mode */
export const BOND_MODE = ['balance-slb', 'active-backup', 'lacp'] as const;
export type BondMode = (typeof BOND_MODE)[number];

/** cls */
export const CLS = ['VM', 'Host', 'SR', 'Pool', 'VMPP', 'VMSS', 'PVS_proxy', 'VDI', 'Certificate'] as const;
export type Cls = (typeof CLS)[number];

/** console_protocol */
export const CONSOLE_PROTOCOL = ['vt100', 'rfb', 'rdp'] as const;
export type ConsoleProtocol = (typeof CONSOLE_PROTOCOL)[number];

/** domain_type */
export const DOMAIN_TYPE = ['hvm', 'pv', 'pv_in_pvh', 'pvh', 'unspecified'] as const;
export type DomainType = (typeof DOMAIN_TYPE)[number];

/** host_allowed_operations */
export const HOST_ALLOWED_OPERATIONS = [
  'provision',
  'evacuate',
  'shutdown',
  'reboot',
  'power_on',
  'vm_start',
  'vm_resume',
  'vm_migrate',
  'apply_updates',
  'enable',
] as const;
export type HostAllowedOperations = (typeof HOST_ALLOWED_OPERATIONS)[number];

/** host_display */
export const HOST_DISPLAY = ['enabled', 'disable_on_reboot', 'disabled', 'enable_on_reboot'] as const;
export type HostDisplay = (typeof HOST_DISPLAY)[number];

/** host_ntp_mode */
export const HOST_NTP_MODE = ['DHCP', 'Custom', 'Factory', 'Disabled'] as const;
export type HostNtpMode = (typeof HOST_NTP_MODE)[number];

/** host_numa_affinity_policy */
export const HOST_NUMA_AFFINITY_POLICY = ['any', 'best_effort', 'default_policy'] as const;
export type HostNumaAffinityPolicy = (typeof HOST_NUMA_AFFINITY_POLICY)[number];

/** ip_configuration_mode */
export const IP_CONFIGURATION_MODE = ['None', 'DHCP', 'Static'] as const;
export type IpConfigurationMode = (typeof IP_CONFIGURATION_MODE)[number];

/** ipv6_configuration_mode */
export const IPV6_CONFIGURATION_MODE = ['None', 'DHCP', 'Static', 'Autoconf'] as const;
export type Ipv6ConfigurationMode = (typeof IPV6_CONFIGURATION_MODE)[number];

/** latest_synced_updates_applied_state */
export const LATEST_SYNCED_UPDATES_APPLIED_STATE = ['yes', 'no', 'unknown'] as const;
export type LatestSyncedUpdatesAppliedState = (typeof LATEST_SYNCED_UPDATES_APPLIED_STATE)[number];

/** network_default_locking_mode */
export const NETWORK_DEFAULT_LOCKING_MODE = ['unlocked', 'disabled'] as const;
export type NetworkDefaultLockingMode = (typeof NETWORK_DEFAULT_LOCKING_MODE)[number];

/** network_operations */
export const NETWORK_OPERATIONS = ['attaching'] as const;
export type NetworkOperations = (typeof NETWORK_OPERATIONS)[number];

/** network_purpose */
export const NETWORK_PURPOSE = ['nbd', 'insecure_nbd'] as const;
export type NetworkPurpose = (typeof NETWORK_PURPOSE)[number];

/** on_boot */
export const ON_BOOT = ['reset', 'persist'] as const;
export type OnBoot = (typeof ON_BOOT)[number];

/** on_crash_behaviour */
export const ON_CRASH_BEHAVIOUR = [
  'destroy',
  'coredump_and_destroy',
  'restart',
  'coredump_and_restart',
  'preserve',
  'rename_restart',
] as const;
export type OnCrashBehaviour = (typeof ON_CRASH_BEHAVIOUR)[number];

/** on_normal_exit */
export const ON_NORMAL_EXIT = ['destroy', 'restart'] as const;
export type OnNormalExit = (typeof ON_NORMAL_EXIT)[number];

/** on_softreboot_behavior */
export const ON_SOFTREBOOT_BEHAVIOR = ['soft_reboot', 'destroy', 'restart', 'preserve'] as const;
export type OnSoftrebootBehavior = (typeof ON_SOFTREBOOT_BEHAVIOR)[number];

/** pci_dom0_access */
export const PCI_DOM0_ACCESS = ['enabled', 'disable_on_reboot', 'disabled', 'enable_on_reboot'] as const;
export type PciDom0Access = (typeof PCI_DOM0_ACCESS)[number];

/** allocation_algorithm: how VGPUs are spread over a GPU group's PGPUs. */
export const ALLOCATION_ALGORITHM = ['breadth_first', 'depth_first'] as const;

/** pif_igmp_status */
export const PIF_IGMP_STATUS = ['enabled', 'disabled', 'unknown'] as const;
export type PifIgmpStatus = (typeof PIF_IGMP_STATUS)[number];

/** pool_allowed_operations */
export const POOL_ALLOWED_OPERATIONS = [
  'ha_enable',
  'ha_disable',
  'cluster_create',
  'designate_new_master',
  'configure_repositories',
  'sync_updates',
  'sync_bundle',
  'get_updates',
  'apply_updates',
  'tls_verification_enable',
  'cert_refresh',
  'exchange_certificates_on_join',
  'exchange_ca_certificates_on_join',
  'copy_primary_host_certs',
  'eject',
  'exchange_crls_on_join',
] as const;
export type PoolAllowedOperations = (typeof POOL_ALLOWED_OPERATIONS)[number];

/** primary_address_type */
export const PRIMARY_ADDRESS_TYPE = ['IPv4', 'IPv6'] as const;
export type PrimaryAddressType = (typeof PRIMARY_ADDRESS_TYPE)[number];

/** sriov_configuration_mode */
export const SRIOV_CONFIGURATION_MODE = ['sysfs', 'modprobe', 'manual', 'unknown'] as const;
export type SriovConfigurationMode = (typeof SRIOV_CONFIGURATION_MODE)[number];

/** storage_operations */
export const STORAGE_OPERATIONS = [
  'scan',
  'destroy',
  'forget',
  'plug',
  'unplug',
  'update',
  'vdi_create',
  'vdi_introduce',
  'vdi_destroy',
  'vdi_resize',
  'vdi_clone',
  'vdi_snapshot',
  'vdi_mirror',
  'vdi_enable_cbt',
  'vdi_disable_cbt',
  'vdi_data_destroy',
  'vdi_list_changed_blocks',
  'vdi_set_on_boot',
  'vdi_blocked',
  'vdi_copy',
  'vdi_force_unlock',
  'vdi_forget',
  'vdi_generate_config',
  'vdi_resize_online',
  'vdi_update',
  'vdi_revert',
  'pbd_create',
  'pbd_destroy',
] as const;
export type StorageOperations = (typeof STORAGE_OPERATIONS)[number];

/** task_allowed_operations */
export const TASK_ALLOWED_OPERATIONS = ['cancel', 'destroy'] as const;
export type TaskAllowedOperations = (typeof TASK_ALLOWED_OPERATIONS)[number];

/** task_status_type */
export const TASK_STATUS_TYPE = ['pending', 'success', 'failure', 'cancelling', 'cancelled'] as const;
export type TaskStatusType = (typeof TASK_STATUS_TYPE)[number];

/** telemetry_frequency */
export const TELEMETRY_FREQUENCY = ['daily', 'weekly', 'monthly'] as const;
export type TelemetryFrequency = (typeof TELEMETRY_FREQUENCY)[number];

/** tristate_type */
export const TRISTATE_TYPE = ['yes', 'no', 'unspecified'] as const;
export type TristateType = (typeof TRISTATE_TYPE)[number];

/** update_guidances */
export const UPDATE_GUIDANCES = [
  'reboot_host',
  'reboot_host_on_livepatch_failure',
  'reboot_host_on_kernel_livepatch_failure',
  'reboot_host_on_xen_livepatch_failure',
  'restart_toolstack',
  'restart_device_model',
  'restart_vm',
] as const;
export type UpdateGuidances = (typeof UPDATE_GUIDANCES)[number];

/** update_sync_frequency */
export const UPDATE_SYNC_FREQUENCY = ['daily', 'weekly'] as const;
export type UpdateSyncFrequency = (typeof UPDATE_SYNC_FREQUENCY)[number];

/** vbd_mode */
export const VBD_MODE = ['RO', 'RW'] as const;
export type VbdMode = (typeof VBD_MODE)[number];

/** vbd_operations */
export const VBD_OPERATIONS = [
  'attach',
  'eject',
  'insert',
  'plug',
  'unplug',
  'unplug_force',
  'pause',
  'unpause',
] as const;
export type VbdOperations = (typeof VBD_OPERATIONS)[number];

/** vbd_type */
export const VBD_TYPE = ['CD', 'Disk', 'Floppy'] as const;
export type VbdType = (typeof VBD_TYPE)[number];

/** vdi_operations */
export const VDI_OPERATIONS = [
  'clone',
  'copy',
  'resize',
  'resize_online',
  'snapshot',
  'mirror',
  'destroy',
  'forget',
  'update',
  'force_unlock',
  'generate_config',
  'enable_cbt',
  'disable_cbt',
  'data_destroy',
  'list_changed_blocks',
  'set_on_boot',
  'blocked',
  'revert_to',
  'revert_from',
] as const;
export type VdiOperations = (typeof VDI_OPERATIONS)[number];

/** vdi_type */
export const VDI_TYPE = [
  'system',
  'user',
  'ephemeral',
  'suspend',
  'crashdump',
  'ha_statefile',
  'metadata',
  'redo_log',
  'rrd',
  'pvs_cache',
  'cbt_metadata',
] as const;
export type VdiType = (typeof VDI_TYPE)[number];

/** vif_ipv4_configuration_mode */
export const VIF_IPV4_CONFIGURATION_MODE = ['None', 'Static', 'DHCP'] as const;
export type VifIpv4ConfigurationMode = (typeof VIF_IPV4_CONFIGURATION_MODE)[number];

/** vif_ipv6_configuration_mode */
export const VIF_IPV6_CONFIGURATION_MODE = ['None', 'Static', 'Autoconf'] as const;
export type VifIpv6ConfigurationMode = (typeof VIF_IPV6_CONFIGURATION_MODE)[number];

/** vif_locking_mode */
export const VIF_LOCKING_MODE = ['network_default', 'locked', 'unlocked', 'disabled'] as const;
export type VifLockingMode = (typeof VIF_LOCKING_MODE)[number];

/** vif_operations */
export const VIF_OPERATIONS = ['attach', 'plug', 'unplug'] as const;
export type VifOperations = (typeof VIF_OPERATIONS)[number];

/** vm_operations */
export const VM_OPERATIONS = [
  'snapshot',
  'clone',
  'copy',
  'create_template',
  'revert',
  'checkpoint',
  'snapshot_with_quiesce',
  'provision',
  'start',
  'start_on',
  'pause',
  'unpause',
  'clean_shutdown',
  'clean_reboot',
  'hard_shutdown',
  'power_state_reset',
  'hard_reboot',
  'suspend',
  'csvm',
  'resume',
  'resume_on',
  'pool_migrate',
  'migrate_send',
  'get_boot_record',
  'send_sysrq',
  'send_trigger',
  'query_services',
  'shutdown',
  'call_plugin',
  'changing_memory_live',
  'awaiting_memory_live',
  'changing_dynamic_range',
  'changing_static_range',
  'changing_memory_limits',
  'changing_shadow_memory',
  'changing_shadow_memory_live',
  'changing_VCPUs',
  'changing_VCPUs_live',
  'changing_NVRAM',
  'assert_operation_valid',
  'data_source_op',
  'update_allowed_operations',
  'make_into_template',
  'import',
  'export',
  'metadata_export',
  'reverting',
  'destroy',
  'create_vtpm',
  'sysprep',
] as const;
export type VmOperations = (typeof VM_OPERATIONS)[number];

/** vm_power_state */
export const VM_POWER_STATE = ['Halted', 'Paused', 'Running', 'Suspended'] as const;
export type VmPowerState = (typeof VM_POWER_STATE)[number];

/** vm_secureboot_certificates_state */
export const VM_SECUREBOOT_CERTIFICATES_STATE = ['ok', 'update_available', 'update_on_boot'] as const;
export type VmSecurebootCertificatesState = (typeof VM_SECUREBOOT_CERTIFICATES_STATE)[number];

/** vmss_frequency */
export const VMSS_FREQUENCY = ['hourly', 'daily', 'weekly'] as const;
export type VmssFrequency = (typeof VMSS_FREQUENCY)[number];

/** vmss_type */
export const VMSS_TYPE = ['snapshot', 'checkpoint', 'snapshot_with_quiesce'] as const;
export type VmssType = (typeof VMSS_TYPE)[number];
