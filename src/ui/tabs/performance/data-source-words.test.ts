import { describe, expect, it } from 'vitest';
import { categoryOf, formatValue, friendlyName, valueKindOf } from './data-source-words';

describe('friendlyName', () => {
  it('uses XenCenter\'s words', () => {
    expect(friendlyName('cpu3')).toBe('CPU 3');
    expect(friendlyName('memory_internal_free')).toBe('Used Memory');
    expect(friendlyName('memory_total_kib')).toBe('Total Memory');
    expect(friendlyName('loadavg')).toBe('Control Domain Load');
    expect(friendlyName('pif_eth0_rx')).toBe('NIC 0 Receive');
    expect(friendlyName('pif_aggr_tx')).toBe('Total NIC Send');
  });

  it('names VIFs by network and disks by user device when it knows them', () => {
    const context = { vifNetwork: (d: string) => (d === '0' ? 'Pool-wide network' : undefined), vbdUserdevice: (d: string) => (d === 'xvda' ? '0' : undefined) };
    expect(friendlyName('vif_0_tx', context)).toBe('Pool-wide network Send');
    expect(friendlyName('vif_1_rx', context)).toBe('Network 1 Receive');
    expect(friendlyName('vbd_xvda_read', context)).toBe('Disk 0 Read');
    expect(friendlyName('vbd_xvdb_iops_total')).toBe('Disk xvdb Total IOPS');
    expect(friendlyName('something_new')).toBe('something_new');
  });
});

describe('categoryOf and valueKindOf', () => {
  it('groups as XenCenter does and scales each kind', () => {
    expect(['cpu0', 'vif_0_tx', 'vbd_xvda_read_latency', 'loadavg', 'memory_target', 'running_domains'].map(categoryOf)).toEqual([
      'CPU',
      'Network',
      'Disk',
      'Load Average',
      'Memory',
      'Custom',
    ]);
    expect(['cpu0', 'memory', 'pif_eth0_rx', 'vbd_xvda_write_latency', 'vbd_xvda_iops_read', 'loadavg'].map(valueKindOf)).toEqual([
      'percent',
      'bytes',
      'bytes-per-second',
      'microseconds',
      'per-second',
      'number',
    ]);
  });
});

describe('formatValue', () => {
  it('writes each kind with its unit', () => {
    expect(formatValue('percent', 0.256)).toBe('26%');
    expect(formatValue('percent', 0.0123)).toBe('1.2%');
    expect(formatValue('bytes', 2 * 2 ** 30)).toBe('2 GB');
    expect(formatValue('bytes-per-second', 1536)).toBe('1.5 KB/s');
    expect(formatValue('microseconds', 2500)).toBe('2.5 ms');
    expect(formatValue('per-second', 120)).toBe('120/s');
    expect(formatValue('number', Number.NaN)).toBe('no data');
  });
});
