// How long lifecycle operations take in virtual seconds. Domain building is
// quick and scales with memory (Xen populates and scrubs the guest's pages);
// guests' own boot and shutdown depend on the OS; suspend/resume stream the
// memory image to or from the SR at its bandwidth.
import type { VMRecord } from '../../xapi/types';
import { TEMPLATES, type TemplateSpec } from '../worlds/catalog/templates';

const GiB = 1024 ** 3;

export type OsFamily = 'windows' | 'linux' | 'other';

export function osFamily(vm: Pick<VMRecord, 'reference_label' | 'platform' | 'name_label'>): OsFamily {
  const label = `${vm.reference_label} ${vm.name_label}`.toLowerCase();
  if (label.includes('win') || vm.platform['viridian'] === 'true') return 'windows';
  if (/debian|ubuntu|rhel|red hat|rocky|alma|centos|oracle|suse|sles|linux|fedora/.test(label)) return 'linux';
  return 'other';
}

/** Building the domain and handing control to the guest (the VM.start task). */
export function domainBuildSeconds(memoryBytes: number): number {
  return Math.min(20, 2 + 0.4 * (memoryBytes / GiB));
}

type Guest = Pick<VMRecord, 'reference_label' | 'platform' | 'name_label'>;

/** The template's own timing when the VM came from a known template. */
function catalogEntry(vm: Guest): TemplateSpec | undefined {
  return TEMPLATES.find((t) => t.reference_label === vm.reference_label);
}

/** From power-on to a guest whose tools report in. */
export function guestBootSeconds(vm: Guest): number {
  const known = catalogEntry(vm)?.bootSeconds;
  if (known !== undefined) return known;
  const family = osFamily(vm);
  return family === 'windows' ? 45 : family === 'linux' ? 18 : 25;
}

/** A clean shutdown: the guest's own shutdown, then the domain is destroyed. */
export function cleanShutdownSeconds(vm: Guest): number {
  const known = catalogEntry(vm)?.shutdownSeconds;
  if (known !== undefined) return known + 1;
  return (osFamily(vm) === 'windows' ? 14 : 6) + 1;
}

export const HARD_SHUTDOWN_SECONDS = 1;
export const PAUSE_SECONDS = 0.1;

/** Writing (or reading) a memory image of `bytes` at `bandwidth` bytes/s, plus device save/restore. */
export function memoryImageSeconds(bytes: number, bandwidth: number): number {
  return 1.5 + bytes / bandwidth;
}
