// Drag a running VM onto a server in the tree to live-migrate it there, as
// XenCenter does (its DragDropMigrateAction). The keyboard way is the
// Migrate to Server ▸ menu. A server accepts the drop only when the VM is
// running elsewhere; the engine re-checks everything and a refusal is
// reported like any failed migration. The VM's Migration tab opens.
import type { DragEvent } from 'react';
import type { ActionContext, CacheReader } from '../actions/action-types';
import { startTaskCall } from '../actions/run-xenapi';
import { useUi } from '../state/ui-store';

const VM_TYPE = 'application/x-xenlab-vm';

export interface DragMigrateHandlers {
  start(ref: string, event: DragEvent): void;
  over(hostRef: string, event: DragEvent): void;
  drop(hostRef: string, event: DragEvent): void;
}

/** Whether `vm` could be dropped on `host` (running, and not already there). */
function droppable(cache: CacheReader, vm: string, host: string): boolean {
  const record = cache.get('VM', vm);
  return record !== undefined && !record.is_a_template && record.power_state === 'Running' && record.resident_on !== host;
}

export function dragMigrateHandlers(cache: CacheReader, context: () => ActionContext): DragMigrateHandlers {
  // dataTransfer is unreadable during dragover, so the dragged VM is remembered here.
  let dragged: string | undefined;
  return {
    start: (ref, event) => {
      dragged = ref;
      event.dataTransfer.setData(VM_TYPE, ref);
      event.dataTransfer.effectAllowed = 'move';
    },
    over: (host, event) => {
      if (dragged === undefined || !droppable(cache, dragged, host)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    },
    drop: (host, event) => {
      const vm = event.dataTransfer.getData(VM_TYPE) || dragged;
      dragged = undefined;
      if (vm === undefined || !droppable(cache, vm, host)) return;
      event.preventDefault();
      const record = cache.get('VM', vm);
      const hostName = cache.get('host', host)?.name_label ?? host;
      const name = record?.name_label ?? vm;
      startTaskCall(context(), { method: 'VM.pool_migrate', args: [vm, host, { live: 'true' }], target: { cls: 'VM', ref: vm, kind: 'vm', name }, failure: `Could not migrate ${name} to ${hostName}` });
      useUi.getState().selectObjects([vm]);
      useUi.getState().chooseTab('migration');
    },
  };
}
