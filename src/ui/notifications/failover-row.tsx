// One HA failover in the Events table: a row like a task's (object, action,
// status, start, duration) whose "Timeline" button opens the story in order on
// a clock from the failure (t+0 s, t+60 s …) and how long each VM was down.
import { memo, useId, useState } from 'react';
import { formatDateTime } from '../format/datetime';
import { BUTTON } from './event-row';
import { failoverSummary, formatOffset, type Failover, type FailoverStatus, type StepKind } from './failover-timeline';
import { formatDuration } from './task-display';
import { dismissFailovers } from './use-failovers';

const STATUS_STYLE: Readonly<Record<FailoverStatus, { icon: string; className: string }>> = {
  'In progress': { icon: '◔', className: 'text-blue-800' },
  Complete: { icon: '✓', className: 'text-green-800' },
  Error: { icon: '✕', className: 'text-red-800' },
};

const STEP_STYLE: Readonly<Record<StepKind, { icon: string; className: string }>> = {
  fault: { icon: '⚡', className: 'text-red-800' },
  repair: { icon: '🔧', className: 'text-green-800' },
  ha: { icon: '▲', className: 'text-amber-800' },
  restart: { icon: '▶', className: 'text-blue-800' },
  restarted: { icon: '✓', className: 'text-green-800' },
  'restart-failed': { icon: '✕', className: 'text-red-800' },
};

function Timeline({ failover, id }: { failover: Failover; id: string }) {
  return (
    <div id={id} className="grid gap-3 border-l-4 border-amber-400 bg-amber-50/40 px-3 py-2 md:grid-cols-[1fr_16rem]">
      <ol aria-label="Failover timeline" className="space-y-1">
        {failover.steps.map((step, i) => {
          const style = STEP_STYLE[step.kind];
          return (
            <li key={i} className="grid grid-cols-[5.5rem_1.25rem_1fr] items-baseline gap-1">
              <span className="font-mono tabular-nums text-slate-700">{formatOffset(step.offset)}</span>
              <span aria-hidden="true" className={style.className}>
                {style.icon}
              </span>
              <span>
                <span className="font-medium">{step.title}</span>
                {step.detail !== '' && <span className="text-slate-700"> — {step.detail}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      {failover.restarts.length > 0 && (
        <table aria-label="VM downtime" className="h-fit border-collapse self-start text-xs">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-0.5 pr-2 font-medium">VM</th>
              <th scope="col" className="py-0.5 font-medium">Down for</th>
            </tr>
          </thead>
          <tbody>
            {failover.restarts.map((r) => (
              <tr key={r.task} className="border-b border-slate-200">
                <td className="py-0.5 pr-2">{r.vm}</td>
                <td className="py-0.5 tabular-nums">{r.status === 'restarted' ? formatDuration(r.downSeconds ?? 0) : r.status === 'running' ? 'restarting…' : 'not restarted'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export const FailoverRow = memo(function FailoverRow({ failover, poolName }: { failover: Failover; poolName: string }) {
  const [open, setOpen] = useState(false);
  const timelineId = useId();
  const style = STATUS_STYLE[failover.status];
  const summary = failoverSummary(failover);
  return (
    <>
      <tr className="border-b border-slate-200 bg-amber-50/60 align-top hover:bg-amber-50">
        <td className="px-2 py-1.5 break-words">{poolName === '' ? <span className="text-slate-600">—</span> : poolName}</td>
        <td className="px-2 py-1.5">
          <div className="font-medium">HA failover</div>
          <div className="text-slate-700">{summary}</div>
        </td>
        <td className="px-2 py-1.5">
          <div className={`flex items-center gap-1 font-medium ${style.className}`}>
            <span aria-hidden="true">{style.icon}</span>
            {failover.status}
          </div>
        </td>
        <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">{formatDateTime(failover.startStamp)}</td>
        <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">{formatDuration(failover.duration)}</td>
        <td className="px-2 py-1.5">
          <div className="flex flex-wrap gap-1">
            <button type="button" className={BUTTON} aria-expanded={open} aria-controls={open ? timelineId : undefined} onClick={() => setOpen((o) => !o)}>
              <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
              Timeline
            </button>
            {failover.status !== 'In progress' && (
              <button type="button" className={BUTTON} aria-label={`Dismiss HA failover: ${summary}`} onClick={() => dismissFailovers([failover])}>
                Dismiss
              </button>
            )}
          </div>
        </td>
      </tr>
      {open && (
        <tr className="border-b border-slate-200">
          <td colSpan={6} className="p-0">
            <Timeline failover={failover} id={timelineId} />
          </td>
        </tr>
      )}
    </>
  );
});
