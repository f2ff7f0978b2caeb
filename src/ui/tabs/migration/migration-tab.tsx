// The live migration view (a VM's Migration tab): the VM's running or last
// migration from Simulator.get_migration — phase by phase, the figures
// (rounds, bandwidth, downtime, total time, data sent) and the charts.
// Polled while it runs; the charts load on demand.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { migrateKeys } from '../../actions/query-keys';
import { useLab } from '../../lab/lab-context';
import { PHASE_LABELS, STATUS_WORDS, type MigrationView } from './migration-record';

const MigrationCharts = lazy(() => import('./migration-charts'));

const MB = 1e6;

function hostName(lab: ReturnType<typeof useLab>, ref: string): string {
  return lab.cache.get('host', ref)?.name_label ?? 'another pool';
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-sm border border-slate-300 bg-white px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="m-0 text-lg font-semibold">{value}</dd>
    </div>
  );
}

export function MigrationTab({ vmRef }: { vmRef: string }) {
  const lab = useLab();
  const query = useQuery({
    queryKey: migrateKeys.record(vmRef),
    queryFn: () => lab.client.call<MigrationView>('Simulator.get_migration', vmRef),
    retry: false,
    refetchInterval: (q) => (q.state.data === undefined || q.state.data.status === 'running' ? 500 : 5000),
  });
  if (query.isPending) return <p className="p-3 text-sm">Loading…</p>;
  if (query.isError) return <p className="p-3 text-sm">This VM has not been migrated in this lab yet. Use Migrate to Server (VM menu or right-click) to move it while it runs.</p>;
  const m = query.data;
  const phaseIndex = PHASE_LABELS.findIndex(([p]) => p === m.phase);
  const livePages = m.rounds.reduce((s, r) => s + r.pages, 0);
  return (
    <section aria-label="Live migration" className="space-y-3 p-3 text-sm">
      <h2 className="m-0 text-base font-semibold">
        {m.live ? 'Live migration' : 'Migration'} from {hostName(lab, m.source)} to {hostName(lab, m.destination)}: <span role="status">{STATUS_WORDS[m.status]}</span>
      </h2>
      {m.status === 'failure' && <p className="text-red-700">{m.error.slice(4).join(' ') || m.error.join(' ')} The VM kept running on {hostName(lab, m.source)}.</p>}
      {m.status === 'cancelled' && <p>The migration was cancelled before the switch; the VM kept running on {hostName(lab, m.source)}.</p>}
      <ol aria-label="Phases" className="m-0 grid list-none gap-0.5 p-0 sm:grid-cols-3">
        {PHASE_LABELS.filter(([p]) => p !== 'mirror' || m.mirrors.length > 0).map(([p, label], i) => {
          const index = PHASE_LABELS.findIndex(([q]) => q === p);
          const done = m.status === 'success' || index < phaseIndex;
          const current = m.status === 'running' && index === phaseIndex;
          return (
            <li key={p} aria-current={current ? 'step' : undefined} className={`rounded-sm px-2 py-0.5 ${current ? 'bg-blue-100 font-semibold' : done ? 'text-slate-700' : 'text-slate-400'}`}>
              <span aria-hidden="true">{done ? '✓ ' : current ? '▶ ' : `${String(i + 1)}. `}</span>
              {label}
            </li>
          );
        })}
      </ol>
      <dl className="m-0 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Pre-copy rounds" value={String(m.rounds.length)} />
        <Figure label="Pages copied live" value={livePages.toLocaleString('en-US')} />
        <Figure label="Bandwidth" value={`${(m.bandwidth / MB).toFixed(1)} MB/s`} />
        <Figure label="Downtime" value={m.downtime_ms === null ? '—' : `${m.downtime_ms.toFixed(0)} ms`} />
        <Figure label="Total time" value={m.total_seconds === null ? '—' : `${m.total_seconds.toFixed(1)} s`} />
        <Figure label="Data sent" value={`${(m.bytes_sent / MB).toFixed(0)} MB`} />
      </dl>
      <Suspense fallback={<p>Loading charts…</p>}>
        <MigrationCharts migration={m} />
      </Suspense>
    </section>
  );
}
