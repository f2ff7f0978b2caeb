import { describe, expect, it } from 'vitest';
import { alertTitle, buildAlertRows, severityOf, type MessageRecord } from './alert-list';

const msg = (fields: Partial<MessageRecord>): MessageRecord => ({
  uuid: 'm',
  name: 'HA_POOL_OVERCOMMITTED',
  priority: 1,
  cls: 'Pool',
  obj_uuid: 'pool-uuid',
  timestamp: '20260101T10:00:00Z',
  body: '',
  ...fields,
});

describe('alerts', () => {
  it('maps priorities 1–5 to XenCenter severities', () => {
    expect([1, 2, 3, 4, 5].map(severityOf)).toEqual(['Critical', 'Major', 'Warning', 'Minor', 'Information']);
    expect(severityOf(0)).toBe('Critical');
    expect(severityOf(9)).toBe('Information');
  });

  it('titles messages readably', () => {
    expect(alertTitle('VM_STARTED')).toBe('VM started');
    expect(alertTitle('SOME_NEW_THING')).toBe('Some new thing');
  });

  it('builds rows newest first with object names, filtered by severity, without hidden ones', () => {
    const names = (cls: string, uuid: string) => (cls === 'VM' && uuid === 'vm-uuid' ? 'web-01' : cls === 'Host' && uuid === 'h-uuid' ? 'xenserver-02' : undefined);
    const messages: [string, MessageRecord][] = [
      ['OpaqueRef:m1', msg({ name: 'VM_STARTED', priority: 5, cls: 'VM', obj_uuid: 'vm-uuid', timestamp: '20260101T10:00:00Z' })],
      ['OpaqueRef:m2', msg({ name: 'ALARM', priority: 3, cls: 'Host', obj_uuid: 'h-uuid', timestamp: '20260101T11:00:00Z', body: 'CPU usage 95%' })],
      ['OpaqueRef:m3', msg({ priority: 1 })],
    ];
    const rows = buildAlertRows(messages, names, 'Lab Pool', {}, 'all');
    expect(rows.map((r) => r.ref)).toEqual(['OpaqueRef:m2', 'OpaqueRef:m1', 'OpaqueRef:m3']);
    expect(rows[0]).toMatchObject({ severity: 'Warning', title: 'Alarm', objectName: 'xenserver-02', source: 'xenserver-02', body: 'CPU usage 95%' });
    expect(rows[1]).toMatchObject({ objectName: 'web-01', source: 'Lab Pool' });
    expect(buildAlertRows(messages, names, 'Lab Pool', {}, 'Critical').map((r) => r.ref)).toEqual(['OpaqueRef:m3']);
    expect(buildAlertRows(messages, names, 'Lab Pool', { 'OpaqueRef:m2': true }, 'all')).toHaveLength(2);
  });
});
