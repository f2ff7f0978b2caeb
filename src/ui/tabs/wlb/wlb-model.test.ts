// The WLB tab's pure model against hand-made XenAPI-shaped inputs: the
// configuration map of pool.retrieve_wlb_configuration, the answer of
// pool.retrieve_wlb_recommendations, and an rrd_updates export.
import { describe, expect, it } from 'vitest';
import type { RrdUpdatesData } from '../../../xapi/rrd-updates-client';
import { PlainCache } from '../../actions/testing/plain-cache';
import { worstLevel } from './wlb-host-loads';
import {
  formatThreshold,
  hostLoads,
  levelValue,
  parseRecommendations,
  reasonWords,
  settingsFromMap,
  settingsToMap,
  thresholdError,
  WLB_LEVELS,
} from './wlb-model';

function pool() {
  const cache = new PlainCache();
  const xs1 = cache.add('host', { name_label: 'xenserver-01', uuid: 'uuid-h1' }, 'OpaqueRef:h1');
  const xs2 = cache.add('host', { name_label: 'xenserver-02', uuid: 'uuid-h2' }, 'OpaqueRef:h2');
  const xs10 = cache.add('host', { name_label: 'xenserver-10', uuid: 'uuid-h10' }, 'OpaqueRef:h10');
  const web = cache.add('VM', { name_label: 'web-01', resident_on: xs1, power_state: 'Running' }, 'OpaqueRef:web');
  const app = cache.add('VM', { name_label: 'app-01', resident_on: xs1, power_state: 'Running' }, 'OpaqueRef:app');
  return { cache, xs1, xs2, xs10, web, app };
}

describe('WLB settings map', () => {
  it('reads XenCenter keys: mode 1 is Maximize Density, thresholds per metric, defaults where missing or bad', () => {
    const s = settingsFromMap({ OptimizationMode: '1', AutoBalanceEnabled: 'true', HostCpuThresholdCritical: '80', HostPifWriteThresholdCritical: 'x', HostMemoryThresholdCritical: '-5' });
    expect(s.mode).toBe('density');
    expect(s.autoBalance).toBe(true);
    expect(s.critical.cpu).toBe(80);
    expect(s.critical.netWrite).toBe(26);
    expect(s.critical.memory).toBe(51);
    expect(settingsFromMap({}).mode).toBe('performance');
    expect(settingsFromMap({}).autoBalance).toBe(false);
  });

  it('writes back what it read (round trip) with the Critical keys only', () => {
    const s = settingsFromMap({ OptimizationMode: '0', AutoBalanceEnabled: 'false', HostCpuThresholdCritical: '95', HostPbdReadThresholdCritical: '40' });
    const map = settingsToMap(s);
    expect(map['OptimizationMode']).toBe('0');
    expect(map['HostCpuThresholdCritical']).toBe('95');
    expect(map['HostPbdReadThresholdCritical']).toBe('40');
    expect(Object.keys(map).some((k) => k.endsWith('High'))).toBe(false);
    expect(settingsFromMap(map)).toEqual(s);
  });
});

describe('WLB levels and thresholds', () => {
  it('derives High/Medium/Low from Critical: usage metrics shrink, free memory grows', () => {
    expect(WLB_LEVELS.map((l) => levelValue('cpu', 90, l))).toEqual([90, 76.5, 45, 13.5]);
    expect(WLB_LEVELS.map((l) => levelValue('memory', 51, l))).toEqual([51, 63.75, 510, 1020]);
  });

  it('formats CPU to a tenth and the rest to a hundredth, with the unit', () => {
    expect(formatThreshold('cpu', 76.54)).toBe('76.5 %');
    expect(formatThreshold('netWrite', 22.1234)).toBe('22.12 MB/s');
    expect(formatThreshold('memory', 63.75)).toBe('63.75 MB');
  });

  it('says what is wrong with a threshold field', () => {
    expect(thresholdError('cpu', '85')).toBeUndefined();
    expect(thresholdError('cpu', '')).toBe('Enter the cpu utilization threshold as a number of %.');
    expect(thresholdError('netRead', '0')).toBe('The network read threshold must be above 0 MB/s.');
    expect(thresholdError('cpu', '101')).toBe('The cpu utilization threshold can be at most 100 %.');
  });
});

describe('parseRecommendations', () => {
  it('turns pool.retrieve_wlb_recommendations into rows in WLB order with the reason in words', () => {
    const { cache, web, app, xs1, xs2, xs10 } = pool();
    const rows = parseRecommendations(
      {
        [app]: ['WLB', 'uuid-h10', '7', '2', 'CPU', 'xenserver-01 CPU 93 % ≥ 90 % (Critical)'],
        [web]: ['WLB', 'uuid-h2', '7', '1', 'NetworkWrite', 'xenserver-01 network write 31.0 MB/s ≥ 26.0 MB/s (Critical)'],
      },
      cache,
    );
    expect(rows.map((r) => [r.vmName, r.fromName, r.toName, r.order])).toEqual([
      ['web-01', 'xenserver-01', 'xenserver-02', 1],
      ['app-01', 'xenserver-01', 'xenserver-10', 2],
    ]);
    expect(rows[0]).toMatchObject({ vm: web, from: xs1, to: xs2, reason: 'NetworkWrite', detail: 'xenserver-01 network write 31.0 MB/s ≥ 26.0 MB/s (Critical)' });
    expect(rows[1]?.to).toBe(xs10);
    expect(reasonWords(rows[0]?.reason ?? '')).toBe('Network write');
    expect(reasonWords('CPU')).toBe('CPU');
    expect(reasonWords('Unknown')).toBe('Unknown');
  });

  it('skips entries that are not WLB moves, or name a VM or host the console does not know', () => {
    const { cache, web, app } = pool();
    const rows = parseRecommendations(
      {
        [web]: ['Other', 'uuid-h2', '1', '1', 'CPU', ''],
        [app]: ['WLB', 'uuid-nowhere', '1', '2', 'CPU', ''],
        'OpaqueRef:gone': ['WLB', 'uuid-h2', '1', '3', 'CPU', ''],
      },
      cache,
    );
    expect(rows).toEqual([]);
  });
});

describe('hostLoads', () => {
  const data: RrdUpdatesData = {
    start: 0,
    end: 15,
    step: 5,
    legend: ['AVERAGE:host:uuid-h1:cpu_avg', 'AVERAGE:host:uuid-h1:memory_free_kib', 'AVERAGE:host:uuid-h1:pif_aggr_tx', 'AVERAGE:host:uuid-h2:cpu_avg', 'AVERAGE:vm:uuid-h2:cpu_avg'],
    columns: [
      { cf: 'AVERAGE', kind: 'host', uuid: 'uuid-h1', name: 'cpu_avg' },
      { cf: 'AVERAGE', kind: 'host', uuid: 'uuid-h1', name: 'memory_free_kib' },
      { cf: 'AVERAGE', kind: 'host', uuid: 'uuid-h1', name: 'pif_aggr_tx' },
      { cf: 'AVERAGE', kind: 'host', uuid: 'uuid-h2', name: 'cpu_avg' },
      // A VM column with a host's uuid must not be read as the host's.
      { cf: 'AVERAGE', kind: 'vm', uuid: 'uuid-h2', name: 'cpu_avg' },
    ],
    rows: [
      { t: 5, values: [0.9, 1024, 30e6, 0.1, 0.99] },
      { t: 10, values: [0.96, 2048, NaN, 0.2, 0.99] },
      { t: 15, values: [0.93, 3072, 32e6, NaN, 0.99] },
    ],
  };

  it('averages each server over the rows, skipping unknown values, memory in bytes, sorted by name with numbers', () => {
    const { cache } = pool();
    const loads = hostLoads(data, cache);
    expect(loads.map((l) => l.name)).toEqual(['xenserver-01', 'xenserver-02', 'xenserver-10']);
    const [xs1, xs2, xs10] = loads;
    expect(xs1?.cpu).toBeCloseTo(0.93);
    expect(xs1?.memoryFree).toBe(2048 * 1024);
    expect(xs1?.netWrite).toBe(31e6);
    expect(xs1?.netRead).toBeUndefined();
    expect(xs2?.cpu).toBeCloseTo(0.15);
    expect(xs10).toMatchObject({ cpu: undefined, memoryFree: undefined });
  });

  it('has no figures before the RRDs answer', () => {
    const { cache } = pool();
    expect(hostLoads(undefined, cache).every((l) => l.cpu === undefined && l.netWrite === undefined)).toBe(true);
  });
});

describe('worstLevel (the Server load table’s "Threshold reached")', () => {
  const settings = settingsFromMap({});
  const MB = 1024 * 1024;
  const row = (over: Partial<Parameters<typeof worstLevel>[1]>) => ({ ref: 'h', name: 'h', cpu: undefined, memoryFree: undefined, netRead: undefined, netWrite: undefined, ...over });

  it('is the highest level any metric reaches: usage at or above, free memory at or below', () => {
    expect(worstLevel(settings, row({ cpu: 0.93 }))).toBe('Critical');
    expect(worstLevel(settings, row({ cpu: 0.8 }))).toBe('High');
    expect(worstLevel(settings, row({ cpu: 0.2, netWrite: 23 * MB }))).toBe('High');
    expect(worstLevel(settings, row({ memoryFree: 50 * MB }))).toBe('Critical');
    expect(worstLevel(settings, row({ cpu: 0.1, memoryFree: 100 * 1024 * MB }))).toBeUndefined();
    expect(worstLevel(settings, row({}))).toBeUndefined();
  });
});
