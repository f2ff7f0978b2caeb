// The Home tab of the XenLab root: what XenLab is, the pool at a glance, and
// how to start. (XenCenter's Home page is product news; ours is a lab guide.)
import { useCallback } from 'react';
import type { ObjectCache } from '../../cache/object-cache';
import { useCacheSelector } from '../../cache/use-cache';
import { useConnections } from '../../connections/connections';
import { onlyPool } from '../../connections/pool-members';
import { PoolOverview } from '../overview/pool-overview';
import { selectFirstPool } from '../pool-selectors';
import { poolGlance, sameGlance } from './pool-glance';

export function HomeTab() {
  const connections = useConnections((s) => s.connections);
  // The pool the console shows (the lab's); the whole lab when there is not just one.
  const shownRef = useCacheSelector(useCallback((cache: ObjectCache) => onlyPool(cache, connections), [connections]));
  const shown = useCacheSelector(useCallback((cache: ObjectCache) => (shownRef === undefined ? undefined : cache.get('pool', shownRef)), [shownRef]));
  const glance = useCacheSelector(useCallback((cache: ObjectCache) => poolGlance(shownRef, cache, connections), [shownRef, connections]), sameGlance);
  const pool = useCacheSelector(selectFirstPool);
  const vms = glance.running + glance.paused + glance.suspended + glance.halted;
  const stats: [string, number][] = [
    ['Servers', glance.servers],
    ['VMs', vms],
    ['Running', glance.running],
    ['Paused', glance.paused],
    ['Suspended', glance.suspended],
    ['Halted', glance.halted],
    ['Templates', glance.templates],
    ['Storage repositories', glance.srs],
  ];
  return (
    <div className="max-w-5xl text-[13px] leading-relaxed text-slate-800">
      <div className="max-w-3xl">
      <h3 className="m-0 mb-1 text-base font-semibold">Welcome to XenLab</h3>
      <p className="m-0 mb-3">
        XenLab is a XenCenter-style console for a simulated Xen pool that runs in your browser. The pool speaks XenAPI, as a real XenServer or XCP-ng pool does: servers, virtual machines, storage and networks behave as they would, on a virtual clock. Nothing you do here can harm a real machine.
      </p>
      <h3 className="m-0 mb-1 text-[13px] font-semibold">{shown === undefined || shown.name_label === '' ? 'The lab at a glance' : `${shown.name_label} at a glance`}</h3>
      <dl className="m-0 mb-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {stats.map(([label, n]) => (
          <div key={label} className="rounded-sm border border-slate-300 bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="m-0 text-lg font-semibold tabular-nums">{n}</dd>
          </div>
        ))}
      </dl>
      <h3 className="m-0 mb-1 text-[13px] font-semibold">How to start</h3>
      <ol className="m-0 mb-3 list-decimal pl-5">
        <li>Select a VM in the tree on the left (for example a halted one, such as game-01).</li>
        <li>Use the toolbar — Start, Shut Down, Reboot, Suspend — or right-click the VM for its menu.</li>
        <li>Watch its tabs: General for its settings and state, Memory, Storage and Networking for its resources.</li>
        <li>Select a server to see its memory, storage, networks and NICs; select the pool for the Search grid of everything.</li>
        <li>Open a VM's or a server's Performance tab to watch its CPU, memory, disk and network; the pool overview below shows how busy each server is.</li>
      </ol>
      <p className="m-0 mb-4 text-slate-600">The status bar shows the simulation clock: pause it, or run it at 10× or 60× to see long operations finish sooner.</p>
      </div>
      {pool !== undefined && <PoolOverview />}
    </div>
  );
}
