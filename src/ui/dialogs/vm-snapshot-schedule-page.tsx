// The Snapshot Schedule page of a VM's Properties (XenCenter's "VM Snapshot
// Schedule" page): put the VM in one of the pool's snapshot schedules, or in
// none (VM.set_snapshot_schedule). A VM is in one schedule at most.
import { useCallback, useId, useState } from 'react';
import type { XenApiCaller } from '../actions/action-types';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector, useObject } from '../cache/use-cache';
import { NULL_REF, isNullRef } from '../../xapi/refs';
import { describeSchedule } from '../wizards/new-vmss/vmss-model';
import { FIELD_HINT, INPUT, LABEL } from './dialog-styles';

interface ScheduleChoice {
  readonly ref: string;
  readonly label: string;
}

function scheduleChoices(cache: ObjectCache): ScheduleChoice[] {
  return [...cache.all('VMSS')]
    .map(([ref, p]) => ({ ref, label: `${p.name_label} — ${describeSchedule(p.frequency, p.schedule)}${p.enabled ? '' : ' (disabled)'}` }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
}

const sameChoices = (a: readonly ScheduleChoice[], b: readonly ScheduleChoice[]) => a.length === b.length && a.every((c, i) => c.ref === b[i]?.ref && c.label === b[i]?.label);

export interface SnapshotScheduleEditor {
  readonly available: boolean;
  readonly value: string;
  readonly choices: readonly ScheduleChoice[];
  set(value: string): void;
  save(client: XenApiCaller, vm: string): Promise<void>;
}

export function useSnapshotScheduleEditor(vmRef: string, enabled: boolean): SnapshotScheduleEditor {
  const vm = useObject('VM', vmRef);
  const choices = useCacheSelector(useCallback((c: ObjectCache) => scheduleChoices(c), []), sameChoices);
  const [initial] = useState(() => (vm === undefined || isNullRef(vm.snapshot_schedule) ? NULL_REF : vm.snapshot_schedule));
  const [value, setValue] = useState(initial);
  return {
    available: enabled,
    value,
    choices,
    set: setValue,
    async save(client, ref) {
      if (value !== initial) await client.call('VM.set_snapshot_schedule', ref, value);
    },
  };
}

export function SnapshotSchedulePage({ editor }: { editor: SnapshotScheduleEditor }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-slate-600">A snapshot schedule takes snapshots of this VM at set times and keeps the newest ones. Make or change schedules under Pool ▸ VM Snapshot Schedules…</p>
      <div>
        <label htmlFor={`${id}-vmss`} className={LABEL}>
          Snapshot schedule
        </label>
        <select id={`${id}-vmss`} className={`${INPUT} mt-1`} value={editor.value} aria-describedby={`${id}-hint`} onChange={(e) => editor.set(e.target.value)}>
          <option value={NULL_REF}>(None)</option>
          {editor.choices.map((c) => (
            <option key={c.ref} value={c.ref}>
              {c.label}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className={FIELD_HINT}>
          {editor.choices.length === 0 ? 'There are no snapshot schedules in this pool yet.' : 'A VM is in one snapshot schedule at most: choosing another moves it there.'}
        </p>
      </div>
    </div>
  );
}
