import { describe, expect, it } from 'vitest';
import { srBandwidth } from '../../storage/vdi-space';
import { linkPayloadBps, linkShare, queueLatency, shareFactor, srCapacity, srUtilisation, LATENCY_CAP_FACTOR } from './io';

describe('storage and network sharing', () => {
  it("takes an SR type's bandwidth from srBandwidth", () => {
    for (const type of ['lvm', 'ext', 'nfs', 'lvmoiscsi', 'lvmohba', 'iso']) expect(srCapacity(type).bandwidth).toBe(srBandwidth(type));
    expect(srCapacity('nfs').network).toBe(true);
    expect(srCapacity('lvm').network).toBe(false);
  });

  it('counts operations and bytes against the device', () => {
    const nfs = srCapacity('nfs');
    expect(srUtilisation(nfs, 0, nfs.bandwidth / 2)).toBeCloseTo(0.5);
    expect(srUtilisation(nfs, nfs.iops / 4, nfs.bandwidth / 4)).toBeCloseTo(0.5);
  });

  it('shares an oversubscribed SR in proportion to demand', () => {
    const nfs = srCapacity('nfs');
    // Three guests want 60, 60 and 30 MB/s of a 110 MB/s SR.
    const demands = [60e6, 60e6, 30e6];
    const rho = srUtilisation(nfs, 0, demands.reduce((a, b) => a + b, 0));
    const got = demands.map((d) => d * shareFactor(rho));
    expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(nfs.bandwidth, -3);
    expect(got[0]! / got[2]!).toBeCloseTo(2);
    expect(shareFactor(0.7)).toBe(1);
  });

  it('latency rises with load like an M/M/1 queue, and is capped', () => {
    const lvm = srCapacity('lvm');
    const idle = queueLatency(lvm, 0, 4096);
    expect(queueLatency(lvm, 0.5, 4096)).toBeCloseTo(idle * 2);
    expect(queueLatency(lvm, 0.9, 4096)).toBeCloseTo(idle * 10);
    expect(queueLatency(lvm, 5, 4096)).toBeCloseTo(idle * LATENCY_CAP_FACTOR);
    // Bigger operations take longer.
    expect(queueLatency(lvm, 0, 1 << 20)).toBeGreaterThan(idle);
  });

  it("carries a link's TCP payload: about 117.7 MB/s on 1 GbE", () => {
    expect(linkPayloadBps(1000) / 1e6).toBeCloseTo(117.7, 1);
    expect(linkPayloadBps(10000)).toBeCloseTo(10 * linkPayloadBps(1000));
  });

  it('shares a link in proportion to demand after reserved traffic', () => {
    const f = linkShare(120e6, 100e6, 10e6);
    expect(80e6 * f + 40e6 * f).toBeCloseTo(90e6);
    expect(linkShare(1e6, 100e6)).toBe(1);
    expect(linkShare(1e6, 100e6, 100e6)).toBe(0);
  });
});
