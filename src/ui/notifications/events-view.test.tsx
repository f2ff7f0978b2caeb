// The Events view against a stub lab: what a person sees for running,
// finished and failed tasks, and what its buttons call.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ObjectEvent } from '../../xapi/event-loop';
import { ObjectCache } from '../cache/object-cache';
import type { LabConnection } from '../lab/lab-connection';
import { LabProvider } from '../lab/lab-context';
import { useUi, INITIAL_PLACE } from '../state/ui-store';
import { EventsView } from './events-view';
import { EMPTY_LOG, type TaskRecord } from './task-log';
import { recordTaskEvents, useTaskLog } from './task-log-store';

function task(fields: Partial<TaskRecord>): TaskRecord {
  return {
    uuid: 'u', name_label: 'Async.VM.start', name_description: '', allowed_operations: ['cancel'], current_operations: {},
    created: '20260105T08:00:00Z', finished: '19700101T00:00:00Z', status: 'pending', resident_on: 'OpaqueRef:h', progress: 0.4,
    type: '', result: '', error_info: [], other_config: {}, subtask_of: 'OpaqueRef:NULL', subtasks: [], backtrace: '()', ...fields,
  };
}

function setup(events: ObjectEvent[], objects: ObjectEvent[] = []) {
  const cache = new ObjectCache((flush) => flush());
  const vm = { name_label: 'game-01', current_operations: { 'OpaqueRef:run': 'start' }, power_state: 'Halted' };
  const web = { name_label: 'web-01', current_operations: {}, power_state: 'Running' };
  cache.enqueue({ kind: 'initial', token: '1', events: [
    { operation: 'add', class: 'VM', ref: 'OpaqueRef:game', snapshot: vm },
    { operation: 'add', class: 'VM', ref: 'OpaqueRef:web', snapshot: web },
    ...objects,
  ] });
  const call = vi.fn().mockResolvedValue(undefined);
  const lab = { cache, client: { call } } as unknown as LabConnection;
  recordTaskEvents([{ operation: 'mod', class: 'VM', ref: 'OpaqueRef:game', snapshot: vm }, ...events], 'events');
  render(
    <LabProvider lab={lab}>
      <EventsView />
    </LabProvider>,
  );
  return { call };
}

const taskEvent = (op: ObjectEvent['operation'], ref: string, t: TaskRecord): ObjectEvent => ({ operation: op, class: 'task', ref, snapshot: t });

describe('EventsView', () => {
  afterEach(() => {
    useTaskLog.setState({ log: EMPTY_LOG });
    useUi.setState({ place: INITIAL_PLACE, back: [], forward: [] });
  });

  it('says so when there are no events', () => {
    setup([]);
    expect(screen.getByText('There are no events')).toBeDefined();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a running task with its object, action, progress bar and Cancel', () => {
    const { call } = setup([taskEvent('add', 'OpaqueRef:run', task({}))]);
    const row = screen.getAllByRole('row')[1]!;
    expect(within(row).getByText('game-01')).toBeDefined();
    expect(within(row).getByText('Starting VM')).toBeDefined();
    expect(within(row).getByText('VM.start')).toBeDefined();
    expect(within(row).getByText('In progress')).toBeDefined();
    expect(within(row).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    expect(call).toHaveBeenCalledWith('task.cancel', 'OpaqueRef:run');
  });

  it('explains a failed task, names its VM from the error, and dismisses it', () => {
    const failed = task({ status: 'failure', finished: '20260105T08:00:02Z', error_info: ['VM_BAD_POWER_STATE', 'OpaqueRef:web', 'halted', 'running'], allowed_operations: [] });
    setup([taskEvent('del', 'OpaqueRef:bad', failed)]);
    const row = screen.getAllByRole('row')[1]!;
    expect(within(row).getByText('Error')).toBeDefined();
    expect(within(row).getByText(/wrong power state/)).toBeDefined();
    expect(within(row).getByText(/VM_BAD_POWER_STATE/)).toBeDefined();
    expect(within(row).getAllByText('web-01')).toHaveLength(2); // the Object column and the vm parameter
    expect(within(row).getByText('2 s')).toBeDefined();
    fireEvent.click(within(row).getByRole('button', { name: 'Go to object' }));
    expect(useUi.getState().place).toMatchObject({ view: 'infrastructure', selection: ['OpaqueRef:web'] });
    fireEvent.click(within(row).getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByText('There are no events')).toBeDefined();
  });

  it('filters by status and dismisses all finished tasks', () => {
    setup([
      taskEvent('add', 'OpaqueRef:run', task({})),
      taskEvent('del', 'OpaqueRef:ok', task({ status: 'success', progress: 1, finished: '20260105T08:00:05Z' })),
      taskEvent('del', 'OpaqueRef:bad', task({ status: 'failure', error_info: ['HOST_OFFLINE', 'OpaqueRef:h'] })),
    ]);
    expect(screen.getAllByRole('row')).toHaveLength(4);
    fireEvent.change(screen.getByLabelText('Filter by status'), { target: { value: 'errors' } });
    expect(screen.getAllByRole('row')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Filter by status'), { target: { value: 'all' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss all' }));
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByText('In progress')).toBeDefined();
  });
});

describe('EventsView: an HA failover', () => {
  afterEach(() => useTaskLog.setState({ log: EMPTY_LOG }));

  const message = (ref: string, name: string, timestamp: string, host: string, body: string): ObjectEvent => ({
    operation: 'add', class: 'message', ref, snapshot: { uuid: ref, name, priority: 2, cls: 'Host', obj_uuid: host, timestamp, body },
  });
  const objects: ObjectEvent[] = [
    { operation: 'add', class: 'pool', ref: 'OpaqueRef:pool', snapshot: { name_label: 'Lab Pool', master: 'OpaqueRef:h1' } },
    { operation: 'add', class: 'host', ref: 'OpaqueRef:h2', snapshot: { uuid: 'u-h2', name_label: 'xenserver-02' } },
    message('OpaqueRef:m1', 'XENLAB_FAULT_INJECTED', '20260105T08:00:00Z', 'u-h2', "Simulated fault: the power was cut ('xenserver-02')."),
    message('OpaqueRef:m2', 'HA_HOST_FAILED', '20260105T08:01:00Z', 'u-h2', "HA declared server 'xenserver-02' dead; its protected VMs will be restarted elsewhere."),
  ];
  const restartTask = task({ name_label: 'Async.VM.start_on', name_description: 'HA restart of web-01', created: '20260105T08:01:00Z', finished: '20260105T08:01:32Z', status: 'success', progress: 1 });

  it('is one entry whose timeline tells the failure in order from t+0 s, with the downtime; its restart task is not listed apart', () => {
    setup([taskEvent('del', 'OpaqueRef:restart', restartTask), taskEvent('del', 'OpaqueRef:other', task({ status: 'success', progress: 1, created: '20260105T07:00:00Z', finished: '20260105T07:00:05Z' }))], objects);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3); // header, the failover, the other task
    const failover = rows[1]!;
    expect(within(failover).getByText('HA failover')).toBeDefined();
    expect(within(failover).getByText('xenserver-02 failed; 1 of 1 VM restarted, longest downtime 1 min 32 s')).toBeDefined();
    expect(within(failover).getByText('Complete')).toBeDefined();
    expect(within(failover).getByText('Lab Pool')).toBeDefined();
    expect(within(failover).getByText('1 min 32 s')).toBeDefined();
    expect(screen.getByText('2 events · Notifications')).toBeDefined();

    const toggle = within(failover).getByRole('button', { name: 'Timeline' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const steps = within(screen.getByRole('list', { name: 'Failover timeline' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(steps).toEqual([
      "t+0 s⚡Fault injected — Simulated fault: the power was cut ('xenserver-02').",
      "t+60 s▲HA: server failed — xenserver-02 — HA declared server 'xenserver-02' dead; its protected VMs will be restarted elsewhere.",
      't+60 s▶HA restart of web-01 — VM.start_on on a surviving server',
      't+92 s✓web-01 running again — down for 1 min 32 s',
    ]);
    const downtime = within(screen.getByRole('table', { name: 'VM downtime' })).getAllByRole('row').map((r) => r.textContent);
    expect(downtime).toEqual(['VMDown for', 'web-011 min 32 s']);

    fireEvent.click(within(failover).getByRole('button', { name: /^Dismiss HA failover/ }));
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(useTaskLog.getState().log.entries['OpaqueRef:restart']).toBeUndefined();
  });

  it('shows under In progress while a VM restarts', () => {
    setup([taskEvent('add', 'OpaqueRef:restart', { ...restartTask, status: 'pending', finished: '19700101T00:00:00Z', progress: 0.3 })], objects);
    fireEvent.change(screen.getByLabelText('Filter by status'), { target: { value: 'running' } });
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByText('In progress')).toBeDefined();
    expect(within(rows[1]!).queryByRole('button', { name: /^Dismiss/ })).toBeNull();
  });
});
