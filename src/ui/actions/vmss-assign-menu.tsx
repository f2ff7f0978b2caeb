// Assign to VM Snapshot Schedule ▸ (XenCenter's VM menu): New Schedule… for
// the selected VMs, then each of the pool's schedules (the one all of them
// are in marked); choosing one puts them in it.
import { useCallback } from 'react';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { MENU_ITEM, MENU_PANEL, MENU_SEPARATOR, type MenuKit } from './menu-kit';
import { useMakeActionContext } from './use-actions';
import { assignToSchedule, assignVmSnapshotSchedule } from './vmss-actions';

interface Choice {
  readonly ref: string;
  readonly label: string;
  readonly current: boolean;
}

function choicesFor(cache: ObjectCache, selection: readonly string[]): Choice[] {
  const vms = assignVmSnapshotSchedule.partition(selection, cache).runnable;
  return [...cache.all('VMSS')]
    .map(([ref, p]) => ({ ref, label: p.name_label, current: vms.length > 0 && vms.every((vm) => cache.get('VM', vm.ref)?.snapshot_schedule === ref) }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
}

const sameChoice = (a: Choice, b: Choice) => a.ref === b.ref && a.label === b.label && a.current === b.current;

function Items({ kit, selection }: { kit: MenuKit; selection: readonly string[] }) {
  const makeContext = useMakeActionContext();
  const choices = useCacheSelector(
    useCallback((c: ObjectCache) => choicesFor(c, selection), [selection]),
    (a, b) => a.length === b.length && a.every((x, i) => b[i] !== undefined && sameChoice(x, b[i])),
  );
  const vmsOf = (context: ReturnType<typeof makeContext>) => assignVmSnapshotSchedule.partition(selection, context.cache).runnable;
  return (
    <>
      <kit.Item
        className={MENU_ITEM}
        onSelect={() => {
          const context = makeContext(selection);
          context.ui.openDialog({ kind: 'new-vmss', vms: vmsOf(context).map((t) => t.ref) });
        }}
      >
        <span className="w-4" />
        New Schedule…
      </kit.Item>
      {choices.length > 0 && <kit.Separator className={MENU_SEPARATOR} />}
      {choices.map((c) => (
        <kit.Item
          key={c.ref}
          className={MENU_ITEM}
          aria-current={c.current || undefined}
          onSelect={() => {
            const context = makeContext(selection);
            assignToSchedule(context, vmsOf(context), c.ref, c.label);
          }}
        >
          <span aria-hidden="true" className="w-4 text-center">
            {c.current ? '✓' : ''}
          </span>
          {c.label}
          {c.current && <span className="sr-only"> (current)</span>}
        </kit.Item>
      ))}
    </>
  );
}

export function AssignVmssMenu({ kit, selection }: { kit: MenuKit; selection: readonly string[] }) {
  return (
    <kit.Sub>
      <kit.SubTrigger className={MENU_ITEM}>
        <span className="w-4" />
        <span>{assignVmSnapshotSchedule.label}</span>
        <span aria-hidden="true" className="ml-auto pl-4">
          ▸
        </span>
      </kit.SubTrigger>
      <kit.Portal>
        <kit.SubContent className={MENU_PANEL} sideOffset={2} alignOffset={-4} aria-label={assignVmSnapshotSchedule.label}>
          <Items kit={kit} selection={selection} />
        </kit.SubContent>
      </kit.Portal>
    </kit.Sub>
  );
}
