import { describe, expect, it } from 'vitest';
import type { MessageRecord } from './alert-list';
import { buildFailovers, failoverSummary, formatOffset } from './failover-timeline';
import type { TaskEntry, TaskRecord } from './task-log';

// A pool at 08:00:00: xenserver-02 loses its power, HA's 60 s timeout passes,
// it is declared dead, the coordinator moves, two protected VMs restart.
const HOSTS: Readonly<Record<string, string>> = { 'u-h1': 'xenserver-01', 'u-h2': 'xenserver-02', 'u-h3': 'xenserver-03' };
const nameOf = (cls: string, uuid: string) => (cls === 'Host' ? HOSTS[uuid] : undefined);

const at = (s: number) => {
  const hh = 8 + Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `20260105T${two(hh)}:${two(mm)}:${two(ss)}Z`;
};

function message(ref: string, name: string, s: number, host: string, body = ''): readonly [string, MessageRecord] {
  return [ref, { uuid: ref, name, priority: 2, cls: 'Host', obj_uuid: host, timestamp: at(s), body }];
}

let seq = 0;
function restart(ref: string, vm: string, created: number, finished: number | undefined, status: TaskRecord['status'] = finished === undefined ? 'pending' : 'success', error: string[] = []): TaskEntry {
  const task: TaskRecord = {
    uuid: ref, name_label: 'Async.VM.start_on', name_description: `HA restart of ${vm}`, allowed_operations: [], current_operations: {},
    created: at(created), finished: finished === undefined ? '19700101T00:00:00Z' : at(finished), status, resident_on: 'OpaqueRef:h1', progress: finished === undefined ? 0.5 : 1,
    type: '', result: '', error_info: error, other_config: {}, subtask_of: 'OpaqueRef:NULL', subtasks: [], backtrace: '()',
  };
  return { ref, task, object: undefined, gone: finished !== undefined, seq: seq++ };
}

const powerCut = [
  message('m1', 'XENLAB_FAULT_INJECTED', 0, 'u-h2', "Simulated fault: the power was cut ('xenserver-02')."),
  message('m2', 'HA_HOST_FAILED', 60, 'u-h2', "HA declared server 'xenserver-02' dead."),
  message('m3', 'HA_POOL_MASTER_CHANGED', 60, 'u-h1', "HA elected 'xenserver-01' as the new pool coordinator."),
];

describe('buildFailovers', () => {
  it('puts a power cut, HA declaring the server dead, the new coordinator and the restarts on one clock from t+0', () => {
    const tasks = [restart('t1', 'web-01', 60, 92), restart('t2', 'win-app-01', 70, 105)];
    const [f, ...rest] = buildFailovers(powerCut, tasks, nameOf);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'm2', start: Date.UTC(2026, 0, 5, 8) / 1000, startStamp: at(0), duration: 105, failedHosts: ['xenserver-02'], status: 'Complete', taskRefs: ['t1', 't2'] });
    expect(f?.steps.map((s) => [formatOffset(s.offset), s.title])).toEqual([
      ['t+0 s', 'Fault injected'],
      ['t+60 s', 'HA: server failed — xenserver-02'],
      ['t+60 s', 'HA: new pool coordinator — xenserver-01'],
      ['t+60 s', 'HA restart of web-01'],
      ['t+70 s', 'HA restart of win-app-01'],
      ['t+92 s', 'web-01 running again'],
      ['t+105 s', 'win-app-01 running again'],
    ]);
    expect(f?.restarts.map((r) => [r.vm, r.status, r.downSeconds])).toEqual([
      ['web-01', 'restarted', 92],
      ['win-app-01', 'restarted', 105],
    ]);
    expect(f && failoverSummary(f)).toBe('xenserver-02 failed; 2 of 2 VMs restarted, longest downtime 1 min 45 s');
  });

  it('is in progress while a restart runs, and an error when one failed', () => {
    const running = buildFailovers(powerCut, [restart('t1', 'web-01', 60, undefined)], nameOf)[0];
    expect(running?.status).toBe('In progress');
    expect(running?.restarts[0]?.downSeconds).toBeUndefined();
    const failed = buildFailovers(powerCut, [restart('t1', 'web-01', 60, 61, 'failure', ['HOST_NOT_ENOUGH_FREE_MEMORY', '1', '2'])], nameOf)[0];
    expect(failed?.status).toBe('Error');
    expect(failed?.steps.at(-1)).toMatchObject({ kind: 'restart-failed', title: 'web-01 not restarted', detail: 'HOST_NOT_ENOUGH_FREE_MEMORY' });
    expect(failed && failoverSummary(failed)).toBe('xenserver-02 failed; 0 of 1 VM restarted');
  });

  it('counts a fenced server’s downtime from the fence, not from the network cut that caused it', () => {
    const cut = [
      message('m1', 'XENLAB_FAULT_INJECTED', 0, 'u-h3', "Simulated fault: the management network was cut ('xenserver-03')."),
      message('m2', 'HA_HOST_WAS_FENCED', 60, 'u-h3'),
      message('m3', 'HA_HOST_FAILED', 60, 'u-h3'),
    ];
    const [f] = buildFailovers(cut, [restart('t1', 'db-01', 60, 95)], nameOf);
    expect(f?.failedHosts).toEqual(['xenserver-03']);
    expect(f?.restarts[0]?.downSeconds).toBe(35);
    expect(f?.steps[0]).toMatchObject({ offset: 0, kind: 'fault' });
  });

  it('keeps separate failovers apart, newest first; HA messages with no failed server are no failover', () => {
    const later = [
      message('n1', 'XENLAB_FAULT_INJECTED', 3600, 'u-h3', "Simulated fault: the power was cut ('xenserver-03')."),
      message('n2', 'HA_HOST_FAILED', 3660, 'u-h3'),
    ];
    const planOnly = [message('p1', 'HA_POOL_DROP_IN_PLAN_EXISTS_FOR', 1800, 'u-h1')];
    const list = buildFailovers([...powerCut, ...planOnly, ...later], [restart('t1', 'web-01', 60, 92), restart('t9', 'db-01', 3660, 3700)], nameOf);
    expect(list.map((f) => [f.id, f.failedHosts, f.taskRefs])).toEqual([
      ['n2', ['xenserver-03'], ['t9']],
      ['m2', ['xenserver-02'], ['t1']],
    ]);
    expect(list[0]?.steps[0]?.offset).toBe(0);
  });

  it('ignores tasks that are not HA restarts and messages that tell no failover', () => {
    const other = restart('t5', 'x', 61, 70);
    const plain = { ...other, task: { ...other.task, name_description: '' } };
    const f = buildFailovers([...powerCut, message('v', 'VM_STARTED', 61, 'u-h1')], [plain], nameOf)[0];
    expect(f?.taskRefs).toEqual([]);
    expect(f?.steps).toHaveLength(3);
  });
});

describe('formatOffset', () => {
  it('counts seconds for ten minutes, then minutes and seconds', () => {
    expect([0, 60, 75.4, 599, 600, 725].map(formatOffset)).toEqual(['t+0 s', 't+60 s', 't+75 s', 't+599 s', 't+10 min', 't+12 min 5 s']);
  });
});
