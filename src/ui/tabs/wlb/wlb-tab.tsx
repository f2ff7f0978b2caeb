// The pool's WLB tab (XenCenter's WlbPage): whether Workload Balancing is
// connected, paused or off; Connect… / Disconnect, Settings…, Pause / Resume;
// the optimization mode and automation (a check box that turns automatic
// application on and off); the optimization recommendations with Apply and
// Apply All; and each server's recent load against the thresholds.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { reportFailure } from '../../actions/report';
import { runTaskCall } from '../../actions/run-xenapi';
import { useMakeActionContext } from '../../actions/use-actions';
import { useObject } from '../../cache/use-cache';
import { useLab } from '../../lab/lab-context';
import { useUi } from '../../state/ui-store';
import { Properties, Row, Section } from '../common/section';
import { PAGE_BUTTON } from '../tab-styles';
import { WlbHostLoads } from './wlb-host-loads';
import { hostLoads, MODE_LABELS, settingsFromMap } from './wlb-model';
import { useHostLoadData, useWlbConfiguration, useWlbRecommendations, wlbKeys } from './wlb-queries';
import { WlbRecommendations } from './wlb-recommendations';

export function WlbTab({ poolRef }: { poolRef: string }) {
  const lab = useLab();
  const pool = useObject('pool', poolRef);
  const openDialog = useUi((s) => s.openDialog);
  const queryClient = useQueryClient();
  const makeContext = useMakeActionContext();
  const [sending, setSending] = useState(false);
  const configured = pool !== undefined && pool.wlb_url !== '';
  const enabled = configured && pool.wlb_enabled;
  const config = useWlbConfiguration(poolRef, configured);
  const recs = useWlbRecommendations(poolRef, enabled);
  const loads = useHostLoadData(configured);
  const settings = useMemo(() => settingsFromMap(config.data ?? {}), [config.data]);
  const loadRows = useMemo(() => hostLoads(loads.data ?? undefined, lab.cache), [loads.data, lab.cache]);
  if (pool === undefined) return null;
  const target = { cls: 'pool' as const, ref: poolRef, kind: 'pool' as const, name: pool.name_label };

  const setEnabled = (on: boolean) => {
    lab.client.call('pool.set_wlb_enabled', poolRef, on).catch((e: unknown) => reportFailure(on ? 'Could not resume Workload Balancing' : 'Could not pause Workload Balancing', e, lab.cache));
  };
  const disconnect = () => {
    void runTaskCall(makeContext([poolRef]), { method: 'pool.deconfigure_wlb', args: [], target, failure: 'Could not disconnect from the WLB server' });
  };
  const setAutomation = async (on: boolean) => {
    setSending(true);
    await runTaskCall(makeContext([poolRef]), { method: 'pool.send_wlb_configuration', args: [{ AutoBalanceEnabled: String(on) }], target, failure: 'Could not change WLB automation' });
    await queryClient.invalidateQueries({ queryKey: wlbKeys.all });
    setSending(false);
  };

  if (!configured) {
    return (
      <div className="max-w-3xl text-[13px]">
        <p className="mb-2">Workload Balancing is not connected on pool ‘{pool.name_label}’.</p>
        <p className="mb-3 text-slate-600">
          Workload Balancing watches the servers’ and VMs’ performance and recommends moving VMs off servers that pass their thresholds (CPU, free memory, network, disk). It also rates
          the servers for each VM, so that VMs start on the optimal server. Connect the pool to a WLB server to use it.
        </p>
        <button type="button" className={PAGE_BUTTON} onClick={() => openDialog({ kind: 'wlb-connect', pool: poolRef })}>
          Connect…
        </button>
      </div>
    );
  }

  const actingLevel = settings.mode === 'performance' ? 'High' : 'Critical';
  return (
    <div className="max-w-5xl">
      <div className="mb-2 flex gap-2">
        <button type="button" className={PAGE_BUTTON} onClick={disconnect}>
          Disconnect
        </button>
        <button type="button" className={PAGE_BUTTON} onClick={() => openDialog({ kind: 'wlb-settings', pool: poolRef })}>
          Settings…
        </button>
        <button type="button" className={PAGE_BUTTON} onClick={() => setEnabled(!pool.wlb_enabled)}>
          {pool.wlb_enabled ? 'Pause' : 'Resume'}
        </button>
      </div>
      <Section title="Workload Balancing status">
        <Properties>
          <Row label="Status">{pool.wlb_enabled ? `Connected to ${pool.wlb_url}` : `Paused (connected to ${pool.wlb_url})`}</Row>
          <Row label="Optimization mode">{`${MODE_LABELS[settings.mode]} (recommends moves at ${actingLevel})`}</Row>
          <Row label="Automation">
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" checked={settings.autoBalance} disabled={sending || config.data === undefined} onChange={(e) => void setAutomation(e.target.checked)} />
              Automatically apply optimization recommendations
            </label>
          </Row>
        </Properties>
      </Section>
      <Section title="Optimization recommendations">
        <WlbRecommendations poolRef={poolRef} answer={recs.data} hasData={loads.data !== null} actingLevel={actingLevel} paused={!pool.wlb_enabled} />
        {recs.error !== null ? (
          <p role="alert" className="mt-2 text-xs text-red-700">
            WLB did not answer: {recs.error.message}
          </p>
        ) : null}
      </Section>
      <Section title="Server load (last 10 minutes)">
        <WlbHostLoads rows={loadRows} settings={settings} />
      </Section>
    </div>
  );
}
