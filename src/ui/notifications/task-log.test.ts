import { describe, expect, it } from 'vitest';
import type { ObjectEvent } from '../../xapi/event-loop';
import { finishedRefs, listEvents } from './event-list';
import { applyTaskEvents, dismissTasks, EMPTY_LOG, isQuietTask, LOG_LIMIT, noteTaskObject, type TaskRecord } from './task-log';

function task(overrides: Partial<TaskRecord> = {}): TaskRecord {
  return {
    uuid: 'u',
    name_label: 'Async.VM.start',
    name_description: '',
    allowed_operations: ['cancel'],
    current_operations: {},
    created: '20260101T10:00:00Z',
    finished: '19700101T00:00:00Z',
    status: 'pending',
    resident_on: 'OpaqueRef:h1',
    progress: 0,
    type: '',
    result: '',
    error_info: [],
    other_config: {},
    subtask_of: 'OpaqueRef:NULL',
    subtasks: [],
    backtrace: '()',
    ...overrides,
  };
}

const ev = (operation: ObjectEvent['operation'], cls: string, ref: string, snapshot: unknown): ObjectEvent => ({ operation, class: cls, ref, snapshot });
const vm = (ops: Record<string, string>, name = 'game-01') => ({ name_label: name, current_operations: ops, power_state: 'Halted' });

describe('applyTaskEvents', () => {
  it('records a task, learns its VM from current_operations, and keeps it after the del event', () => {
    let log = applyTaskEvents(EMPTY_LOG, [ev('add', 'task', 'OpaqueRef:t1', task())], 'events');
    expect(log.entries['OpaqueRef:t1']?.object).toBeUndefined();
    log = applyTaskEvents(log, [ev('mod', 'VM', 'OpaqueRef:vm1', vm({ 'OpaqueRef:t1': 'start' }))], 'events');
    expect(log.entries['OpaqueRef:t1']?.object).toEqual({ cls: 'VM', ref: 'OpaqueRef:vm1', name: 'game-01' });
    const done = task({ status: 'success', progress: 1, finished: '20260101T10:00:05Z', allowed_operations: [] });
    log = applyTaskEvents(log, [ev('mod', 'VM', 'OpaqueRef:vm1', vm({})), ev('mod', 'task', 'OpaqueRef:t1', done), ev('del', 'task', 'OpaqueRef:t1', done)], 'events');
    const entry = log.entries['OpaqueRef:t1'];
    expect(entry?.gone).toBe(true);
    expect(entry?.task.status).toBe('success');
    expect(entry?.object?.ref).toBe('OpaqueRef:vm1');
  });

  it('keeps a task seen only as its del event (created and destroyed between two polls)', () => {
    const failed = task({ status: 'failure', error_info: ['VM_BAD_POWER_STATE', 'OpaqueRef:vm1', 'halted', 'running'] });
    const log = applyTaskEvents(EMPTY_LOG, [ev('del', 'task', 'OpaqueRef:t2', failed)], 'events');
    expect(log.entries['OpaqueRef:t2']).toMatchObject({ gone: true, task: { status: 'failure' } });
  });

  it('returns the same log when nothing it shows changed', () => {
    const t = task();
    const log = applyTaskEvents(EMPTY_LOG, [ev('add', 'task', 'OpaqueRef:t1', t)], 'events');
    expect(applyTaskEvents(log, [ev('mod', 'host', 'OpaqueRef:h1', { name_label: 'x', current_operations: {} })], 'events')).toBe(log);
    expect(applyTaskEvents(log, [ev('mod', 'task', 'OpaqueRef:t1', t)], 'events')).toBe(log);
  });

  it('leaves out pre-checks and getters that run under tasks', () => {
    expect(isQuietTask('Async.VM.assert_can_boot_here')).toBe(true);
    expect(isQuietTask('VM.get_record')).toBe(true);
    expect(isQuietTask('Async.VM.start')).toBe(false);
    const log = applyTaskEvents(EMPTY_LOG, [ev('add', 'task', 'OpaqueRef:q', task({ name_label: 'VM.assert_can_boot_here' }))], 'events');
    expect(log.entries).toEqual({});
  });

  it('marks a pending task missing from a resync as gone', () => {
    let log = applyTaskEvents(EMPTY_LOG, [ev('add', 'task', 'OpaqueRef:t1', task())], 'events');
    log = applyTaskEvents(log, [ev('add', 'VM', 'OpaqueRef:vm1', vm({}))], 'resync');
    expect(log.entries['OpaqueRef:t1']?.gone).toBe(true);
  });

  it('ignores events of dismissed tasks and forgets them', () => {
    let log = applyTaskEvents(EMPTY_LOG, [ev('add', 'task', 'OpaqueRef:t1', task({ status: 'success' }))], 'events');
    log = dismissTasks(log, ['OpaqueRef:t1']);
    expect(log.entries).toEqual({});
    log = applyTaskEvents(log, [ev('del', 'task', 'OpaqueRef:t1', task({ status: 'success' }))], 'events');
    expect(log.entries).toEqual({});
  });

  it('takes a task object from an action that knows it', () => {
    let log = applyTaskEvents(EMPTY_LOG, [ev('add', 'task', 'OpaqueRef:t1', task({ status: 'failure' }))], 'events');
    log = noteTaskObject(log, 'OpaqueRef:t1', { cls: 'VM', ref: 'OpaqueRef:vm9', name: 'legacy-01' });
    expect(log.entries['OpaqueRef:t1']?.object?.name).toBe('legacy-01');
  });

  it(`keeps at most ${String(LOG_LIMIT)} entries, dropping the oldest finished ones`, () => {
    const events = Array.from({ length: LOG_LIMIT + 10 }, (_, i) => ev('add', 'task', `OpaqueRef:t${String(i)}`, task({ status: i === 0 ? 'pending' : 'success' })));
    const log = applyTaskEvents(EMPTY_LOG, events, 'events');
    expect(Object.keys(log.entries)).toHaveLength(LOG_LIMIT);
    expect(log.entries['OpaqueRef:t0']).toBeDefined(); // pending: kept
    expect(log.entries['OpaqueRef:t1']).toBeUndefined();
  });
});

describe('listEvents', () => {
  const log = applyTaskEvents(
    EMPTY_LOG,
    [
      ev('add', 'task', 'OpaqueRef:a', task({ created: '20260101T10:00:00Z', status: 'success' })),
      ev('add', 'task', 'OpaqueRef:b', task({ created: '20260101T10:05:00Z', status: 'failure' })),
      ev('add', 'task', 'OpaqueRef:c', task({ created: '20260101T10:05:00Z' })),
    ],
    'events',
  );

  it('lists newest first (same second: the one seen last first)', () => {
    expect(listEvents(log.entries, 'all').map((e) => e.ref)).toEqual(['OpaqueRef:c', 'OpaqueRef:b', 'OpaqueRef:a']);
  });

  it('filters by status', () => {
    expect(listEvents(log.entries, 'running').map((e) => e.ref)).toEqual(['OpaqueRef:c']);
    expect(listEvents(log.entries, 'errors').map((e) => e.ref)).toEqual(['OpaqueRef:b']);
  });

  it('dismisses only finished tasks with "Dismiss all"', () => {
    expect(finishedRefs(log.entries).sort()).toEqual(['OpaqueRef:a', 'OpaqueRef:b']);
  });
});
