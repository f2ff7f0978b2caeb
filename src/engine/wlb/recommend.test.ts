import { describe, expect, it } from 'vitest';
import { optimizePool, rateHosts, type HostLoad, type VmLoad } from './recommend';
import { configToMap, DEFAULT_CONFIG, levelOf, parseConfig, threshold } from './wlb-config';

const GiB = 1024 ** 3;
const host = (id: string, cpu: number, freeGiB = 32): HostLoad => ({ id, name: id, cpus: 16, cpu, memoryFree: freeGiB * GiB, netRead: 0, netWrite: 0, diskRead: 0, diskWrite: 0 });
const vm = (id: string, on: string, cpuCores: number, movable = true): VmLoad => ({ id, name: id, host: on, cpuCores, memory: 4 * GiB, netRead: 0, netWrite: 0, diskRead: 0, diskWrite: 0, movable });

describe('WLB configuration', () => {
  it('derives the levels from the critical thresholds with WLB factors', () => {
    expect(threshold(DEFAULT_CONFIG, 'cpu', 'high')).toBeCloseTo(0.765);
    expect(threshold(DEFAULT_CONFIG, 'cpu', 'medium')).toBeCloseTo(0.45);
    expect(threshold(DEFAULT_CONFIG, 'memory', 'high') / 1024 ** 2).toBeCloseTo(63.75);
    expect(levelOf(DEFAULT_CONFIG, 'cpu', 0.93)).toBe('critical');
    expect(levelOf(DEFAULT_CONFIG, 'cpu', 0.8)).toBe('high');
    expect(levelOf(DEFAULT_CONFIG, 'cpu', 0.1)).toBeUndefined();
    expect(levelOf(DEFAULT_CONFIG, 'memory', 40 * 1024 ** 2)).toBe('critical');
  });

  it('reads and writes XenCenter keys, and names a bad one', () => {
    const parsed = parseConfig({ OptimizationMode: '1', HostCpuThresholdCritical: '80' });
    expect('config' in parsed && parsed.config.mode).toBe('density');
    expect('config' in parsed && parsed.config.critical.cpu).toBeCloseTo(0.8);
    expect(parseConfig({ HostCpuThresholdCritical: '120' })).toEqual({ bad: 'HostCpuThresholdCritical' });
    expect(configToMap(DEFAULT_CONFIG)['HostCpuThresholdHigh']).toBe('77');
  });
});

describe('pool optimization (hand-worked)', () => {
  it('moves the biggest CPU user off a host above High to the least loaded host', () => {
    // h1 at 93 % of 16 CPUs (14.9 cores): its VMs use 8, 4 and 2 cores. h2 at 20 %, h3 at 40 %.
    const recs = optimizePool(DEFAULT_CONFIG, [host('h1', 0.93), host('h2', 0.2), host('h3', 0.4)], [vm('big', 'h1', 8), vm('mid', 'h1', 4), vm('small', 'h1', 2)]);
    // Moving 8 cores: h1 → 0.43; h2 → 0.7 (< 0.765 High): one move suffices.
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ vm: 'big', from: 'h1', to: 'h2', metric: 'cpu' });
    expect(recs[0]?.detail).toBe('h1 CPU 93 % ≥ 90 % (Critical)');
  });

  it('leaves immovable VMs, and recommends nothing for a balanced pool', () => {
    expect(optimizePool(DEFAULT_CONFIG, [host('h1', 0.95), host('h2', 0.1)], [vm('pinned', 'h1', 12, false)])).toEqual([]);
    expect(optimizePool(DEFAULT_CONFIG, [host('h1', 0.5), host('h2', 0.4)], [vm('a', 'h1', 4)])).toEqual([]);
  });

  it('density mode acts only at Critical and packs onto the busiest host that still fits', () => {
    const density = { ...DEFAULT_CONFIG, mode: 'density' as const };
    expect(optimizePool(density, [host('h1', 0.85), host('h2', 0.1)], [vm('a', 'h1', 4)])).toEqual([]);
    const recs = optimizePool(density, [host('h1', 0.95), host('h2', 0.1), host('h3', 0.6)], [vm('a', 'h1', 2)]);
    expect(recs[0]).toMatchObject({ vm: 'a', to: 'h3' });
  });

  it('rates hosts by the headroom left after placing the VM', () => {
    const ratings = rateHosts(DEFAULT_CONFIG, [host('h1', 0.7), host('h2', 0.1)], vm('new', '', 2));
    expect(ratings.get('h2')).toBeGreaterThan(ratings.get('h1') ?? 0);
    expect(ratings.get('h1')).toBe(0); // 0.7 + 2/16 = 0.825 ≥ High
  });
});
