// What the Performance tab needs to know about its object from the object
// cache: the RRD it reads (host or VM, by uuid), the facts its default
// graphs are built from, the names of its NICs and disks for the legend,
// and its pool's gui_config (where edited layouts live).
import type { ObjectCache } from '../../cache/object-cache';
import { naturalCompare } from '../../format/natural-compare';
import type { NameContext } from './data-source-words';
import type { DefaultGraphFacts } from './graph-layout';
import type { RrdObjectKind } from './rrd-series';

export interface PerformanceTarget {
  readonly kind: RrdObjectKind;
  readonly ref: string;
  readonly uuid: string;
  readonly name: string;
  /** A VM that is running or paused, or a live host: it has an RRD to read. */
  readonly live: boolean;
  readonly facts: DefaultGraphFacts;
  /** VM: VIF device → network name, VBD device → user device (for the legend). */
  readonly vifNetworks: Readonly<Record<string, string>>;
  readonly vbdUserdevices: Readonly<Record<string, string>>;
  readonly poolRef: string | undefined;
  readonly guiConfig: Readonly<Record<string, string>>;
}

export function performanceTarget(cache: ObjectCache, ref: string): PerformanceTarget | undefined {
  const [poolRef, pool] = [...cache.all('pool').entries()][0] ?? [];
  const guiConfig = pool?.gui_config ?? {};
  const host = cache.get('host', ref);
  if (host !== undefined) {
    const nics = host.PIFs.map((p) => cache.get('PIF', p))
      .filter((p) => p !== undefined && p.physical)
      .map((p) => p!.device)
      .sort(naturalCompare);
    const metrics = cache.get('host_metrics', host.metrics);
    return {
      kind: 'host',
      ref,
      uuid: host.uuid,
      name: host.name_label,
      live: metrics?.live ?? false,
      facts: { cpus: host.host_CPUs.length, nics, disks: [] },
      vifNetworks: {},
      vbdUserdevices: {},
      poolRef,
      guiConfig,
    };
  }
  const vm = cache.get('VM', ref);
  if (vm === undefined || vm.is_a_template || vm.is_a_snapshot) return undefined;
  const vifs = vm.VIFs.map((v) => cache.get('VIF', v)).filter((v) => v !== undefined);
  const vbds = vm.VBDs.map((v) => cache.get('VBD', v)).filter((v) => v !== undefined);
  return {
    kind: 'vm',
    ref,
    uuid: vm.uuid,
    name: vm.name_label,
    live: vm.power_state === 'Running' || vm.power_state === 'Paused',
    facts: {
      cpus: vm.VCPUs_max,
      nics: vifs.map((v) => v.device).sort(naturalCompare),
      // Only disks: a CD drive has no throughput to show; a VBD with no device yet has no data source.
      disks: vbds
        .filter((v) => v.type === 'Disk' && v.device !== '')
        .map((v) => v.device)
        .sort(naturalCompare),
    },
    vifNetworks: Object.fromEntries(vifs.map((v) => [v.device, cache.get('network', v.network)?.name_label ?? ''])),
    vbdUserdevices: Object.fromEntries(vbds.map((v) => [v.device, v.userdevice])),
    poolRef,
    guiConfig,
  };
}

/** Targets are plain data: equal when they print the same. */
export function sameTarget(a: PerformanceTarget | undefined, b: PerformanceTarget | undefined): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function namesOf(target: PerformanceTarget): NameContext {
  return {
    vifNetwork: (d) => target.vifNetworks[d] || undefined,
    vbdUserdevice: (d) => target.vbdUserdevices[d] || undefined,
  };
}
