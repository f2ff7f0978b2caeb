import { describe, expect, it } from 'vitest';
import { actionTitle, durationSeconds, explainError, formatDuration, statusWord, taskMethod } from './task-display';
import type { TaskRecord } from './task-log';

const t = (fields: Partial<TaskRecord>) => ({ task: { status: 'pending', created: '20260101T10:00:00Z', finished: '19700101T00:00:00Z', ...fields } as TaskRecord, gone: false });

describe('task display', () => {
  it('names actions as XenCenter does and keeps the raw method', () => {
    expect(actionTitle('Async.VM.start')).toBe('Starting VM');
    expect(actionTitle('VM.clean_shutdown')).toBe('Shutting down VM');
    expect(actionTitle('Async.VM.set_memory_limits')).toBe('VM: set memory limits');
    expect(taskMethod('Async.VM.start')).toBe('VM.start');
  });

  it('uses XenCenter status words', () => {
    expect(statusWord(t({ status: 'pending' }))).toBe('In progress');
    expect(statusWord(t({ status: 'success' }))).toBe('Complete');
    expect(statusWord(t({ status: 'failure' }))).toBe('Error');
    expect(statusWord(t({ status: 'cancelled' }))).toBe('Canceled');
    expect(statusWord({ ...t({ status: 'pending' }), gone: true })).toBe('Incomplete');
  });

  it('measures the duration from created to finished', () => {
    expect(durationSeconds(t({ status: 'success', finished: '20260101T10:01:05Z' }))).toBe(65);
    expect(durationSeconds(t({ status: 'pending' }))).toBeUndefined();
    expect(formatDuration(5)).toBe('5 s');
    expect(formatDuration(65)).toBe('1 min 5 s');
    expect(formatDuration(7440)).toBe('2 h 4 min');
  });

  it('explains an error with its code and named parameters', () => {
    const e = explainError(['VM_BAD_POWER_STATE', 'OpaqueRef:v', 'halted', 'running']);
    expect(e?.code).toBe('VM_BAD_POWER_STATE');
    expect(e?.explanation).toMatch(/power state/i);
    expect(e?.params.map((p) => p.name)).toEqual(['vm', 'expected', 'actual']);
    expect(explainError(['NOT_A_REAL_CODE', 'x'])).toMatchObject({ explanation: undefined, params: [{ name: '', value: 'x' }] });
    expect(explainError([])).toBeUndefined();
  });
});
