// The Finish page's summary, in XenCenter's words (each page's PageSummary).
import { formatBytes } from '../../format/bytes';
import { memorySettings, parseCount, topologyText } from './cpu-mem-rules';
import type { WizardFacts, WizardState } from './wizard-state';

export function summaryRows(s: WizardState, facts: WizardFacts): [string, string][] {
  const t = facts.template;
  if (t === undefined) return [];
  const rows: [string, string][] = [['Template', t.name], ['Name', s.name.trim()]];
  if (s.install.method === 'cd') {
    rows.push(['Install Method', 'CD'], ['Installation Source', facts.isos.find((i) => i.ref === s.install.iso)?.name ?? 'none']);
  } else if (s.install.method === 'url') {
    rows.push(['Install Method', 'Network'], ['Installation URL', s.install.url.trim()]);
  } else if (s.install.method === 'pxe') {
    rows.push(['Install Method', 'PXE']);
  }
  rows.push(['Home Server', s.home.mode === 'server' ? (facts.hosts.find((h) => h.ref === s.home.host)?.name ?? 'none') : 'none']);
  const vcpus = parseCount(s.vcpus) ?? 0;
  if (t.windows) rows.push(['vCPUs', String(vcpus)]);
  else rows.push(['Maximum number of vCPUs', String(vcpus)], ['Initial number of vCPUs', s.initialVcpus]);
  rows.push(['Topology', topologyText(Math.floor(vcpus / s.coresPerSocket), s.coresPerSocket)]);
  const memory = memorySettings(s, t);
  if (memory !== undefined) {
    if (t.ballooning) rows.push(['Minimum memory', formatBytes(memory.dynamicMin)], ['Maximum memory', formatBytes(memory.dynamicMax)]);
    else rows.push(['Memory', formatBytes(memory.staticMax)]);
  }
  if (s.diskless) rows.push(['Disks', 'none (boots from the network)']);
  for (const d of s.diskless ? [] : s.disks) rows.push([`Disk '${d.name}'`, `${formatBytes(d.size)} on ${facts.srs.find((x) => x.ref === d.sr)?.name ?? '?'}`]);
  s.vifs.forEach((v, i) => rows.push([`Network Interface ${String(i)}`, facts.networks.find((n) => n.ref === v.network)?.name ?? '?']));
  return rows;
}
