// The live migration view's charts (recharts, loaded on demand): pages sent
// and dirtied per pre-copy round, and the ping trace with its gap during the
// downtime. Animation off, as every chart of the console.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pingRows, roundRows, type MigrationView } from './migration-record';

export default function MigrationCharts({ migration }: { migration: MigrationView }) {
  const rounds = roundRows(migration);
  const ping = pingRows(migration);
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <figure className="m-0 rounded-sm border border-slate-300 bg-white p-2">
        <figcaption className="mb-1 text-[13px] font-semibold">Pages sent and dirtied per round</figcaption>
        <div className="h-56" role="img" aria-label={`Pages sent per round: ${rounds.map((r) => `${r.name} ${String(r.sent)} sent, ${String(r.dirtied)} dirtied`).join('; ')}`}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rounds} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="name" fontSize={11} />
              <YAxis scale="log" domain={[1, 'auto']} allowDataOverflow fontSize={11} width={56} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="sent" name="Pages sent" fill="#2563eb" isAnimationActive={false} />
              <Bar dataKey="dirtied" name="Pages dirtied meanwhile" fill="#f59e0b" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="m-0 rounded-sm border border-slate-300 bg-white p-2">
        <figcaption className="mb-1 text-[13px] font-semibold">Ping to the VM (round-trip time)</figcaption>
        <div className="h-56" role="img" aria-label={`Ping trace: ${String(ping.filter((p) => p.rtt === null).length)} pings lost while the VM was paused`}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={ping} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} unit=" ms" fontSize={11} />
              <YAxis unit=" ms" fontSize={11} width={56} />
              <Tooltip />
              <Line dataKey="rtt" name="Round-trip time" stroke="#16a34a" dot={false} connectNulls={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
