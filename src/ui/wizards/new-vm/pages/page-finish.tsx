// Finish: what will be made, and "Start the new VM automatically" (offered
// only when some server has the CPUs and free memory to start it now).
import { canStartNow } from '../validate';
import { summaryRows } from '../summary';
import { RUBRIC, type PageProps } from './page-props';

export function PageFinish({ state, facts, update }: PageProps) {
  const rows = summaryRows(state, facts);
  const startable = canStartNow(state, facts);
  return (
    <div className="flex flex-col gap-3">
      <p className={RUBRIC}>All the necessary information has been collected and the wizard is ready to provision the new virtual machine using the settings shown below.</p>
      <table aria-label="Summary" className="w-full max-w-2xl border border-slate-300 text-[13px]">
        <tbody>
          {rows.map(([k, v], i) => (
            <tr key={`${k}-${String(i)}`} className="border-t border-slate-200 first:border-t-0">
              <th scope="row" className="w-56 bg-slate-50 px-2 py-1 text-left font-medium text-slate-700">
                {k}
              </th>
              <td className="px-2 py-1 break-all">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className={`flex items-center gap-2 text-[13px] ${startable ? '' : 'text-slate-400'}`}>
        <input type="checkbox" checked={state.startAfter && startable} disabled={!startable} aria-describedby="start-after-hint" onChange={(e) => {
          const on = e.target.checked;
          update((s) => ({ ...s, startAfter: on }));
        }} />
        Start the new VM automatically
      </label>
      <p id="start-after-hint" className="ml-6 text-xs text-slate-600">
        {startable ? 'The VM starts as soon as it is made, and boots its installation media.' : 'No server has the CPUs and free memory to start this VM now; start it later.'}
      </p>
    </div>
  );
}
