// One host's memory as XenCenter draws it: a bar of the total split into
// Xen, the control domain, each VM and free, with the numbers beside it.
// The bar is an image with a text label; the legend repeats it in words.
import { useCallback } from 'react';
import { useCacheSelector } from '../../cache/use-cache';
import type { ObjectCache } from '../../cache/object-cache';
import { formatBytes } from '../../format/bytes';
import { Properties, Row } from '../common/section';
import { selectHostMemory, sameHostMemory, type HostMemory, type MemorySegment } from './host-memory';

const VM_COLOURS = ['bg-sky-500', 'bg-emerald-500', 'bg-violet-500', 'bg-amber-500', 'bg-rose-500', 'bg-teal-500', 'bg-indigo-400', 'bg-lime-500'];

function colour(segment: MemorySegment, index: number): string {
  switch (segment.kind) {
    case 'xen':
      return 'bg-slate-700';
    case 'dom0':
      return 'bg-slate-400';
    case 'reserved':
      return 'bg-orange-300';
    case 'free':
      return 'bg-white';
    case 'vm':
      return VM_COLOURS[index % VM_COLOURS.length] ?? 'bg-sky-500';
  }
}

function percent(bytes: number, total: number): string {
  return total > 0 ? `${((bytes / total) * 100).toFixed(bytes / total < 0.1 ? 1 : 0)}%` : '0%';
}

export function HostMemoryRow({ hostRef, compact = false }: { hostRef: string; compact?: boolean }) {
  const select = useCallback((c: ObjectCache) => selectHostMemory(c, hostRef), [hostRef]);
  const memory = useCacheSelector(select, sameHostMemory);
  if (memory === undefined) return null;
  const used = memory.total - memory.free;
  return (
    <div className="mb-3 rounded-sm border border-slate-300 bg-white p-3">
      <h3 className="m-0 mb-2 text-[13px] font-semibold text-slate-800">{memory.name}</h3>
      <div className="flex flex-wrap gap-x-8 gap-y-3">
        <div className="min-w-[18rem] flex-1">
          <MemoryBar memory={memory} />
          {compact ? <KindLegend memory={memory} /> : <Legend memory={memory} />}
        </div>
        <div className="w-64 shrink-0">
          <Properties>
            <Row label="Total memory">{formatBytes(memory.total)}</Row>
            <Row label="Currently used">{`${formatBytes(used)} (${percent(used, memory.total)})`}</Row>
            <Row label="Available memory">{formatBytes(memory.free)}</Row>
            <Row label="Total max memory">{formatBytes(memory.totalMax)}</Row>
          </Properties>
        </div>
      </div>
    </div>
  );
}

function MemoryBar({ memory }: { memory: HostMemory }) {
  const label = `Memory of ${memory.name}: ${formatBytes(memory.total)} total; ${memory.segments.map((s) => `${s.label} ${formatBytes(s.bytes)}`).join('; ')}`;
  let vmIndex = 0;
  return (
    <div role="img" aria-label={label} className="flex h-7 w-full overflow-hidden rounded-sm border border-slate-400 bg-white">
      {memory.segments.map((s) => {
        const c = colour(s, s.kind === 'vm' ? vmIndex++ : 0);
        const width = memory.total > 0 ? (s.bytes / memory.total) * 100 : 0;
        return <div key={s.key} title={`${s.label}: ${formatBytes(s.bytes)}`} className={`h-full shrink-0 border-r border-white/70 last:border-r-0 ${c}`} style={{ width: `${String(width)}%` }} />;
      })}
    </div>
  );
}

function Swatch({ className }: { className: string }) {
  return <span aria-hidden="true" className={`inline-block h-3 w-3 shrink-0 rounded-[2px] border border-slate-400 align-middle ${className}`} />;
}

function Legend({ memory }: { memory: HostMemory }) {
  let vmIndex = 0;
  return (
    <table className="mt-2 w-full max-w-xl border-collapse text-[12px]">
      <caption className="sr-only">{`Memory use on ${memory.name}`}</caption>
      <thead>
        <tr className="text-left text-slate-600">
          <th scope="col" className="py-0.5 pr-3 font-normal">
            Used by
          </th>
          <th scope="col" className="py-0.5 pr-3 text-right font-normal">
            Memory
          </th>
          <th scope="col" className="py-0.5 text-right font-normal">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {memory.segments.map((s) => (
          <tr key={s.key} className="border-t border-slate-100">
            <th scope="row" className="py-0.5 pr-3 text-left font-normal">
              <span className="flex items-center gap-1.5">
                <Swatch className={colour(s, s.kind === 'vm' ? vmIndex++ : 0)} />
                <span className="truncate">{s.label}</span>
              </span>
            </th>
            <td className="py-0.5 pr-3 text-right tabular-nums">{formatBytes(s.bytes)}</td>
            <td className="py-0.5 text-right text-slate-600 tabular-nums">{percent(s.bytes, memory.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The pool's short legend: one entry per kind (all VMs together). */
function KindLegend({ memory }: { memory: HostMemory }) {
  const sum = (kind: MemorySegment['kind']) => memory.segments.filter((s) => s.kind === kind).reduce((n, s) => n + s.bytes, 0);
  const vms = memory.segments.filter((s) => s.kind === 'vm').length;
  const items: [string, string, number][] = [
    ['Xen', 'bg-slate-700', sum('xen')],
    ['Control domain', 'bg-slate-400', sum('dom0')],
    [`${String(vms)} VM${vms === 1 ? '' : 's'}`, 'bg-gradient-to-r from-sky-500 via-emerald-500 to-violet-500', sum('vm')],
    ['Free', 'bg-white', sum('free')],
  ];
  return (
    <ul className="m-0 mt-1.5 flex list-none flex-wrap gap-x-4 gap-y-1 p-0 text-[12px] text-slate-700">
      {items.map(([label, c, bytes]) => (
        <li key={label} className="flex items-center gap-1.5">
          <Swatch className={c} />
          {`${label}: ${formatBytes(bytes)}`}
        </li>
      ))}
    </ul>
  );
}
