// The pool overview (on the pool's General tab and the Home page): the
// consolidation figures (running VMs per server, vCPUs per physical CPU,
// the pool's CPU and memory use), each server's CPU and memory as bars,
// and the VMs that keep the most CPU busy. Names open the object.
import { useMemo } from 'react';
import { formatBytes } from '../../format/bytes';
import { useCacheSelector } from '../../cache/use-cache';
import { useUi } from '../../state/ui-store';
import { Properties, Row, Section } from '../common/section';
import { useProgressiveCount } from '../common/progressive';
import { DataTable, Td, Th, Tr } from '../common/table';
import { NO_READINGS, poolOverview, samePoolFacts, selectPoolFacts, TOP_VMS, type HostUse, type PoolTotals, type VmUse } from './pool-overview-model';
import { usePoolCpu } from './pool-overview-query';
import { UsageBar } from './usage-bar';

const percent = (f: number) => `${String(Math.round(f * 100))}%`;
const ratio = (n: number | undefined) => (n === undefined ? 'n/a' : n.toFixed(1));

export function PoolOverview() {
  const facts = useCacheSelector(selectPoolFacts, samePoolFacts);
  const cpu = usePoolCpu();
  const overview = useMemo(() => poolOverview(facts, cpu.data ?? NO_READINGS), [facts, cpu.data]);
  // 64 servers in the large world: the first rows with the page, the rest a moment later.
  const hostsShown = useProgressiveCount(overview.hosts.length);
  const note = cpu.isError ? 'CPU figures could not be read from the pool.' : 'CPU: the average over the last minute, from the performance archive.';
  return (
    <>
      <Section title="Consolidation">
        <Totals totals={overview.totals} />
      </Section>
      <Section title="Server Use">
        <p className="m-0 mb-1 text-xs text-slate-600">{note}</p>
        <DataTable caption="CPU and memory use of each server" columns={['Server', 'CPU', 'Memory', { label: 'VMs', numeric: true }, { label: 'vCPUs', numeric: true }]}>
          {overview.hosts.slice(0, hostsShown).map((h) => (
            <HostRow key={h.ref} host={h} />
          ))}
        </DataTable>
      </Section>
      <Section title="Top VMs by CPU">
        <DataTable caption={`The ${String(TOP_VMS)} VMs using the most CPU`} columns={['VM', 'Server', 'CPU', { label: 'vCPUs', numeric: true }]} empty="No running VM reports CPU use yet.">
          {overview.topVms.map((vm) => (
            <VmRow key={vm.ref} vm={vm} />
          ))}
        </DataTable>
      </Section>
    </>
  );
}

function Totals({ totals: t }: { totals: PoolTotals }) {
  return (
    <Properties>
      <Row label="Servers">{t.liveServers === t.servers ? String(t.servers) : `${String(t.servers)} (${String(t.liveServers)} running)`}</Row>
      <Row label="VMs running or paused">{String(t.runningVms)}</Row>
      <Row label="VMs per server">{ratio(t.vmsPerServer)}</Row>
      <Row label="vCPUs per physical CPU">{t.vcpusPerPcpu === undefined ? 'n/a' : `${ratio(t.vcpusPerPcpu)} (${String(t.vcpus)} vCPUs on ${String(t.pcpus)} CPUs)`}</Row>
      <Row label="CPU usage">
        <UsageBar label="Pool CPU usage" fraction={t.cpu} text={t.cpu === undefined ? 'no data' : percent(t.cpu)} />
      </Row>
      <Row label="Memory usage">
        <UsageBar label="Pool memory usage" fraction={t.memoryTotal === 0 ? undefined : t.memoryUsed / t.memoryTotal} text={`${formatBytes(t.memoryUsed)} of ${formatBytes(t.memoryTotal)}`} />
      </Row>
    </Properties>
  );
}

function ObjectLink({ objectRef, name }: { objectRef: string; name: string }) {
  return (
    <button type="button" onClick={() => useUi.getState().selectObjects([objectRef])} className="min-w-0 truncate text-left text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
      {name}
    </button>
  );
}

function HostRow({ host: h }: { host: HostUse }) {
  const memory = h.memoryTotal === 0 ? undefined : h.memoryUsed / h.memoryTotal;
  return (
    <Tr>
      <Th>
        <ObjectLink objectRef={h.ref} name={h.name} />
      </Th>
      <Td nowrap>
        {h.live ? (
          <UsageBar label={`${h.name} CPU usage`} fraction={h.cpu} text={h.cpu === undefined ? 'no data' : `${percent(h.cpu)} of ${String(h.pcpus)} CPUs`} />
        ) : (
          <span className="text-slate-500">Server not running</span>
        )}
      </Td>
      <Td nowrap>{h.live && <UsageBar label={`${h.name} memory usage`} fraction={memory} text={`${formatBytes(h.memoryUsed)} of ${formatBytes(h.memoryTotal)}`} />}</Td>
      <Td numeric>{String(h.runningVms)}</Td>
      <Td numeric>{String(h.vcpus)}</Td>
    </Tr>
  );
}

function VmRow({ vm }: { vm: VmUse }) {
  return (
    <Tr>
      <Th>
        <ObjectLink objectRef={vm.ref} name={vm.name} />
      </Th>
      <Td nowrap>{vm.hostName}</Td>
      <Td nowrap>
        <UsageBar label={`${vm.name} CPU usage`} fraction={vm.cpu} text={`${percent(vm.cpu)} (${vm.busyVcpus.toFixed(1)} vCPUs busy)`} />
      </Td>
      <Td numeric>{String(vm.vcpus)}</Td>
    </Tr>
  );
}
