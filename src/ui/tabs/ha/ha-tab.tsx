// The pool's HA tab (XenCenter's HAPage): whether HA is on, how many server
// failures the pool tolerates against how many it is configured for, the
// heartbeat SR, each server's network and storage heartbeats, and the VMs'
// restart priorities; with Configure HA… and Disable HA.
import { useCallback } from 'react';
import type { ObjectCache } from '../../cache/object-cache';
import { shallowEqualArrays, useCacheSelector, useObject } from '../../cache/use-cache';
import { useUi } from '../../state/ui-store';
import { None, Properties, Row, Section } from '../common/section';
import { PAGE_BUTTON } from '../tab-styles';
import { srFailed } from '../../format/fault-words';
import { heartbeatSr, hostHeartbeats, type HostHeartbeat } from './ha-model';
import { VmPriorityTable, type PriorityRow } from './vm-priority-table';

function Beat({ ok }: { ok: boolean }) {
  return ok ? <span className="text-green-700">Connected</span> : <span className="font-semibold text-red-700">Failed</span>;
}

function sameBeats(a: readonly HostHeartbeat[], b: readonly HostHeartbeat[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return y !== undefined && x.ref === y.ref && x.name === y.name && x.network === y.network && x.statefile === y.statefile && x.state === y.state;
  });
}

const selectProtected = (c: ObjectCache): PriorityRow[] =>
  [...c.all('VM')]
    .filter(([, vm]) => !vm.is_a_template && !vm.is_a_snapshot && !vm.is_control_domain && vm.ha_restart_priority !== '')
    .sort(([, a], [, b]) => a.order - b.order || a.name_label.localeCompare(b.name_label, undefined, { numeric: true }))
    .map(([ref, vm]) => ({ ref, name: vm.name_label, priority: vm.ha_restart_priority, order: String(vm.order), delay: String(vm.start_delay) }));

const rowKey = (r: PriorityRow) => `${r.ref}|${r.name}|${r.priority}|${r.order}|${r.delay}`;

function sameRows(a: readonly PriorityRow[], b: readonly PriorityRow[]): boolean {
  return shallowEqualArrays(a.map(rowKey), b.map(rowKey));
}

export function HaTab({ poolRef }: { poolRef: string }) {
  const pool = useObject('pool', poolRef);
  const openDialog = useUi((s) => s.openDialog);
  const selectBeats = useCallback((c: ObjectCache) => {
    const p = c.get('pool', poolRef);
    return p === undefined ? [] : hostHeartbeats(p, c);
  }, [poolRef]);
  const beats = useCacheSelector(selectBeats, sameBeats);
  const selectSr = useCallback((c: ObjectCache) => {
    const p = c.get('pool', poolRef);
    const sr = p === undefined ? undefined : heartbeatSr(p, c);
    return sr === undefined ? undefined : `${sr.name_label}${srFailed(sr.other_config) ? ' (failed)' : ''}`;
  }, [poolRef]);
  const srName = useCacheSelector(selectSr);
  const protectedVms = useCacheSelector(selectProtected, sameRows);
  if (pool === undefined) return null;

  if (!pool.ha_enabled) {
    return (
      <div className="max-w-3xl text-[13px]">
        <p className="mb-2">HA is not currently enabled on pool ‘{pool.name_label}’.</p>
        <p className="mb-3 text-slate-600">
          With HA, the servers of the pool watch each other through heartbeats on the management network and on a shared storage repository. When a server fails, the
          protected VMs it ran are restarted on the others, and a server that loses its heartbeats fences itself so that no VM ever runs twice.
        </p>
        <button type="button" className={PAGE_BUTTON} onClick={() => openDialog({ kind: 'configure-ha', pool: poolRef })}>
          Configure HA…
        </button>
      </div>
    );
  }

  return (
    <div className="max-w-4xl">
      <div className="mb-2 flex gap-2">
        <button type="button" className={PAGE_BUTTON} onClick={() => openDialog({ kind: 'configure-ha', pool: poolRef })}>
          Configure HA…
        </button>
        <button type="button" className={PAGE_BUTTON} onClick={() => openDialog({ kind: 'disable-ha', pool: poolRef })}>
          Disable HA
        </button>
      </div>
      <Section title="Pool HA status">
        <Properties>
          <Row label="HA">On</Row>
          <Row label="Server failures to tolerate">{String(pool.ha_host_failures_to_tolerate)}</Row>
          <Row label="Current failure capacity">
            {String(pool.ha_plan_exists_for)}
            {pool.ha_overcommitted ? <span className="ml-2 font-semibold text-red-700">Overcommitted: protected VMs may not all restart</span> : null}
          </Row>
          <Row label="Heartbeat SR">{srName ?? <None />}</Row>
          <Row label="Timeout">{`${pool.ha_configuration['timeout'] ?? '60'} seconds`}</Row>
        </Properties>
      </Section>
      <Section title="Server heartbeats">
        <table className="w-full border-collapse text-[13px]" aria-label="Server heartbeats">
          <thead>
            <tr className="text-left text-slate-600">
              <th className="py-1 pr-4 font-normal">Server</th>
              <th className="py-1 pr-4 font-normal">Network heartbeat</th>
              <th className="py-1 pr-4 font-normal">Storage heartbeat</th>
              <th className="py-1 font-normal">State</th>
            </tr>
          </thead>
          <tbody>
            {beats.map((b) => (
              <tr key={b.ref} className="border-t border-slate-200">
                <td className="py-1 pr-4">{b.name}</td>
                <td className="py-1 pr-4"><Beat ok={b.network} /></td>
                <td className="py-1 pr-4"><Beat ok={b.statefile} /></td>
                <td className="py-1">{b.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="VM restart priorities">
        {protectedVms.length === 0 ? (
          <p className="m-0 text-[13px] text-slate-600">No VM is protected: use Configure HA… to choose which VMs HA restarts.</p>
        ) : (
          <VmPriorityTable rows={protectedVms} />
        )}
      </Section>
    </div>
  );
}
