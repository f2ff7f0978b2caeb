import { describe, expect, it } from 'vitest';
import { parseRrdUpdates } from '../../../xapi/rrd-updates-client';
import { cacheWith } from '../tab-fixture';
import { cpuReadings, NO_READINGS, poolOverview, samePoolFacts, selectPoolFacts, type PoolFacts } from './pool-overview-model';

const GiB = 1024 ** 3;
const NULL = 'OpaqueRef:NULL';
const host = (name: string, cpus: number, metrics: string) => ({ name_label: name, metrics, host_CPUs: Array.from({ length: cpus }, (_, i) => `cpu-${name}-${String(i)}`) });
const hostMetrics = (live: boolean, totalGiB: number, freeGiB: number) => ({ live, memory_total: totalGiB * GiB, memory_free: freeGiB * GiB });
const vm = (name: string, power: string, on: string, vcpus: number, extra: Record<string, unknown> = {}) => ({
  name_label: name,
  power_state: power,
  resident_on: on,
  VCPUs_at_startup: vcpus,
  metrics: NULL,
  is_a_template: false,
  is_a_snapshot: false,
  is_control_domain: false,
  ...extra,
});

function pool() {
  return cacheWith([
    ['host', 'h2', host('xenserver-02', 8, 'hm2')],
    ['host', 'h1', host('xenserver-01', 16, 'hm1')],
    ['host', 'h3', host('xenserver-03', 8, 'hm3')],
    ['host_metrics', 'hm1', hostMetrics(true, 128, 96)],
    ['host_metrics', 'hm2', hostMetrics(true, 64, 16)],
    ['host_metrics', 'hm3', hostMetrics(false, 64, 64)],
    ['VM', 'web', vm('web-01', 'Running', 'h1', 2)],
    ['VM', 'db', vm('db-01', 'Running', 'h1', 4)],
    ['VM', 'build', vm('build-01', 'Paused', 'h2', 8)],
    ['VM', 'off', vm('off-01', 'Halted', NULL, 2)],
    ['VM', 'tpl', vm('Debian', 'Halted', NULL, 1, { is_a_template: true })],
    ['VM', 'dom0', vm('Control domain', 'Running', 'h1', 16, { is_control_domain: true })],
  ]);
}

// What the pool would answer: newest row last here (the parser sorts them oldest first anyway).
const readings = (rows: [number, (number | string)[]][], legend: string[]) =>
  cpuReadings(parseRrdUpdates(JSON.stringify({ meta: { start: '0', end: '10', step: '5', legend }, data: rows.map(([t, v]) => ({ t: String(t), values: v.map(String) })) })));

describe('pool overview', () => {
  it('lists servers by name and running or paused guests (not templates, dom0 or halted VMs)', () => {
    const facts = selectPoolFacts(pool());
    expect(facts.hosts.map((h) => h.name)).toEqual(['xenserver-01', 'xenserver-02', 'xenserver-03']);
    expect(facts.vms.map((v) => v.name).sort()).toEqual(['build-01', 'db-01', 'web-01']);
    expect(samePoolFacts(facts, selectPoolFacts(pool()))).toBe(true);
  });

  it('takes the newest known cpu_avg of each host and cpu_usage of each VM', () => {
    const r = readings(
      [
        [10, ['0.5', 'NaN', '0.9']],
        [5, ['0.4', '0.2', '0.1']],
      ],
      ['AVERAGE:host:uuid-h1:cpu_avg', 'AVERAGE:vm:uuid-web:cpu_usage', 'AVERAGE:vm:uuid-web:cpu0'],
    );
    expect(r.hosts.get('uuid-h1')).toBe(0.5);
    expect(r.vms.get('uuid-web')).toBe(0.2); // the newest row has no value: the one before counts
    expect(r.vms.size).toBe(1);
  });

  it('computes consolidation: VMs per live server, vCPUs per physical CPU, weighted CPU, memory of live servers', () => {
    const cpu = {
      hosts: new Map([
        ['uuid-h1', 0.25],
        ['uuid-h2', 1],
      ]),
      vms: new Map([
        ['uuid-web', 0.5],
        ['uuid-db', 0.5],
        ['uuid-build', 0],
      ]),
    };
    const o = poolOverview(selectPoolFacts(pool()), cpu);
    expect(o.totals).toMatchObject({ servers: 3, liveServers: 2, runningVms: 3, vmsPerServer: 1.5, vcpus: 14, pcpus: 24, memoryUsed: 80 * GiB, memoryTotal: 192 * GiB });
    expect(o.totals.vcpusPerPcpu).toBeCloseTo(14 / 24);
    // (0.25 × 16 + 1 × 8) / 24
    expect(o.totals.cpu).toBeCloseTo(0.5);
    const [h1, h2, h3] = o.hosts;
    expect(h1).toMatchObject({ name: 'xenserver-01', cpu: 0.25, runningVms: 2, vcpus: 6, memoryUsed: 32 * GiB });
    expect(h2).toMatchObject({ runningVms: 1, vcpus: 8, memoryUsed: 48 * GiB });
    expect(h3).toMatchObject({ live: false, cpu: undefined, runningVms: 0 });
  });

  it('ranks VMs by the host CPU they keep busy (use × vCPUs), at most five', () => {
    const vms = new Map([
      ['uuid-web', 0.9], // 1.8 vCPUs
      ['uuid-db', 0.5], // 2 vCPUs
      ['uuid-build', 0.1], // 0.8
    ]);
    const o = poolOverview(selectPoolFacts(pool()), { hosts: new Map(), vms });
    expect(o.topVms.map((v) => [v.name, v.hostName])).toEqual([
      ['db-01', 'xenserver-01'],
      ['web-01', 'xenserver-01'],
      ['build-01', 'xenserver-02'],
    ]);
    expect(o.topVms[0]!.busyVcpus).toBeCloseTo(2);
    expect(poolOverview(selectPoolFacts(pool()), { hosts: new Map(), vms }, 2).topVms).toHaveLength(2);
  });

  it('has no CPU figures and no top VMs before anything is archived, and no ratios without a live server', () => {
    const o = poolOverview(selectPoolFacts(pool()), NO_READINGS);
    expect(o.topVms).toEqual([]);
    expect(o.totals.cpu).toBeUndefined();
    const none: PoolFacts = { hosts: [], vms: [] };
    expect(poolOverview(none, NO_READINGS).totals).toMatchObject({ vmsPerServer: undefined, vcpusPerPcpu: undefined, cpu: undefined });
  });
});
