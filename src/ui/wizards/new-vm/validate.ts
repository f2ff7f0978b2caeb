// Every field of the wizard checked, with a message for the field: errors
// stop the page (Next and Finish stay disabled), warnings inform. The engine
// checks everything again; these checks are for the user, as they type.
import { formatBytes } from '../../format/bytes';
import { initialVcpuIssue, memoryMaxIssue, memoryMinIssue, memorySettings, parseCount, topologyIssue, vcpuIssue, type FieldIssue } from './cpu-mem-rules';
import { MAX_VIFS_AT_CREATION } from './page-defaults';
import type { HostFacts } from './pool-facts';
import { cannotFit, FULL_BELOW, sizesBySr, srUsable } from './storage-rules';
import { allowsUrlInstall } from './template-facts';
import type { Step, WizardFacts, WizardState } from './wizard-state';

export type Issues = Readonly<Record<string, FieldIssue>>;

const MAX_NAME = 255;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/** Why the install URL is not usable, or undefined. XenCenter's examples: http://server/path, ftp://…, nfs://…. */
export function urlError(url: string, methods: readonly string[]): string | undefined {
  const text = url.trim();
  const schemes: readonly string[] = methods.filter((m) => m === 'http' || m === 'ftp' || m === 'nfs');
  const examples = schemes.map((m) => `${m}://server/path`).join(', ');
  if (text === '') return `Enter the address of the installation repository, for example ${examples}.`;
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/\s]*)(\/\S*)?$/i.exec(text);
  if (m === null) return `That is not a URL; write it as ${examples}.`;
  const scheme = (m[1] ?? '').toLowerCase();
  const allowed = scheme === 'https' ? schemes.includes('http') : schemes.includes(scheme);
  if (!allowed) return `This template installs over ${schemes.join(', ')}; ${scheme}:// is not one of them.`;
  const host = m[2] ?? '';
  if (host === '' || !/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(host)) return 'Add the name or address of the server after //.';
  if ((m[3] ?? '/') === '/') return 'Add the path of the repository on the server (…/path).';
  return undefined;
}

export interface HostSuitability {
  /** Why the VM cannot be homed there at all (the row is disabled). */
  readonly blocked?: string;
  /** Why it could not start there now (shown, still selectable). */
  readonly warning?: string;
}

/** Whether a server can be the new VM's home (XenCenter shows free memory, and why a server will not do). */
export function hostSuitability(h: HostFacts, s: WizardState, facts: WizardFacts): HostSuitability {
  const t = facts.template;
  if (!h.live) return { blocked: 'This server cannot be contacted.' };
  if (!h.enabled) return { blocked: 'This server is in maintenance mode.' };
  if (t?.hvm === true && !h.hvm) return { blocked: 'This server cannot run HVM guests: its CPU lacks VT-x/AMD-V, or it is turned off in the BIOS.' };
  const iso = s.install.method === 'cd' ? facts.isos.find((i) => i.ref === s.install.iso) : undefined;
  if (iso?.host !== undefined && iso.host !== h.ref) return { blocked: `The installation media (${iso.name}) is only available on another server.` };
  if (t !== undefined && !t.isDefault) {
    const local = t.disks.map((d) => facts.srs.find((sr) => sr.ref === d.sr)).find((sr) => sr !== undefined && !sr.shared && !sr.hosts.includes(h.ref));
    if (local !== undefined) return { blocked: `The template's disks are on ${local.name}, which this server cannot see.` };
  }
  const warnings: string[] = [];
  const vcpus = parseCount(s.vcpus);
  if (vcpus !== undefined && h.cpus > 0 && vcpus > h.cpus) warnings.push(`Only ${String(h.cpus)} physical CPUs; the VM has ${String(vcpus)} vCPUs.`);
  const memory = t === undefined ? undefined : memorySettings(s, t);
  if (memory !== undefined && memory.dynamicMin > h.memoryFree) warnings.push(`Not enough free memory to start the VM now (it needs ${formatBytes(memory.dynamicMin)}).`);
  return warnings.length > 0 ? { warning: warnings.join(' ') } : {};
}

function homeIssue(s: WizardState, facts: WizardFacts): FieldIssue {
  if (s.home.mode === 'auto') {
    const shared = facts.srs.some((sr) => sr.shared && sr.canCreateDisks && sr.hosts.length > 0);
    if (!shared) return { error: 'A VM without a home server needs shared storage, and this pool has none. Choose a server.' };
    const iso = s.install.method === 'cd' ? facts.isos.find((i) => i.ref === s.install.iso) : undefined;
    if (iso?.host !== undefined) return { error: `The installation media (${iso.name}) is on one server only; make that server the home server.` };
    return {};
  }
  const host = facts.hosts.find((h) => h.ref === s.home.host);
  if (host === undefined) return { error: 'Choose a home server, or let the VM start on any server.' };
  const fit = hostSuitability(host, s, facts);
  if (fit.blocked !== undefined) return { error: `${host.name}: ${fit.blocked}` };
  return fit.warning === undefined ? {} : { warning: `${host.name}: ${fit.warning} The VM will start on another server if it can.` };
}

function storageIssues(s: WizardState, facts: WizardFacts, out: Record<string, FieldIssue>): void {
  if (s.diskless) {
    if (s.install.method !== 'pxe') out['disks'] = { error: 'Only a VM that boots from the network can be created without disks.' };
    return;
  }
  if (s.disks.length === 0 && s.install.method !== 'pxe') out['disks'] = { warning: 'The VM has no disk to install an operating system on.' };
  const bySr = sizesBySr(s.disks);
  for (const d of s.disks) {
    const key = `disk:${d.id}`;
    if (d.sr === '') {
      out[key] = { error: 'There is no suitable storage for this disk; choose an SR.' };
      continue;
    }
    const sr = facts.srs.find((x) => x.ref === d.sr);
    if (sr === undefined) {
      out[key] = { error: 'The SR chosen for this disk no longer exists.' };
      continue;
    }
    const usable = srUsable(sr, s.home);
    if (usable !== undefined) {
      out[key] = { error: usable };
      continue;
    }
    if (d.size < d.minSize) {
      out[key] = { error: `The disk must be at least ${formatBytes(d.minSize)}.` };
      continue;
    }
    const sizes = bySr.get(sr.ref) ?? [];
    const fit = cannotFit(sr, sizes);
    if (fit !== undefined) {
      out[key] = { error: fit };
      continue;
    }
    const total = sizes.reduce((a, b) => a + b, 0);
    if (sr.thin && total > sr.free - FULL_BELOW) out[key] = { warning: `${sr.name} is overcommitted: it has ${formatBytes(sr.free)} free and the new VM's disks on it can grow to ${formatBytes(total)}.` };
  }
}

function networkIssues(s: WizardState, facts: WizardFacts, out: Record<string, FieldIssue>): void {
  const t = facts.template;
  const max = t === undefined ? MAX_VIFS_AT_CREATION : t.isDefault ? Math.min(MAX_VIFS_AT_CREATION, t.limits.maxVifs) : t.limits.maxVifs;
  if (s.vifs.length > max) out['vifs'] = { error: `At most ${String(max)} network interfaces can be configured here.` };
  else if (s.vifs.length === 0 && s.install.method === 'pxe') out['vifs'] = { error: 'A VM that boots from the network needs a network interface.' };
  const home = s.home.mode === 'server' ? s.home.host : undefined;
  const seen = new Set<string>();
  for (const v of s.vifs) {
    const key = `vif:${v.id}`;
    const net = facts.networks.find((n) => n.ref === v.network);
    if (net === undefined) out[key] = { error: 'Choose a network.' };
    else if (home !== undefined && net.hosts.length > 0 && !net.hosts.includes(home)) out[key] = { error: `${net.name} is not available on the home server.` };
    else if (v.mac !== '' && !MAC.test(v.mac)) out[key] = { error: 'Write the MAC address as six pairs of hex digits, e.g. 02:16:3e:12:34:56, or leave it empty for an automatic one.' };
    else if (v.mac !== '' && (parseInt(v.mac.slice(0, 2), 16) & 1) === 1) out[key] = { error: 'That is a multicast address; a network interface needs a unicast MAC (the first byte even).' };
    else if (v.mac !== '' && seen.has(v.mac.toLowerCase())) out[key] = { error: 'Two interfaces have this MAC address.' };
    if (v.mac !== '') seen.add(v.mac.toLowerCase());
  }
}

export function validate(s: WizardState, facts: WizardFacts): Issues {
  const out: Record<string, FieldIssue> = {};
  const t = facts.template;
  if (s.template === undefined) out['template'] = { error: 'Select a template.' };
  else if (t === undefined) out['template'] = { error: 'The selected template no longer exists; choose another.' };
  const name = s.name.trim();
  if (name === '') out['name'] = { error: 'Enter a name for the new VM.' };
  else if (name.length > MAX_NAME) out['name'] = { error: `A name can be at most ${String(MAX_NAME)} characters long.` };
  if (t === undefined) return out;

  if (s.install.method === 'cd' && t.isDefault && s.install.iso === '') out['iso'] = { error: 'Choose an ISO image or DVD drive to install from.' };
  if (s.install.method === 'cd' && s.install.iso !== '' && !facts.isos.some((i) => i.ref === s.install.iso)) out['iso'] = { error: 'That ISO image is no longer available; choose another.' };
  if (s.install.method === 'url') {
    const e = allowsUrlInstall(t) ? urlError(s.install.url, t.installMethods) : 'This template cannot install from a URL.';
    if (e !== undefined) out['url'] = { error: e };
  }

  const home = homeIssue(s, facts);
  if (home.error !== undefined || home.warning !== undefined) out['home'] = home;

  const fields: [string, FieldIssue][] = [
    ['vcpus', vcpuIssue(s, t, facts.hosts)],
    ['initialVcpus', initialVcpuIssue(s, t)],
    ['topology', topologyIssue(s, facts.hosts)],
    ['memoryMin', memoryMinIssue(s, t, facts.hosts)],
    ['memoryMax', memoryMaxIssue(s, t, facts.hosts)],
  ];
  for (const [k, v] of fields) if (v.error !== undefined || v.warning !== undefined) out[k] = v;

  storageIssues(s, facts, out);
  networkIssues(s, facts, out);
  return out;
}

/** The fields each page holds (a disk's or interface's key starts with its prefix). */
const PAGE_FIELDS: Readonly<Record<Step, readonly string[]>> = {
  template: ['template'],
  name: ['name'],
  install: ['iso', 'url'],
  home: ['home'],
  cpumem: ['vcpus', 'initialVcpus', 'topology', 'memoryMin', 'memoryMax'],
  storage: ['disks', 'disk:'],
  networking: ['vifs', 'vif:'],
  finish: [],
};

export function pageErrors(step: Step, issues: Issues): string[] {
  const fields = PAGE_FIELDS[step];
  return Object.entries(issues)
    .filter(([k, v]) => v.error !== undefined && fields.some((f) => (f.endsWith(':') ? k.startsWith(f) : k === f)))
    .map(([, v]) => v.error ?? '');
}

export function firstInvalidStep(issues: Issues): Step | undefined {
  return (Object.keys(PAGE_FIELDS) as Step[]).find((step) => pageErrors(step, issues).length > 0);
}

/** Whether "Start the new VM automatically" can be offered: some live server has the CPUs and free memory. */
export function canStartNow(s: WizardState, facts: WizardFacts): boolean {
  const t = facts.template;
  if (t === undefined) return false;
  const vcpus = parseCount(s.vcpus);
  const memory = memorySettings(s, t);
  if (vcpus === undefined || memory === undefined) return false;
  const candidates = s.home.mode === 'server' ? facts.hosts.filter((h) => h.ref === s.home.host) : facts.hosts;
  return facts.hosts.some((h) => h.live && h.enabled && (h.cpus === 0 || vcpus <= h.cpus) && memory.dynamicMin <= h.memoryFree) && candidates.length > 0;
}
