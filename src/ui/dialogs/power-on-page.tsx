// The Power On page of a server's Properties: the power-on mode xapi uses for
// Server ▸ Power On (host.set_power_on_mode). Checked at the fields; saved
// only when changed.
import { useId, useState } from 'react';
import type { XenApiCaller } from '../actions/action-types';
import { useObject } from '../cache/use-cache';
import { FIELD_ERROR, INPUT, LABEL } from './dialog-styles';
import { POWER_ON_CHOICES, powerOnCall, powerOnErrors, powerOnFormOf, type PowerOnForm } from './power-on-form';

export interface PowerOnEditor {
  readonly available: boolean;
  readonly form: PowerOnForm;
  readonly valid: boolean;
  set(patch: Partial<PowerOnForm>): void;
  save(client: XenApiCaller, host: string): Promise<void>;
}

export function usePowerOnEditor(hostRef: string, enabled: boolean): PowerOnEditor {
  const host = useObject('host', enabled ? hostRef : undefined);
  const [initial] = useState(() => (host === undefined ? undefined : powerOnCall(powerOnFormOf(host.power_on_mode, host.power_on_config))));
  const [form, setForm] = useState<PowerOnForm>(() => powerOnFormOf(host?.power_on_mode ?? '', host?.power_on_config ?? {}));
  return {
    available: enabled && initial !== undefined,
    form,
    valid: Object.keys(powerOnErrors(form)).length === 0,
    set: (patch) => setForm((f) => ({ ...f, ...patch })),
    async save(client, ref) {
      if (!enabled) return;
      const [mode, config] = powerOnCall(form);
      if (initial !== undefined && JSON.stringify(initial) === JSON.stringify([mode, config])) return;
      await client.call('host.set_power_on_mode', ref, mode, config);
    },
  };
}

export function PowerOnPage({ editor }: { editor: PowerOnEditor }) {
  const id = useId();
  const { form } = editor;
  const errors = powerOnErrors(form);
  const field = (key: 'ip' | 'user' | 'script', label: string) => (
    <div>
      <label htmlFor={`${id}-${key}`} className={LABEL}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className={`${INPUT} mt-1`}
        value={form[key]}
        aria-invalid={errors[key] !== undefined || undefined}
        aria-describedby={errors[key] !== undefined ? `${id}-${key}-error` : undefined}
        onChange={(e) => editor.set({ [key]: e.target.value })}
      />
      {errors[key] !== undefined && (
        <p id={`${id}-${key}-error`} className={FIELD_ERROR}>
          {errors[key]}
        </p>
      )}
    </div>
  );
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-slate-600">
        How XenServer powers this server on when you choose Server ▸ Power On. The server must be set up for it: Wake-on-LAN enabled in its firmware,
        or its management controller on the network.
      </p>
      <fieldset>
        <legend className={LABEL}>Power-on mode</legend>
        <div className="mt-1 flex flex-col gap-1">
          {POWER_ON_CHOICES.map((c) => (
            <label key={c.value} className="flex items-center gap-2">
              <input type="radio" name={`${id}-mode`} value={c.value} checked={form.choice === c.value} onChange={() => editor.set({ choice: c.value })} />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      {(form.choice === 'iLO' || form.choice === 'DRAC') && (
        <>
          {field('ip', 'IP address')}
          {field('user', 'User name')}
        </>
      )}
      {form.choice === 'custom' && field('script', 'Script (plug-in) name')}
    </div>
  );
}
