// The WLB tab's "Optimization recommendations": each proposed move (VM, from,
// to, and the reason in words) with Apply, and Apply All. Moves are live
// migrations (VM.async_pool_migrate) run one after another, in WLB's order:
// each recommendation was computed with the ones before it applied.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { runTaskCall } from '../../actions/run-xenapi';
import { useMakeActionContext } from '../../actions/use-actions';
import { useLab } from '../../lab/lab-context';
import { parseRecommendations, reasonWords, type RecommendationRow } from './wlb-model';
import { wlbKeys } from './wlb-queries';
import { PAGE_BUTTON } from '../tab-styles';

interface Props {
  readonly poolRef: string;
  readonly answer: Readonly<Record<string, readonly string[]>> | undefined;
  readonly hasData: boolean;
  /** "High" (maximize performance) or "Critical" (maximize density): where WLB acts. */
  readonly actingLevel: string;
  readonly paused: boolean;
}

export function WlbRecommendations({ poolRef, answer, hasData, actingLevel, paused }: Props) {
  const lab = useLab();
  const queryClient = useQueryClient();
  const makeContext = useMakeActionContext();
  const [applying, setApplying] = useState<ReadonlySet<string>>(new Set());
  // Names come from the cache as the answer arrives; a later rename waits for the next poll.
  const rows = useMemo(() => (answer === undefined ? [] : parseRecommendations(answer, lab.cache)), [answer, lab.cache]);

  const apply = async (list: readonly RecommendationRow[]) => {
    setApplying(new Set(list.map((r) => r.vm)));
    try {
      for (const r of list) {
        const ok = await runTaskCall(makeContext([r.vm]), {
          method: 'VM.pool_migrate',
          args: [r.vm, r.to, { live: 'true' }],
          target: { cls: 'VM', ref: r.vm, kind: 'vm', name: r.vmName },
          failure: `Could not move ${r.vmName} to ${r.toName}`,
        });
        if (!ok) break; // the rest were planned with this move in place
      }
    } finally {
      setApplying(new Set());
      void queryClient.invalidateQueries({ queryKey: wlbKeys.recommendations(poolRef) });
    }
  };

  if (paused) return <p className="m-0 text-[13px] text-slate-600">Workload Balancing is paused: it makes no recommendations until it is resumed.</p>;
  if (!hasData) return <p className="m-0 text-[13px] text-slate-600">WLB is gathering performance data (it looks at the last ten minutes of each server and VM).</p>;
  if (rows.length === 0) {
    return <p className="m-0 text-[13px] text-slate-600">No recommendations: every server is below its {actingLevel} thresholds, or no VM could move to make it so.</p>;
  }
  const busy = applying.size > 0;
  return (
    <div>
      <table className="w-full border-collapse text-[13px]" aria-label="Optimization recommendations">
        <thead>
          <tr className="text-left text-slate-600">
            <th className="py-1 pr-3 font-normal">VM</th>
            <th className="py-1 pr-3 font-normal">Move from</th>
            <th className="py-1 pr-3 font-normal">Move to</th>
            <th className="py-1 pr-3 font-normal">Reason</th>
            <th className="py-1 font-normal">
              <span className="sr-only">Apply</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.vm} className="border-t border-slate-200 align-top">
              <td className="py-1 pr-3">{r.vmName}</td>
              <td className="py-1 pr-3">{r.fromName}</td>
              <td className="py-1 pr-3">{r.toName}</td>
              <td className="py-1 pr-3">
                {reasonWords(r.reason)}
                <span className="block text-xs text-slate-600">{r.detail}</span>
              </td>
              <td className="py-1 text-right">
                <button type="button" className={PAGE_BUTTON} disabled={busy} aria-label={`Apply: move ${r.vmName} to ${r.toName}`} onClick={() => void apply([r])}>
                  {applying.has(r.vm) ? 'Applying…' : 'Apply'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-2 flex justify-end">
        <button type="button" className={PAGE_BUTTON} disabled={busy} onClick={() => void apply(rows)}>
          Apply All
        </button>
      </div>
    </div>
  );
}
