// Why the same workload costs a guest more or less host CPU, by how it is
// virtualized (the course notes: paravirtualization reaches about 90 % of
// native performance; full virtualization is slower, above all for I/O that
// QEMU emulates in dom0). The simulator's CPU model charges the same ordering
// (src/engine/metrics/models/virt-mode.ts).
import type { RecordOf } from '../../xapi/types';

export type VirtModeKind = 'pv' | 'pvh' | 'hvm-pv-drivers' | 'hvm-emulated';

/** The mode as the performance model tells them apart (HVM: with or without PV drivers). */
export function virtModeKind(vm: RecordOf<'VM'>, gm: RecordOf<'VM_guest_metrics'> | undefined): VirtModeKind {
  const type = vm.domain_type === 'unspecified' ? (vm.HVM_boot_policy === '' ? 'pv' : 'hvm') : vm.domain_type;
  if (type === 'pv' || type === 'pv_in_pvh') return 'pv';
  if (type === 'pvh') return 'pvh';
  return gm?.PV_drivers_detected === true ? 'hvm-pv-drivers' : 'hvm-emulated';
}

export const VIRT_MODE_NOTES: Readonly<Record<VirtModeKind, string>> = {
  pv: 'Paravirtualized (PV): the guest kernel calls the hypervisor directly (hypercalls) and uses PV disk and network drivers. Typical work runs at about 90 % of native speed; system calls cost the most.',
  pvh: 'PVH: hardware-assisted CPU and memory virtualization with PV drivers and no emulated devices. Close to native speed.',
  'hvm-pv-drivers':
    'HVM with optimized drivers: hardware-assisted virtualization (Intel VT-x / AMD-V) with PV disk and network drivers. Close to native speed; the emulated platform adds a little.',
  'hvm-emulated':
    'HVM without PV drivers: every disk and network operation traps to Xen and is served by QEMU device emulation in the control domain, so I/O is several times costlier and slower, and uses host CPU. Install the guest tools (PV drivers) to avoid it.',
};
