// The GPU tab's rows: the physical GPUs (PGPUs) of a server or of the whole
// pool, grouped by their GPU_group as XenCenter's GPU page groups them, with
// the VM each one is passed through to.
import type { ObjectCache } from '../../cache/object-cache';
import { naturalCompare } from '../../format/natural-compare';
import { passedThrough } from '../../dialogs/gpu-page';

export interface GpuRow {
  readonly [key: string]: string;
  readonly ref: string;
  readonly server: string;
  readonly gpu: string;
  readonly pciBus: string;
  /** "In use by <VM>", "Assigned to <VM> (not running)" or "Available". */
  readonly use: string;
}

export interface GpuGroupRows {
  readonly group: string;
  readonly name: string;
  readonly rows: readonly GpuRow[];
}

/** The VM that holds a PCI device now (attached_PCIs), else one whose other_config:pci names it and that is not running. */
function userOf(cache: ObjectCache, pciRef: string, pciId: string, unique: boolean): string {
  let assigned = '';
  for (const [, vm] of cache.all('VM')) {
    if (vm.is_a_template || vm.is_a_snapshot) continue;
    if (vm.attached_PCIs.includes(pciRef)) return `In use by ${vm.name_label}`;
    if (unique && vm.power_state === 'Halted' && passedThrough(vm.other_config) === pciId) assigned ||= `Assigned to ${vm.name_label} (not running)`;
  }
  return assigned || 'Available';
}

/** The PGPUs of `hostRef` (or of every server when it is undefined), one entry per GPU group. */
export function gpuGroups(cache: ObjectCache, hostRef: string | undefined): GpuGroupRows[] {
  const pgpus = [...cache.all('PGPU')].filter(([, p]) => hostRef === undefined || p.host === hostRef);
  const idCount = new Map<string, number>();
  for (const [, p] of cache.all('PGPU')) {
    const id = cache.get('PCI', p.PCI)?.pci_id ?? '';
    idCount.set(id, (idCount.get(id) ?? 0) + 1);
  }
  const groups = new Map<string, { name: string; rows: GpuRow[] }>();
  for (const [ref, pgpu] of pgpus) {
    const pci = cache.get('PCI', pgpu.PCI);
    const device = pci === undefined ? 'Unknown GPU' : `${pci.vendor_name} ${pci.device_name}`;
    const group = cache.get('GPU_group', pgpu.GPU_group);
    const key = group === undefined ? `device:${device}` : pgpu.GPU_group;
    const entry = groups.get(key) ?? { name: group?.name_label ?? device, rows: [] };
    const pciId = pci?.pci_id ?? '';
    entry.rows.push({
      ref,
      server: cache.get('host', pgpu.host)?.name_label ?? '',
      gpu: pci === undefined ? 'Unknown GPU' : pci.subsystem_device_name || pci.device_name,
      pciBus: pciId,
      use: userOf(cache, pgpu.PCI, pciId, idCount.get(pciId) === 1),
    });
    groups.set(key, entry);
  }
  return [...groups]
    .map(([group, { name, rows }]) => ({ group, name, rows: rows.sort((a, b) => naturalCompare(a.server, b.server) || naturalCompare(a.pciBus, b.pciBus)) }))
    .sort((a, b) => naturalCompare(a.name, b.name));
}
