// The GPU page of a VM's Properties: pass one of the pool's GPUs through to
// the VM (other_config:pci = "0/<PCI id>", which xapi's pciops attaches at
// boot), or none. Only GPUs of servers with an IOMMU are offered (others
// could never be attached: VM_REQUIRES_IOMMU); the choice is made while the
// VM is shut down, as XenCenter's GPU page allows. A VM holding a GPU runs only
// on that GPU's server and cannot migrate or suspend.
import { useCallback, useId, useState } from 'react';
import type { XenApiCaller } from '../actions/action-types';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector, useObject } from '../cache/use-cache';
import { FIELD_HINT, INPUT, LABEL } from './dialog-styles';

const GPU_CLASSES = new Set(['3D controller', 'VGA compatible controller', 'Display controller']);

export interface GpuChoice {
  readonly pciId: string;
  readonly label: string;
}

/** The GPUs a VM can be given: on servers with an IOMMU, as "<device> on <server> (<PCI id>)". */
export function gpuChoices(cache: ObjectCache): GpuChoice[] {
  const out: GpuChoice[] = [];
  for (const [, pci] of cache.all('PCI')) {
    if (!GPU_CLASSES.has(pci.class_name)) continue;
    const host = cache.get('host', pci.host);
    if (host === undefined || host.chipset_info['iommu'] !== 'true') continue;
    out.push({ pciId: pci.pci_id, label: `${pci.subsystem_device_name || pci.device_name} on ${host.name_label} (${pci.pci_id})` });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

/** The PCI id other_config:pci names (the first item), or ''. */
export function passedThrough(otherConfig: Readonly<Record<string, string>> | undefined): string {
  const first = (otherConfig?.['pci'] ?? '').split(',')[0]?.trim() ?? '';
  return first.split('/').pop() ?? '';
}

const sameChoices = (a: readonly GpuChoice[], b: readonly GpuChoice[]) => a.length === b.length && a.every((c, i) => c.pciId === b[i]?.pciId && c.label === b[i]?.label);

export interface GpuEditor {
  readonly available: boolean;
  readonly value: string;
  readonly choices: readonly GpuChoice[];
  /** Why the GPU cannot be changed now (the VM is not shut down). */
  readonly locked: string | undefined;
  set(value: string): void;
  save(client: XenApiCaller, vm: string): Promise<void>;
}

export function useGpuEditor(vmRef: string, enabled: boolean): GpuEditor {
  const vm = useObject('VM', vmRef);
  const choices = useCacheSelector(useCallback((c: ObjectCache) => gpuChoices(c), []), sameChoices);
  const [initial] = useState(() => passedThrough(vm?.other_config));
  const [value, setValue] = useState(initial);
  const locked = vm !== undefined && vm.power_state !== 'Halted' ? 'Shut down the VM to change its GPU.' : undefined;
  return {
    available: enabled && (choices.length > 0 || initial !== ''),
    value,
    choices,
    locked,
    set: setValue,
    async save(client, ref) {
      if (value === initial) return;
      await client.call('VM.remove_from_other_config', ref, 'pci');
      if (value !== '') await client.call('VM.add_to_other_config', ref, 'pci', `0/${value}`);
    },
  };
}

export function GpuPage({ editor }: { editor: GpuEditor }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-slate-600">
        Pass a whole GPU through to this VM. The VM then starts only on that GPU&apos;s server, and cannot be migrated or suspended while it runs.
      </p>
      <div>
        <label htmlFor={`${id}-gpu`} className={LABEL}>
          GPU type
        </label>
        <select
          id={`${id}-gpu`}
          className={`${INPUT} mt-1`}
          value={editor.value}
          disabled={editor.locked !== undefined}
          aria-describedby={editor.locked !== undefined ? `${id}-locked` : undefined}
          onChange={(e) => editor.set(e.target.value)}
        >
          <option value="">None</option>
          {editor.choices.map((c) => (
            <option key={c.pciId} value={c.pciId}>
              Pass-through: {c.label}
            </option>
          ))}
        </select>
        {editor.locked !== undefined ? (
          <p id={`${id}-locked`} className={FIELD_HINT}>
            {editor.locked}
          </p>
        ) : null}
      </div>
    </div>
  );
}
