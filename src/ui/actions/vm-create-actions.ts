// Making VMs and templates (XenAdmin/Commands): New VM… (Ctrl+N; from the
// toolbar, the VM menu, and the context menu of a pool, server or template),
// New VM wizard… on a template (NewVMFromTemplateCommand), Convert to
// Template… (make_into_template, confirmed) and Copy VM… / Copy… (fast clone
// or full copy to an SR).
import { isNullRef } from '../../xapi/refs';
import { OK, no, type Action, type CacheReader, type CanRun } from './action-types';
import { objectAction, type ObjectAction } from './object-action';
import { selectedTargets, type Target } from './targets';
import { allowedCheck, busyReason } from './vm-checks';

/** A server that can take new VMs: live and enabled (XenCenter's PoolHasEnabledHosts). */
export function anyUsableHost(cache: CacheReader): boolean {
  for (const h of cache.all('host').values()) {
    if (h.enabled && cache.get('host_metrics', h.metrics)?.live === true) return true;
  }
  return false;
}

/** The template and home server the wizard starts from, by the selection (XenCenter's NewVMCommand.RunCore). */
export function newVmStart(selection: readonly string[], cache: CacheReader): { template?: string; host?: string } {
  const targets = selectedTargets(selection, cache);
  const template = targets.find((t) => t.kind === 'template' || t.kind === 'default-template');
  if (template !== undefined) {
    const affinity = cache.get('VM', template.ref)?.affinity;
    return { template: template.ref, ...(affinity !== undefined && !isNullRef(affinity) ? { host: affinity } : {}) };
  }
  const host = targets.find((t) => t.kind === 'host');
  if (host !== undefined) return { host: host.ref };
  const vm = targets.find((t) => t.kind === 'vm');
  const resident = vm === undefined ? undefined : cache.get('VM', vm.ref)?.resident_on;
  return resident !== undefined && !isNullRef(resident) ? { host: resident } : {};
}

function newVmCanRun(selection: readonly string[], cache: CacheReader): CanRun {
  const host = selectedTargets(selection, cache).find((t) => t.kind === 'host');
  if (host !== undefined) {
    const h = cache.get('host', host.ref);
    if (h === undefined || cache.get('host_metrics', h.metrics)?.live !== true) return no('This server cannot be contacted.');
    if (!h.enabled) return no('This server is in maintenance mode; new VMs cannot be placed on it.');
    return OK;
  }
  return anyUsableHost(cache) ? OK : no('There is no server that can take a new VM (all are down or in maintenance mode).');
}

const NEW_VM_KINDS = new Set(['pool', 'host']);

export const newVm: Action = {
  id: 'vm.new',
  label: 'New VM…',
  toolbarLabel: 'New VM',
  icon: 'new-vm',
  shortcut: { key: 'n', ctrl: true },
  description: 'Create a new VM from a template',
  // A console-wide command (the toolbar, the VM menu, Ctrl+N whatever is selected) …
  appliesTo: () => true,
  // … listed in the context menus of a pool and a server (a template's has New VM wizard…).
  inContextMenu: (selection, cache) => {
    const targets = selectedTargets(selection, cache);
    return targets.length === 1 && NEW_VM_KINDS.has(targets[0]?.kind ?? '');
  },
  canRun: newVmCanRun,
  run: (context) => context.ui.openDialog({ kind: 'new-vm', ...newVmStart(context.selection, context.cache) }),
};

export const newVmFromTemplate: ObjectAction = objectAction({
  id: 'template.new-vm',
  label: 'New VM wizard…',
  icon: 'new-vm',
  description: 'Create a new VM from this template',
  kinds: ['template', 'default-template'],
  emptyReason: 'Select a template.',
  single: true,
  check: (_target, cache) => (anyUsableHost(cache) ? OK : no('There is no server that can take a new VM.')),
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'new-vm', ...newVmStart([target.ref], context.cache) });
  },
});

export const convertToTemplate: ObjectAction = objectAction({
  id: 'vm.convert-to-template',
  label: 'Convert to Template…',
  icon: 'template',
  description: 'Turn this VM into a custom template (this cannot be undone)',
  kinds: ['vm'],
  emptyReason: 'Select a VM to convert to a template.',
  single: true,
  check: (target, cache) => {
    const vm = cache.get('VM', target.ref);
    if (vm === undefined) return no('The VM no longer exists.');
    const busy = busyReason(vm);
    if (busy !== undefined) return no(busy);
    if (vm.power_state !== 'Halted') return no('Shut down the VM before converting it to a template.');
    return allowedCheck(vm, 'make_into_template', 'Convert to Template');
  },
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'convert-to-template', ref: target.ref });
  },
});

function copyCheck(target: Target, cache: CacheReader): CanRun {
  const vm = cache.get('VM', target.ref);
  if (vm === undefined) return no('The VM no longer exists.');
  const busy = busyReason(vm);
  if (busy !== undefined) return no(busy);
  if (!vm.is_a_template && vm.power_state !== 'Halted') return no('Shut down the VM before copying it.');
  const ops = vm.allowed_operations as readonly string[];
  if (!ops.includes('clone') && !ops.includes('copy')) return allowedCheck(vm, 'copy', 'Copy');
  return OK;
}

export const copyVm: ObjectAction = objectAction({
  id: 'vm.copy',
  label: 'Copy VM…',
  icon: 'copy',
  description: 'Make a copy of the VM: a fast clone, or a full copy on an SR of your choice',
  kinds: ['vm'],
  emptyReason: 'Select a VM to copy.',
  single: true,
  check: copyCheck,
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'copy-vm', ref: target.ref });
  },
});

export const copyTemplate: ObjectAction = objectAction({
  id: 'template.copy',
  label: 'Copy…',
  icon: 'copy',
  description: 'Make a copy of the template',
  kinds: ['template'],
  emptyReason: 'Select a custom template to copy.',
  single: true,
  check: copyCheck,
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'copy-vm', ref: target.ref });
  },
});
