// Home Server: a server the VM always starts on when it can, or none ("any
// server with the resources", which needs shared storage). Each server shows
// its free memory as XenCenter's picker does ("… RAM available (… total)"),
// and, when it will not do, why.
import { formatBytes } from '../../../format/bytes';
import { FieldMessages, describedBy } from '../../common/field-messages';
import { hostSuitability } from '../validate';
import { LEGEND, RUBRIC, type PageProps } from './page-props';

export function PageHome({ state, facts, issues, update }: PageProps) {
  const shared = facts.srs.some((sr) => sr.shared && sr.canCreateDisks && sr.hosts.length > 0);
  const issue = issues['home'];
  return (
    <div className="flex max-w-2xl flex-col gap-3">
      <p className={RUBRIC}>
        When you nominate a home server for a virtual machine, the virtual machine will always be started up on that server if it is available. If this is not possible, then an alternate server within the same pool will be selected automatically.
      </p>
      <fieldset className="flex flex-col gap-2" aria-describedby={describedBy('home', issue, false)}>
        <legend className={LEGEND}>Home server</legend>
        <label className={`flex items-start gap-2 text-[13px] ${shared ? '' : 'text-slate-500'}`}>
          <input type="radio" name="home-mode" className="mt-0.5" checked={state.home.mode === 'auto'} disabled={!shared} onChange={() => update((s) => ({ ...s, home: { mode: 'auto', host: '' } }))} />
          <span>
            Don&apos;t assign this VM a home server. The VM will be started on any server with the necessary resources.
            {!shared && ' (Shared storage required.)'}
          </span>
        </label>
        <div className="text-[13px]">Place the VM on this server:</div>
        <div role="radiogroup" aria-label="Servers" className="ml-6 flex flex-col rounded-sm border border-slate-300 bg-white">
          {facts.hosts.map((h) => {
            const fit = hostSuitability(h, state, facts);
            const id = `home-host-${h.ref}`;
            const memory = h.live ? `${formatBytes(h.memoryFree)} RAM available (${formatBytes(h.memoryTotal)} total)` : 'This server cannot be contacted';
            return (
              <label key={h.ref} className={`flex items-start gap-2 border-b border-slate-100 px-2 py-1.5 text-[13px] last:border-b-0 ${fit.blocked !== undefined ? 'text-slate-500' : ''}`}>
                <input
                  type="radio"
                  name="home-host"
                  className="mt-0.5"
                  value={h.ref}
                  checked={state.home.mode === 'server' && state.home.host === h.ref}
                  disabled={fit.blocked !== undefined}
                  aria-describedby={`${id}-detail`}
                  onChange={() => update((s) => ({ ...s, home: { mode: 'server', host: h.ref } }))}
                />
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="font-medium">{h.name}</span>
                  <span id={`${id}-detail`} className="text-xs">
                    <span className="text-slate-600">{memory}</span>
                    {fit.blocked !== undefined && <span className="block text-red-700">{fit.blocked}</span>}
                    {fit.warning !== undefined && <span className="block text-amber-800">{fit.warning}</span>}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <FieldMessages id="home" issue={issue} />
    </div>
  );
}
