// Which graphs an object's Performance tab shows. Until someone edits them,
// XenCenter's defaults (GraphList.LoadDefaultGraphs): host — CPU (a line per
// physical CPU), Memory, Network (per PIF), Control Domain Load (dom0's
// loadavg); VM — CPU (a line per vCPU),
// Memory, Network (per VIF), Disk (per VBD). An edited layout is kept where
// XenCenter keeps it, in the pool's gui_config, so every console of the pool
// sees it (Palette.GetLayoutKey, SaveDataSourceStateAction):
//   XenCenter.GraphLayout.<i>.<host|vm>.<uuid> = "cpu0,cpu1"
//   XenCenter.GraphName.<i>.<host|vm>.<uuid>   = "CPU Performance"
// for i = 0, 1, … without gaps; saving rewrites the object's keys with
// pool.set_gui_config and leaves every other key as it was.
import type { RrdObjectKind } from './rrd-series';

export interface DesignedGraph {
  readonly name: string;
  /** Data-source names, in the order the legend lists them. */
  readonly sources: readonly string[];
}

export const DEFAULT_GRAPH_NAMES = {
  cpu: 'CPU Performance',
  memory: 'Memory Performance',
  network: 'Network Performance',
  disk: 'Disk Performance',
  dom0: 'Control Domain Load',
} as const;

/** What the default graphs need to know about the object. */
export interface DefaultGraphFacts {
  /** Host: physical CPU numbers; VM: vCPUs (0 … VCPUs_max − 1). */
  readonly cpus: number;
  /** Host: PIF devices (eth0); VM: VIF devices (0). */
  readonly nics: readonly string[];
  /** VM: VBD devices of its disks (xvda). */
  readonly disks: readonly string[];
}

export function defaultGraphs(kind: RrdObjectKind, facts: DefaultGraphFacts): DesignedGraph[] {
  const cpus = Array.from({ length: facts.cpus }, (_, i) => `cpu${String(i)}`);
  if (kind === 'host') {
    return [
      { name: DEFAULT_GRAPH_NAMES.cpu, sources: cpus },
      { name: DEFAULT_GRAPH_NAMES.memory, sources: ['memory_total_kib', 'memory_free_kib'] },
      { name: DEFAULT_GRAPH_NAMES.network, sources: facts.nics.flatMap((d) => [`pif_${d}_tx`, `pif_${d}_rx`]) },
      { name: DEFAULT_GRAPH_NAMES.dom0, sources: ['loadavg'] },
    ];
  }
  return [
    { name: DEFAULT_GRAPH_NAMES.cpu, sources: cpus },
    { name: DEFAULT_GRAPH_NAMES.memory, sources: ['memory', 'memory_internal_free'] },
    { name: DEFAULT_GRAPH_NAMES.network, sources: facts.nics.flatMap((d) => [`vif_${d}_tx`, `vif_${d}_rx`]) },
    { name: DEFAULT_GRAPH_NAMES.disk, sources: facts.disks.flatMap((d) => [`vbd_${d}_read`, `vbd_${d}_write`]) },
  ];
}

const layoutKey = (i: number, kind: RrdObjectKind, uuid: string) => `XenCenter.GraphLayout.${String(i)}.${kind}.${uuid}`;
const nameKey = (i: number, kind: RrdObjectKind, uuid: string) => `XenCenter.GraphName.${String(i)}.${kind}.${uuid}`;
const OWN_KEY = /^XenCenter\.(GraphLayout|GraphName)\.[0-9]+\.(host|vm)\.(.+)$/;

/** The saved layout of an object, or undefined when it shows the defaults. */
export function savedGraphs(guiConfig: Readonly<Record<string, string>>, kind: RrdObjectKind, uuid: string): DesignedGraph[] | undefined {
  const graphs: DesignedGraph[] = [];
  for (let i = 0; ; i++) {
    const layout = guiConfig[layoutKey(i, kind, uuid)];
    if (layout === undefined) break;
    const sources = layout.split(',').filter((s) => s !== '');
    graphs.push({ name: guiConfig[nameKey(i, kind, uuid)] ?? '', sources });
  }
  return graphs.length === 0 ? undefined : graphs;
}

/** gui_config with the object's layout replaced by `graphs` (undefined or []: back to the defaults). */
export function withGraphs(
  guiConfig: Readonly<Record<string, string>>,
  kind: RrdObjectKind,
  uuid: string,
  graphs: readonly DesignedGraph[] | undefined,
): Record<string, string> {
  const next: Record<string, string> = {};
  for (const [key, value] of Object.entries(guiConfig)) {
    const own = OWN_KEY.exec(key);
    if (own !== null && own[2] === kind && own[3] === uuid) continue;
    next[key] = value;
  }
  (graphs ?? []).forEach((g, i) => {
    next[layoutKey(i, kind, uuid)] = g.sources.join(',');
    if (g.name !== '') next[nameKey(i, kind, uuid)] = g.name;
  });
  return next;
}

/** Swap graph `index` with its neighbour (`by` = −1: up, +1: down). */
export function moveGraph(graphs: readonly DesignedGraph[], index: number, by: -1 | 1): DesignedGraph[] {
  const other = index + by;
  const next = [...graphs];
  if (index < 0 || other < 0 || index >= next.length || other >= next.length) return next;
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}
