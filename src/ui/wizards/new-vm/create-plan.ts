// The XenAPI calls that make the VM the wizard describes, in XenCenter's
// order (CreateVMAction): clone the template (or copy it to one SR), let
// VM.provision run with the template's disk spec removed (the wizard makes
// every disk itself, on the SRs and at the sizes chosen), set name, vCPUs,
// topology, home server and memory, the boot method, the CD drive, the disks
// and the network interfaces, make it a VM (no longer a template), and start
// it if asked. Pure data: refs made on the way are named placeholders
// ({ $: 'vm' }) that the runner fills in.
import { NULL_REF } from '../../../xapi/refs';
import { memorySettings, parseCount } from './cpu-mem-rules';
import { fullCopySr } from './wizard-edits';
import type { WizardFacts, WizardState } from './wizard-state';

export interface Placeholder {
  readonly $: string;
}

export type Arg = string | number | boolean | Placeholder | readonly Arg[] | { readonly [key: string]: Arg };

export type PlanOp =
  /** A XenAPI call; `async` ones run as a task (Async.*) followed to its end. */
  | { readonly kind: 'call'; readonly method: string; readonly args: readonly Arg[]; readonly async: boolean; readonly label: string; readonly saveAs?: string; readonly createsVdi?: boolean }
  /** Find a VBD the clone brought from the template (by device, or its CD drive): saves its ref and its VDI's. */
  | { readonly kind: 'find-vbd'; readonly device?: string; readonly cd?: boolean; readonly saveVbd: string; readonly saveVdi?: string; readonly label: string }
  /** Destroy the network interfaces the clone brought from the template (the wizard's list replaces them). */
  | { readonly kind: 'destroy-cloned-vifs'; readonly label: string }
  /** VM.provision normally turns the clone into a VM; make sure it is one. */
  | { readonly kind: 'ensure-not-template'; readonly label: string };

export interface CreatePlan {
  readonly name: string;
  readonly ops: readonly PlanOp[];
  /** Ops before this index are undone (the half-made VM destroyed) when one fails. */
  readonly pointOfNoReturn: number;
}

const VM: Placeholder = { $: 'vm' };

/** XenCenter's GetBootOrderNetworkFirst: 'n' moved to the front of the boot order. */
export function networkFirst(order: string | undefined): string {
  const o = (order ?? '').toLowerCase();
  if (o === '') return 'ncd';
  return `n${o.replace('n', '')}`;
}

function call(method: string, args: readonly Arg[], label: string, extra: { async?: boolean; saveAs?: string; createsVdi?: boolean } = {}): PlanOp {
  return { kind: 'call', method, args, async: extra.async ?? false, label, ...(extra.saveAs !== undefined ? { saveAs: extra.saveAs } : {}), ...(extra.createsVdi === true ? { createsVdi: true } : {}) };
}

function vbdRecord(vdi: Arg, device: string, bootable: boolean, cd: boolean): Arg {
  return {
    VM,
    VDI: vdi,
    userdevice: device,
    bootable,
    mode: cd ? 'RO' : 'RW',
    type: cd ? 'CD' : 'Disk',
    unpluggable: true,
    empty: cd,
    other_config: cd ? {} : { owner: 'true' },
    qos_algorithm_type: '',
    qos_algorithm_params: {},
  };
}

export function createPlan(s: WizardState, facts: WizardFacts): CreatePlan {
  const t = facts.template;
  if (t === undefined) throw new Error('createPlan: no template');
  const name = s.name.trim();
  const ops: PlanOp[] = [];
  const copySr = !t.isDefault && !s.fastClone ? fullCopySr(s) : undefined;
  const srName = (ref: string) => facts.srs.find((x) => x.ref === ref)?.name ?? ref;

  if (copySr !== undefined) ops.push(call('VM.copy', [t.ref, name, copySr], `Copying template '${t.name}' to SR '${srName(copySr)}'`, { async: true, saveAs: 'vm' }));
  else ops.push(call('VM.clone', [t.ref, name], `Cloning template '${t.name}'`, { async: true, saveAs: 'vm' }));
  if (t.otherConfig['disks'] !== undefined) ops.push(call('VM.remove_from_other_config', [VM, 'disks'], 'Provisioning VM'));
  ops.push(call('VM.provision', [VM], 'Provisioning VM', { async: true }));

  // Properties (SetVMParams).
  const props = 'Setting VM properties';
  if (s.description.trim() !== '') ops.push(call('VM.set_name_description', [VM, s.description.trim()], props));
  const max = parseCount(s.vcpus) ?? t.vcpusMax;
  const initial = t.windows ? max : (parseCount(s.initialVcpus) ?? max);
  if (max !== t.vcpusMax || initial !== t.vcpusAtStartup) {
    // VCPUs_at_startup ≤ VCPUs_max holds after each call: lower the startup count first when the maximum goes below it.
    const setMax = call('VM.set_VCPUs_max', [VM, max], props);
    const setStartup = call('VM.set_VCPUs_at_startup', [VM, initial], props);
    ops.push(...(max >= t.vcpusAtStartup ? [setMax, setStartup] : [setStartup, setMax]));
  }
  if (String(s.coresPerSocket) !== (t.platform['cores-per-socket'] ?? '1')) ops.push(call('VM.set_platform', [VM, { ...t.platform, 'cores-per-socket': String(s.coresPerSocket) }], props));
  const affinity = s.home.mode === 'server' ? s.home.host : NULL_REF;
  if (affinity !== (t.affinity ?? NULL_REF)) ops.push(call('VM.set_affinity', [VM, affinity], props));
  const memory = memorySettings(s, t);
  if (memory !== undefined && (memory.dynamicMin !== t.memoryDynamicMin || memory.dynamicMax !== t.memoryDynamicMax || memory.staticMax !== t.memoryStaticMax)) {
    ops.push(call('VM.set_memory_limits', [VM, t.memoryStaticMin, memory.staticMax, memory.dynamicMin, memory.dynamicMax], props));
  }

  // Boot (SetVMBootParams): network first for PXE or a diskless HVM guest; the repository for a URL install.
  const disks = s.diskless ? [] : s.disks;
  if (t.hvm && (s.install.method === 'pxe' || disks.length === 0)) {
    ops.push(call('VM.set_HVM_boot_params', [VM, { ...t.bootParams, order: networkFirst(t.bootParams['order']) }], props));
  }
  if (s.install.method === 'url') {
    if (t.otherConfig['install-repository'] !== undefined) ops.push(call('VM.remove_from_other_config', [VM, 'install-repository'], props));
    ops.push(call('VM.add_to_other_config', [VM, 'install-repository', s.install.url.trim()], props));
  }

  // The CD drive: the template's own, else a new empty one at device 3; then the install media in it.
  if (s.install.method !== 'none' || t.isDefault) {
    const cdLabel = 'Creating CD drive';
    if (t.cdDrive !== undefined) {
      ops.push({ kind: 'find-vbd', cd: true, saveVbd: 'cd', label: cdLabel });
      if (t.cdHasMedia) ops.push(call('VBD.eject', [{ $: 'cd' }], cdLabel, { async: true }));
    } else {
      ops.push(call('VBD.create', [vbdRecord(NULL_REF, '3', s.install.method === 'cd', true)], cdLabel, { async: true, saveAs: 'cd' }));
    }
    if (s.install.method === 'cd' && s.install.iso !== '') ops.push(call('VBD.insert', [{ $: 'cd' }, s.install.iso], cdLabel, { async: true }));
  }

  // Disks (AddDisks): new ones created; the template's own moved when their SR changed, grown when enlarged.
  const diskLabel = 'Creating disks';
  for (const d of disks) {
    const vdi = { $: `vdi:${d.id}` };
    if (d.source === 'template') {
      const original = t.disks.find((x) => x.device === d.device);
      ops.push({ kind: 'find-vbd', device: d.device, saveVbd: `vbd:${d.id}`, saveVdi: `vdi:${d.id}`, label: diskLabel });
      const onSr = copySr ?? d.sourceSr;
      if (d.sr !== onSr) {
        const moved = { $: `moved:${d.id}` };
        ops.push(call('VDI.copy', [vdi, d.sr], diskLabel, { async: true, saveAs: `moved:${d.id}`, createsVdi: true }));
        ops.push(call('VBD.destroy', [{ $: `vbd:${d.id}` }], diskLabel, { async: true }));
        ops.push(call('VDI.destroy', [vdi], diskLabel, { async: true }));
        ops.push(call('VBD.create', [vbdRecord(moved, d.device, d.bootable, false)], diskLabel, { async: true }));
        if (original !== undefined && d.size > original.size) ops.push(call('VDI.resize', [moved, d.size], diskLabel, { async: true }));
        if (original !== undefined && d.name !== original.name) ops.push(call('VDI.set_name_label', [moved, d.name], diskLabel));
        if (original !== undefined && d.description !== original.description) ops.push(call('VDI.set_name_description', [moved, d.description], diskLabel));
        continue;
      }
      if (original !== undefined && d.size > original.size) ops.push(call('VDI.resize', [vdi, d.size], diskLabel, { async: true }));
      if (original !== undefined && d.name !== original.name) ops.push(call('VDI.set_name_label', [vdi, d.name], diskLabel));
      if (original !== undefined && d.description !== original.description) ops.push(call('VDI.set_name_description', [vdi, d.description], diskLabel));
      continue;
    }
    const record = { name_label: d.name, name_description: d.description, SR: d.sr, virtual_size: d.size, type: d.type, sharable: false, read_only: false, other_config: {}, xenstore_data: {}, sm_config: {}, tags: [] };
    ops.push(call('VDI.create', [record], diskLabel, { async: true, saveAs: `vdi:${d.id}`, createsVdi: true }));
    // XenCenter: the disk at position 0 boots, unless the VM installs from CD.
    ops.push(call('VBD.create', [vbdRecord(vdi, d.device, d.device === '0' && s.install.method !== 'cd', false)], diskLabel, { async: true }));
  }
  const firstSr = disks[0]?.sr;
  if (firstSr !== undefined && firstSr !== '') ops.push(call('VM.set_suspend_SR', [VM, firstSr], diskLabel));

  // Networks (AddNetworks): the template's interfaces replaced by the wizard's list.
  const netLabel = 'Creating network interfaces';
  if (t.vifs.length > 0) ops.push({ kind: 'destroy-cloned-vifs', label: netLabel });
  for (const v of s.vifs) {
    const mtu = facts.networks.find((n) => n.ref === v.network)?.mtu ?? 1500;
    ops.push(call('VIF.create', [{ device: v.device, network: v.network, VM, MAC: v.mac, MTU: mtu, other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {} }], netLabel, { async: true }));
  }
  ops.push({ kind: 'ensure-not-template', label: props });
  const pointOfNoReturn = ops.length;
  if (s.startAfter) ops.push(call('VM.start', [VM, false, false], 'Starting VM', { async: true }));
  return { name, ops, pointOfNoReturn };
}
