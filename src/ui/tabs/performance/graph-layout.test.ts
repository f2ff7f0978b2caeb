import { describe, expect, it } from 'vitest';
import { defaultGraphs, moveGraph, savedGraphs, withGraphs } from './graph-layout';

const UUID = 'a1b2';

describe('defaultGraphs', () => {
  it('gives a VM XenCenter\'s four graphs', () => {
    const graphs = defaultGraphs('vm', { cpus: 2, nics: ['0'], disks: ['xvda'] });
    expect(graphs).toEqual([
      { name: 'CPU Performance', sources: ['cpu0', 'cpu1'] },
      { name: 'Memory Performance', sources: ['memory', 'memory_internal_free'] },
      { name: 'Network Performance', sources: ['vif_0_tx', 'vif_0_rx'] },
      { name: 'Disk Performance', sources: ['vbd_xvda_read', 'vbd_xvda_write'] },
    ]);
  });

  it('gives a host CPU, memory, network and the control domain\'s load', () => {
    expect(defaultGraphs('host', { cpus: 1, nics: ['eth0', 'eth1'], disks: [] }).map((g) => g.sources)).toEqual([
      ['cpu0'],
      ['memory_total_kib', 'memory_free_kib'],
      ['pif_eth0_tx', 'pif_eth0_rx', 'pif_eth1_tx', 'pif_eth1_rx'],
      ['loadavg'],
    ]);
  });
});

describe('gui_config layout', () => {
  const graphs = [
    { name: 'CPU', sources: ['cpu0', 'cpu1'] },
    { name: '', sources: ['loadavg'] },
  ];

  it('writes XenCenter\'s keys and reads them back', () => {
    const config = withGraphs({ other: 'kept' }, 'vm', UUID, graphs);
    expect(config).toEqual({
      other: 'kept',
      [`XenCenter.GraphLayout.0.vm.${UUID}`]: 'cpu0,cpu1',
      [`XenCenter.GraphName.0.vm.${UUID}`]: 'CPU',
      [`XenCenter.GraphLayout.1.vm.${UUID}`]: 'loadavg',
    });
    expect(savedGraphs(config, 'vm', UUID)).toEqual(graphs);
    expect(savedGraphs(config, 'host', UUID)).toBeUndefined();
  });

  it('replaces only this object\'s keys; no graphs means the defaults again', () => {
    const config = withGraphs(withGraphs({}, 'vm', 'other', graphs), 'vm', UUID, graphs);
    const back = withGraphs(config, 'vm', UUID, undefined);
    expect(savedGraphs(back, 'vm', UUID)).toBeUndefined();
    expect(savedGraphs(back, 'vm', 'other')).toEqual(graphs);
    // a shorter layout leaves no stale graph behind
    expect(savedGraphs(withGraphs(config, 'vm', UUID, [graphs[1]!]), 'vm', UUID)).toEqual([graphs[1]]);
  });
});

describe('moveGraph', () => {
  it('swaps with a neighbour and ignores moves off either end', () => {
    const g = ['a', 'b', 'c'].map((name) => ({ name, sources: [] }));
    expect(moveGraph(g, 1, -1).map((x) => x.name)).toEqual(['b', 'a', 'c']);
    expect(moveGraph(g, 1, 1).map((x) => x.name)).toEqual(['a', 'c', 'b']);
    expect(moveGraph(g, 0, -1).map((x) => x.name)).toEqual(['a', 'b', 'c']);
  });
});
