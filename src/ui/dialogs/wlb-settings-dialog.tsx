// Workload Balancing Settings (XenCenter's WlbConfigurationDialog, its
// Optimization Mode, Automation and Critical Thresholds pages on one form):
// the mode (Maximize Performance acts at High, Maximize Density at Critical),
// whether recommendations are applied automatically, and the critical
// threshold of each metric; High, Medium and Low follow from Critical by WLB's
// factors and are shown as the user types. OK sends pool.send_wlb_configuration.
import * as Dialog from '@radix-ui/react-dialog';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { runTaskCall } from '../actions/run-xenapi';
import { useMakeActionContext } from '../actions/use-actions';
import { useObject } from '../cache/use-cache';
import { formatThreshold, levelValue, METRIC_INFO, MODE_LABELS, settingsFromMap, settingsToMap, thresholdError, WLB_LEVELS, WLB_METRICS, type OptimizationMode, type WlbMetric, type WlbSettings } from '../tabs/wlb/wlb-model';
import { useWlbConfiguration, wlbKeys } from '../tabs/wlb/wlb-queries';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, INPUT_BOX, LABEL, OVERLAY, PANEL } from './dialog-styles';

const MODE_HINTS: Readonly<Record<OptimizationMode, string>> = {
  performance: 'Spread the load: move VMs off a server as soon as it reaches High, to the least loaded server.',
  density: 'Pack VMs onto as few servers as possible: move VMs only when a server reaches Critical, to the busiest server that still fits.',
};

type Texts = Record<WlbMetric, string>;

export function WlbSettingsDialog({ poolRef, onClose }: { poolRef: string; onClose: () => void }) {
  const pool = useObject('pool', poolRef);
  const config = useWlbConfiguration(poolRef, true);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} w-[min(44rem,calc(100vw-2rem))]`} aria-describedby="wlb-settings-rubric">
          <Dialog.Title className="border-b border-slate-200 px-5 py-3 text-base font-semibold">Workload Balancing Settings — ‘{pool?.name_label ?? ''}’</Dialog.Title>
          {config.data === undefined ? (
            <p id="wlb-settings-rubric" role="status" className="px-5 py-4 text-[13px]">
              {config.error !== null ? `The settings could not be read: ${config.error.message}` : 'Reading the pool’s WLB settings…'}
            </p>
          ) : (
            // The form starts from the pool's configuration as it was when the dialog opened.
            <SettingsForm poolRef={poolRef} poolName={pool?.name_label ?? ''} initial={settingsFromMap(config.data)} onClose={onClose} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function SettingsForm({ poolRef, poolName, initial, onClose }: { poolRef: string; poolName: string; initial: WlbSettings; onClose: () => void }) {
  const queryClient = useQueryClient();
  const makeContext = useMakeActionContext();
  const [mode, setMode] = useState<OptimizationMode>(initial.mode);
  const [auto, setAuto] = useState(initial.autoBalance);
  const [texts, setTexts] = useState<Texts>(() => Object.fromEntries(WLB_METRICS.map((m) => [m, String(initial.critical[m])])) as Texts);
  const [saving, setSaving] = useState(false);
  const errors = new Map(WLB_METRICS.map((m) => [m, thresholdError(m, texts[m])]));
  const valid = [...errors.values()].every((e) => e === undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid || saving) return;
    const critical = Object.fromEntries(WLB_METRICS.map((m) => [m, Number(texts[m])])) as Record<WlbMetric, number>;
    setSaving(true);
    void runTaskCall(makeContext([poolRef]), {
      method: 'pool.send_wlb_configuration',
      args: [settingsToMap({ mode, autoBalance: auto, critical })],
      target: { cls: 'pool', ref: poolRef, kind: 'pool', name: poolName },
      failure: `Could not change the WLB settings of ${poolName}`,
    }).then(async (ok) => {
      await queryClient.invalidateQueries({ queryKey: wlbKeys.all });
      setSaving(false);
      if (ok) onClose();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="flex min-h-0 flex-col">
      <div className="flex flex-col gap-4 overflow-y-auto px-5 py-4 text-[13px]">
        <p id="wlb-settings-rubric" className="text-slate-700">
          How Workload Balancing judges the servers of this pool, and what it does about a busy one.
        </p>
        <fieldset className="flex flex-col gap-2">
          <legend className={`${LABEL} mb-1`}>Optimization Mode</legend>
          {(['performance', 'density'] as const).map((m) => (
            <label key={m} className="flex items-start gap-2">
              <input type="radio" name="wlb-mode" className="mt-0.5" checked={mode === m} aria-describedby={`wlb-mode-${m}`} onChange={() => setMode(m)} />
              <span>
                {MODE_LABELS[m]}
                <span id={`wlb-mode-${m}`} className="block text-xs text-slate-600">
                  {MODE_HINTS[m]}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className={`${LABEL} mb-1`}>Automation</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
            Automatically apply optimization recommendations
          </label>
        </fieldset>
        <ThresholdTable texts={texts} errors={errors} onChange={(m, v) => setTexts({ ...texts, [m]: v })} />
      </div>
      <div className={FOOTER}>
        <button type="submit" className={BUTTON_PRIMARY} aria-disabled={!valid || saving || undefined}>
          OK
        </button>
        <Dialog.Close className={BUTTON_SECONDARY}>Cancel</Dialog.Close>
      </div>
    </form>
  );
}

function ThresholdTable({ texts, errors, onChange }: { texts: Texts; errors: ReadonlyMap<WlbMetric, string | undefined>; onChange: (m: WlbMetric, v: string) => void }) {
  return (
    <fieldset>
      <legend className={`${LABEL} mb-1`}>Critical Thresholds</legend>
      <p className="mb-2 text-xs text-slate-600">
        Set each metric’s Critical level; High, Medium and Low follow from it (usage × 0.85, 0.5, 0.15; free memory × 1.25, 10, 20, since less free memory is worse).
      </p>
      <table className="w-full border-collapse" aria-label="Thresholds">
        <thead>
          <tr className="text-left text-slate-600">
            <th className="py-1 pr-3 font-normal">Metric</th>
            {WLB_LEVELS.map((l) => (
              <th key={l} className="py-1 pr-3 font-normal">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WLB_METRICS.map((m) => {
            const info = METRIC_INFO[m];
            const error = errors.get(m);
            const critical = Number(texts[m]);
            return (
              <tr key={m} className="border-t border-slate-200 align-top">
                <td className="py-1 pr-3">{info.label}</td>
                <td className="py-1 pr-3">
                  <span className="flex items-center gap-1">
                    <input
                      aria-label={`${info.label} critical threshold (${info.unit})`}
                      className={`${INPUT_BOX} w-20`}
                      inputMode="decimal"
                      value={texts[m]}
                      aria-invalid={error !== undefined || undefined}
                      aria-describedby={error !== undefined ? `wlb-threshold-${m}-error` : undefined}
                      onChange={(e) => onChange(m, e.target.value)}
                    />
                    <span className="text-slate-600">{info.unit}</span>
                  </span>
                  {error !== undefined ? (
                    <span id={`wlb-threshold-${m}-error`} className="mt-1 block text-xs text-red-700">
                      {error}
                    </span>
                  ) : null}
                </td>
                {WLB_LEVELS.slice(1).map((l) => (
                  <td key={l} className="py-1 pr-3 text-slate-700">
                    {error === undefined ? formatThreshold(m, levelValue(m, critical, l)) : '—'}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
