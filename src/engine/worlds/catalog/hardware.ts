// Server hardware the simulated hosts are made of, as data.
//
// CPU identification (family/model/stepping, base clock, cores) is from the
// vendors' spec sheets (ark.intel.com, amd.com) and the CPUID values Linux
// prints for these parts. The `flags` strings are /proc/cpuinfo flags of
// the bare-metal CPU. Note: on a real XenServer, xapi copies the flags from
// dom0's /proc/cpuinfo, and dom0 is a PV guest, so `vmx`/`svm` are hidden
// there; the simulator shows the physical CPU's flags because whether the
// CPU has hardware assist is what a learner needs to see (HVM needs it).
// xapi's cpu_info keys: ocaml/xapi/create_misc.ml (create_host_cpu).

export type CpuVendor = 'GenuineIntel' | 'AuthenticAMD';

export interface CpuModel {
  readonly id: string;
  readonly vendor: CpuVendor;
  readonly modelname: string;
  readonly family: number;
  readonly model: number;
  readonly stepping: number;
  /** "cpu MHz" as /proc/cpuinfo reports it (near the base clock). */
  readonly speedMHz: number;
  readonly coresPerSocket: number;
  readonly threadsPerCore: number;
  readonly flags: string;
}

const X86_BASE =
  'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush';

const INTEL_COMMON =
  `${X86_BASE} dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc art arch_perfmon pebs bts rep_good nopl xtopology nonstop_tsc cpuid aperfmperf pni pclmulqdq dtes64 monitor ds_cpl vmx smx est tm2 ssse3 sdbg fma cx16 xtpr pdcm pcid dca sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand lahf_lm abm 3dnowprefetch cpuid_fault epb cat_l3 cdp_l3 invpcid_single intel_ppin ssbd mba ibrs ibpb stibp ibrs_enhanced tpr_shadow vnmi flexpriority ept vpid ept_ad fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid cqm rdt_a avx512f avx512dq rdseed adx smap clflushopt clwb intel_pt avx512cd avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves cqm_llc cqm_occup_llc cqm_mbm_total cqm_mbm_local dtherm ida arat pln pts`;

const ICE_LAKE_EXTRA =
  'avx512ifma sha_ni split_lock_detect wbnoinvd hwp hwp_act_window hwp_epp hwp_pkg_req avx512vbmi umip pku ospke avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg tme avx512_vpopcntdq la57 rdpid fsrm md_clear pconfig flush_l1d arch_capabilities';

const SAPPHIRE_RAPIDS_EXTRA =
  `${ICE_LAKE_EXTRA} avx_vnni avx512_bf16 cldemote movdiri movdir64b enqcmd serialize tsxldtrk amx_bf16 avx512_fp16 amx_tile amx_int8`;

const CASCADE_LAKE_EXTRA = 'hwp hwp_act_window hwp_epp hwp_pkg_req pku ospke avx512_vnni md_clear flush_l1d arch_capabilities';

const AMD_ZEN3 =
  `${X86_BASE} mmx fxsr sse sse2 ht syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl nonstop_tsc cpuid extd_apicid aperfmperf rapl pni pclmulqdq monitor ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand lahf_lm cmp_legacy svm extapic cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw ibs skinit wdt tce topoext perfctr_core perfctr_nb bpext perfctr_llc mwaitx cpb cat_l3 cdp_l3 invpcid_single hw_pstate ssbd mba ibrs ibpb stibp vmmcall fsgsbase bmi1 avx2 smep bmi2 erms invpcid cqm rdt_a rdseed adx smap clflushopt clwb sha_ni xsaveopt xsavec xgetbv1 xsaves cqm_llc cqm_occup_llc cqm_mbm_total cqm_mbm_local clzero irperf xsaveerptr rdpru wbnoinvd amd_ppin arat npt lbrv svm_lock nrip_save tsc_scale vmcb_clean flushbyasid decodeassists pausefilter pfthreshold v_vmsave_vmload vgif v_spec_ctrl umip pku ospke vaes vpclmulqdq rdpid overflow_recov succor smca`;

const AMD_ZEN4_EXTRA = 'avx512f avx512dq avx512ifma avx512cd avx512bw avx512vl avx512_bf16 avx512vbmi avx512_vbmi2 gfni avx512_vnni avx512_bitalg avx512_vpopcntdq la57 fsrm flush_l1d x2avic v_spec_ctrl vnmi';

export const CPU_MODELS = {
  // Ice Lake-SP, 32 cores, 2.0 GHz (CPUID 0x606A6).
  'xeon-gold-6338': { id: 'xeon-gold-6338', vendor: 'GenuineIntel', modelname: 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', family: 6, model: 106, stepping: 6, speedMHz: 1995.312, coresPerSocket: 32, threadsPerCore: 2, flags: `${INTEL_COMMON} ${ICE_LAKE_EXTRA}` },
  // Ice Lake-SP, 16 cores, 2.4 GHz.
  'xeon-silver-4314': { id: 'xeon-silver-4314', vendor: 'GenuineIntel', modelname: 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz', family: 6, model: 106, stepping: 6, speedMHz: 2394.374, coresPerSocket: 16, threadsPerCore: 2, flags: `${INTEL_COMMON} ${ICE_LAKE_EXTRA}` },
  // Sapphire Rapids, 32 cores, 2.1 GHz (CPUID 0x806F8).
  'xeon-gold-6430': { id: 'xeon-gold-6430', vendor: 'GenuineIntel', modelname: 'Intel(R) Xeon(R) Gold 6430', family: 6, model: 143, stepping: 8, speedMHz: 2095.078, coresPerSocket: 32, threadsPerCore: 2, flags: `${INTEL_COMMON} ${SAPPHIRE_RAPIDS_EXTRA}` },
  // Cascade Lake, 24 cores, 3.0 GHz (CPUID 0x50657).
  'xeon-gold-6248r': { id: 'xeon-gold-6248r', vendor: 'GenuineIntel', modelname: 'Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz', family: 6, model: 85, stepping: 7, speedMHz: 2992.968, coresPerSocket: 24, threadsPerCore: 2, flags: `${INTEL_COMMON} ${CASCADE_LAKE_EXTRA}` },
  // Milan (Zen 3), 32 cores, 2.8 GHz (family 0x19 model 0x01).
  'epyc-7543': { id: 'epyc-7543', vendor: 'AuthenticAMD', modelname: 'AMD EPYC 7543 32-Core Processor', family: 25, model: 1, stepping: 1, speedMHz: 2794.748, coresPerSocket: 32, threadsPerCore: 2, flags: AMD_ZEN3 },
  // Milan (Zen 3), 16 cores, 3.0 GHz.
  'epyc-7313': { id: 'epyc-7313', vendor: 'AuthenticAMD', modelname: 'AMD EPYC 7313 16-Core Processor', family: 25, model: 1, stepping: 1, speedMHz: 2994.372, coresPerSocket: 16, threadsPerCore: 2, flags: AMD_ZEN3 },
  // Genoa (Zen 4), 32 cores, 3.25 GHz (family 0x19 model 0x11).
  'epyc-9354': { id: 'epyc-9354', vendor: 'AuthenticAMD', modelname: 'AMD EPYC 9354 32-Core Processor', family: 25, model: 17, stepping: 1, speedMHz: 3245.094, coresPerSocket: 32, threadsPerCore: 2, flags: `${AMD_ZEN3} ${AMD_ZEN4_EXTRA}` },
} as const satisfies Record<string, CpuModel>;

export type CpuModelId = keyof typeof CPU_MODELS;

/** Whether the CPU offers hardware-assisted virtualization (Intel VT-x / AMD-V). */
export function hasHardwareAssist(cpu: CpuModel): boolean {
  const flags = ` ${cpu.flags} `;
  return flags.includes(' vmx ') || flags.includes(' svm ');
}

export interface NicModel {
  readonly id: string;
  readonly vendor_id: string;
  readonly vendor_name: string;
  readonly device_id: string;
  readonly device_name: string;
  readonly driver: string;
  /** Link speed in Mbit/s (PIF_metrics.speed). */
  readonly speed: number;
  readonly ports: number;
}

// PCI ids from the pci.ids database (https://pci-ids.ucw.cz).
export const NIC_MODELS = {
  'intel-i350': { id: 'intel-i350', vendor_id: '8086', vendor_name: 'Intel Corporation', device_id: '1521', device_name: 'I350 Gigabit Network Connection', driver: 'igb', speed: 1000, ports: 4 },
  'broadcom-bcm5720': { id: 'broadcom-bcm5720', vendor_id: '14e4', vendor_name: 'Broadcom Inc. and subsidiaries', device_id: '165f', device_name: 'NetXtreme BCM5720 Gigabit Ethernet PCIe', driver: 'tg3', speed: 1000, ports: 2 },
  'intel-x710': { id: 'intel-x710', vendor_id: '8086', vendor_name: 'Intel Corporation', device_id: '1572', device_name: 'Ethernet Controller X710 for 10GbE SFP+', driver: 'i40e', speed: 10000, ports: 4 },
  'mellanox-cx4lx': { id: 'mellanox-cx4lx', vendor_id: '15b3', vendor_name: 'Mellanox Technologies', device_id: '1015', device_name: 'MT27710 Family [ConnectX-4 Lx]', driver: 'mlx5_core', speed: 25000, ports: 2 },
} as const satisfies Record<string, NicModel>;

export type NicModelId = keyof typeof NIC_MODELS;

export interface ServerModel {
  readonly manufacturer: string;
  readonly product: string;
  readonly biosVendor: string;
  readonly biosVersion: string;
}

// What dmidecode reports, copied by xapi into host.bios_strings.
export const SERVER_MODELS = {
  'dell-r650': { manufacturer: 'Dell Inc.', product: 'PowerEdge R650', biosVendor: 'Dell Inc.', biosVersion: '1.13.2' },
  'dell-r750': { manufacturer: 'Dell Inc.', product: 'PowerEdge R750', biosVendor: 'Dell Inc.', biosVersion: '1.13.2' },
  'hpe-dl380-gen10plus': { manufacturer: 'HPE', product: 'ProLiant DL380 Gen10 Plus', biosVendor: 'HPE', biosVersion: 'U46' },
  'hpe-dl385-gen10plus': { manufacturer: 'HPE', product: 'ProLiant DL385 Gen10 Plus v2', biosVendor: 'HPE', biosVersion: 'A55' },
  'lenovo-sr650v3': { manufacturer: 'Lenovo', product: 'ThinkSystem SR650 V3', biosVendor: 'Lenovo', biosVersion: 'ESE114K' },
  'supermicro-as2024': { manufacturer: 'Supermicro', product: 'AS -2024US-TRT', biosVendor: 'American Megatrends International, LLC.', biosVersion: '2.6' },
} as const satisfies Record<string, ServerModel>;

export type ServerModelId = keyof typeof SERVER_MODELS;

const GB = 1e9; // drives are sold in decimal units
const GiB = 1024 ** 3;

/** Usable sizes of local RAID volumes (vendor capacities, decimal bytes). */
export const LOCAL_DISK_SIZES = {
  '960G-ssd-raid1': 960 * GB,
  '1.92T-ssd-raid1': 1920 * GB,
  '3.84T-ssd-raid1': 3840 * GB,
  '2.4T-sas-raid10': 2 * 2400 * GB,
} as const;

/**
 * The XenServer 8 installer's partitions before the local SR (/dev/sda3):
 * root 18 GiB, backup 18 GiB, logs 4 GiB, swap 1 GiB, boot/EFI 512 MiB
 * (xenserver/host-installer constants.py); the rest of the disk is the SR.
 */
export const INSTALLER_PARTITIONS = 18 * GiB + 18 * GiB + 4 * GiB + 1 * GiB + 0.5 * GiB;

/** A local SR's physical_size: the disk less the installer's partitions, in whole 4 MiB LVM extents. */
export function localSrSize(diskBytes: number): number {
  const extent = 4 * 1024 * 1024;
  return Math.floor((diskBytes - INSTALLER_PARTITIONS) / extent) * extent;
}
