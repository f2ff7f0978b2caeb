// The questions XenCenter asks before an operation that loses something
// (detaching or forgetting an SR, deleting a disk, removing a network
// interface or a network), and what each runs once the user agrees. The
// dialog (confirm-op-dialog.tsx) shows the words; the store holds only the op
// and the object's ref.
import type { ActionContext } from './action-types';
import { runTaskCall } from './run-xenapi';
import { detachSrPbds } from './sr-lifecycle-actions';
import { targetOf, type Target } from './targets';

export type ConfirmOpId = 'sr-detach' | 'sr-forget' | 'sr-destroy' | 'disk-detach' | 'disk-delete' | 'vif-remove' | 'network-remove';

interface ConfirmOp {
  readonly title: string;
  readonly button: string;
  text(name: string): string;
  run(context: ActionContext, target: Target): Promise<boolean>;
}

const call = (context: ActionContext, target: Target, method: string, failure: string, ref = target.ref) => runTaskCall(context, { method, args: [ref], target, failure: `${failure} ${target.name}` });

export const CONFIRM_OPS: Readonly<Record<ConfirmOpId, ConfirmOp>> = {
  'sr-detach': {
    title: 'Detach Storage Repository',
    button: 'Detach',
    text: (name) => `Detach ‘${name}’ from every server? Its virtual disks stay on the storage but cannot be used until the SR is repaired (Storage ▸ Repair).`,
    run: (context, target) => detachSrPbds(context, target),
  },
  'sr-forget': {
    title: 'Forget Storage Repository',
    button: 'Forget',
    text: (name) => `Forget ‘${name}’? The pool loses all record of it and of its virtual disks (halted VMs lose those disks); the data stays on the storage, and the New SR wizard can reattach it.`,
    run: async (context, target) => (await detachSrPbds(context, target)) && call(context, target, 'SR.forget', 'Could not forget'),
  },
  'sr-destroy': {
    title: 'Destroy Storage Repository',
    button: 'Destroy',
    text: (name) => `Destroy ‘${name}’? It is detached from every server and deleted from its storage. This cannot be undone.`,
    run: async (context, target) => (await detachSrPbds(context, target)) && call(context, target, 'SR.destroy', 'Could not destroy'),
  },
  'disk-detach': {
    title: 'Detach Virtual Disk',
    button: 'Detach',
    text: (name) => `Detach ‘${name}’ from the VM? The disk stays on its SR and can be attached again (Attach Disk…).`,
    run: async (context, target) => {
      const vbd = context.cache.get('VBD', target.ref);
      if (vbd?.currently_attached === true && !(await call(context, target, 'VBD.unplug', 'Could not deactivate'))) return false;
      return call(context, target, 'VBD.destroy', 'Could not detach');
    },
  },
  'disk-delete': {
    title: 'Delete Virtual Disk',
    button: 'Delete',
    text: (name) => `Delete ‘${name}’? The disk and all the data on it are deleted from its SR. This cannot be undone.`,
    run: (context, target) => call(context, target, 'VDI.destroy', 'Could not delete'),
  },
  'vif-remove': {
    title: 'Remove Network Interface',
    button: 'Remove',
    text: (name) => `Remove ${name} from the VM? The VM loses its connection to that network.`,
    run: async (context, target) => {
      const vif = context.cache.get('VIF', target.ref);
      const vm = vif === undefined ? undefined : context.cache.get('VM', vif.VM);
      if (vif?.currently_attached === true && vm?.power_state === 'Running' && !(await call(context, target, 'VIF.unplug', 'Could not deactivate'))) return false;
      return call(context, target, 'VIF.destroy', 'Could not remove');
    },
  },
  'network-remove': {
    title: 'Remove Network',
    button: 'Remove',
    text: (name) => `Remove the network ‘${name}’? The network interfaces of halted VMs on it are removed with it.`,
    run: (context, target) => call(context, target, 'network.destroy', 'Could not remove'),
  },
};

/** The object a confirmation is about, named for the user (a VBD by its disk, a VIF by its device). */
export function confirmTarget(ref: string, context: Pick<ActionContext, 'cache'>): Target | undefined {
  const { cache } = context;
  const vbd = cache.get('VBD', ref);
  if (vbd !== undefined) return { cls: 'VBD', ref, kind: 'other', name: cache.get('VDI', vbd.VDI)?.name_label ?? `disk ${vbd.userdevice}` };
  const vif = cache.get('VIF', ref);
  if (vif !== undefined) return { cls: 'VIF', ref, kind: 'other', name: `network interface ${vif.device}` };
  return targetOf(ref, cache);
}
