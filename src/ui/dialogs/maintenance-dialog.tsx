// Enter Maintenance Mode (XenCenter's EvacuateHostDialog): the server's
// running VMs, and for each whether it will be live-migrated to another
// server or what keeps it there (host.get_vms_which_prevent_evacuation,
// explained in plain words). Entering disables the server and evacuates it;
// it is offered only when every VM can move, so no VM has to stop. On the
// pool coordinator it first asks which server becomes the new coordinator
// (pool.designate_new_master), as XenCenter does.
import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { isXenApiError, XenApiError } from '../../xapi/errors';
import { enterAndEvacuate } from '../actions/maintenance-actions';
import { bootFailureReason } from '../actions/host-choice';
import { targetOf } from '../actions/targets';
import { useMakeActionContext } from '../actions/use-actions';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, INPUT, OVERLAY, PANEL } from './dialog-styles';

interface Row {
  readonly ref: string;
  readonly name: string;
}

function sameRows(a: readonly Row[], b: readonly Row[]): boolean {
  return a.length === b.length && a.every((r, i) => r.ref === b[i]?.ref && r.name === b[i]?.name);
}

function residentVms(cache: ObjectCache, host: string): Row[] {
  const h = cache.get('host', host);
  if (h === undefined) return [];
  return h.resident_VMs
    .map((ref) => ({ ref, vm: cache.get('VM', ref) }))
    .filter((x) => x.vm !== undefined && !x.vm.is_control_domain)
    .map((x) => ({ ref: x.ref, name: x.vm?.name_label ?? x.ref }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** Servers that can take over as coordinator: the pool's other live, enabled members. */
function coordinatorCandidates(cache: ObjectCache, host: string): Row[] {
  return [...cache.all('host').entries()]
    .filter(([ref, h]) => ref !== host && h.enabled && cache.get('host_metrics', h.metrics)?.live === true)
    .map(([ref, h]) => ({ ref, name: h.name_label }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** Why a VM keeps the server from being evacuated, in XenCenter's plain words. */
function blockReason(error: readonly string[]): string {
  // Only a running VM can be live-migrated (xapi allows pool_migrate in Running alone).
  if (error[0] === 'VM_BAD_POWER_STATE' && error[3] === 'paused') return 'Paused: unpause it or shut it down first.';
  return bootFailureReason(XenApiError.fromArray(error));
}

export function MaintenanceDialog({ hostRef, onClose }: { hostRef: string; onClose: () => void }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const host = lab.cache.get('host', hostRef);
  const selectVms = useCallback((c: ObjectCache) => residentVms(c, hostRef), [hostRef]);
  const vms = useCacheSelector(selectVms, sameRows);
  const blockers = useQuery({
    queryKey: ['host.get_vms_which_prevent_evacuation', hostRef, vms.map((v) => v.ref).join()],
    queryFn: () => lab.client.call<Record<string, string[]>>('host.get_vms_which_prevent_evacuation', hostRef),
    staleTime: 0,
    retry: false,
  });
  const isCoordinator = [...lab.cache.all('pool').values()].some((p) => p.master === hostRef);
  const selectCandidates = useCallback((c: ObjectCache) => coordinatorCandidates(c, hostRef), [hostRef]);
  const candidates = useCacheSelector(selectCandidates, sameRows);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const newCoordinator = isCoordinator ? (candidates.find((c) => c.ref === chosen) ?? candidates[0]) : undefined;
  const blocked = blockers.data ?? {};
  const canEnter = blockers.isSuccess && Object.keys(blocked).length === 0 && (!isCoordinator || newCoordinator !== undefined);
  const name = host?.name_label ?? hostRef;

  const enter = () => {
    const target = targetOf(hostRef, lab.cache);
    if (target === undefined || !canEnter) return;
    onClose();
    void enterAndEvacuate(makeContext([hostRef]), target, vms.map((v) => v.ref), newCoordinator);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} w-[36rem]`} aria-describedby="maintenance-intro">
          <Dialog.Title className="border-b border-slate-200 px-5 py-3 text-base font-semibold">Enter Maintenance Mode - {name}</Dialog.Title>
          <div className="space-y-3 px-5 py-4 text-sm">
            <p id="maintenance-intro">
              Before {name} goes into maintenance mode it is disabled, so that no VM can start on it, and its running VMs are moved to other servers in the pool by live migration. They keep running.
            </p>
            {isCoordinator && (
              <div className="rounded-sm border border-amber-300 bg-amber-50 px-2 py-2">
                <p id="maintenance-coordinator-note" className="m-0">
                  {name} is the pool coordinator. Another server takes over as coordinator before {name} enters maintenance mode.
                </p>
                {candidates.length === 0 ? (
                  <p className="m-0 mt-1 text-red-700">No other server in the pool is online and enabled to take over as coordinator.</p>
                ) : (
                  <label className="mt-2 flex items-center gap-2">
                    <span className="shrink-0">New pool coordinator:</span>
                    <select className={`${INPUT} max-w-56`} value={newCoordinator?.ref ?? ''} aria-describedby="maintenance-coordinator-note" onChange={(e) => setChosen(e.target.value)}>
                      {candidates.map((c) => (
                        <option key={c.ref} value={c.ref}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
            )}
            {blockers.isError && <p className="text-red-700">The check failed: {isXenApiError(blockers.error) ? blockers.error.code : String(blockers.error)}</p>}
            <table className="w-full border-collapse text-left" aria-label={`Running VMs on ${name}`}>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3 font-medium">VM</th>
                  <th scope="col" className="py-1 font-medium">Action</th>
                </tr>
              </thead>
              <tbody>
                {vms.length === 0 && (
                  <tr>
                    <td colSpan={2} className="py-1 text-slate-600">No VMs are running on this server.</td>
                  </tr>
                )}
                {vms.map((vm) => {
                  const error = blocked[vm.ref];
                  const text = blockers.isPending ? 'Checking…' : error === undefined ? 'Migrate to another server (live)' : blockReason(error);
                  return (
                    <tr key={vm.ref} className="border-b border-slate-100">
                      <td className="py-1 pr-3">{vm.name}</td>
                      <td className={`py-1 ${error === undefined ? '' : 'text-red-700'}`}>{text}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {blockers.isSuccess && !canEnter && <p>Resolve the problems above (shut those VMs down, or move their disks to shared storage) before entering maintenance mode.</p>}
          </div>
          <div className={FOOTER}>
            <button type="button" className={BUTTON_PRIMARY} aria-disabled={!canEnter || undefined} onClick={enter}>
              Enter Maintenance Mode
            </button>
            <Dialog.Close className={BUTTON_SECONDARY}>Cancel</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
