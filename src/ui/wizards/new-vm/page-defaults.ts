// Filling in a page from the template and the pool when it is shown and what
// it depends on changed (XenCenter's PageLoadedCore): the suggested name, the
// install method the template allows, a home server, the template's vCPUs and
// memory, its disks on the best SR, and its network interfaces.
import { allowsCdInstall, allowsPxe, allowsUrlInstall } from './template-facts';
import { bestSr, nextDiskDevice, sizesBySr } from './storage-rules';
import { memoryText, memoryUnitFor, type DiskDraft, type InstallMethod, type Step, type VifDraft, type WizardFacts, type WizardState } from './wizard-state';

/** XenCenter: a default template gives at most four network interfaces at creation (Page_Networking, CA-31800). */
export const MAX_VIFS_AT_CREATION = 4;

/** What a page's defaults depend on: when this changes, the page is filled in again. */
function basisOf(step: Step, s: WizardState): string | undefined {
  const t = s.template ?? '';
  switch (step) {
    case 'name':
    case 'install':
    case 'cpumem':
    case 'networking':
      return t;
    case 'home':
      return `${t}|${s.install.method === 'cd' ? s.install.iso : ''}`;
    case 'storage':
      return `${t}|${s.home.mode}|${s.home.host}|${s.install.method}`;
    default:
      return undefined;
  }
}

function defaultMethod(facts: WizardFacts): InstallMethod {
  const t = facts.template;
  if (t === undefined) return 'none';
  if (!t.isDefault && t.cdDrive === undefined && !t.bootsFromNetwork) return 'none';
  if (allowsCdInstall(t)) return 'cd';
  if (allowsUrlInstall(t)) return 'url';
  if (allowsPxe(t)) return 'pxe';
  return 'none';
}

function fillHome(s: WizardState, facts: WizardFacts): WizardState['home'] {
  // An ISO only one server sees (its DVD drive, a local library) ties the VM to that server.
  const iso = s.install.method === 'cd' ? facts.isos.find((i) => i.ref === s.install.iso) : undefined;
  if (iso?.host !== undefined) return { mode: 'server', host: iso.host };
  if (s.home.mode === 'server' && facts.hosts.some((h) => h.ref === s.home.host)) return s.home;
  const affinity = facts.template?.affinity;
  if (affinity !== undefined && facts.hosts.some((h) => h.ref === affinity && h.live)) return { mode: 'server', host: affinity };
  const shared = facts.srs.some((sr) => sr.shared && sr.canCreateDisks && sr.hosts.length > 0);
  if (shared) return { mode: 'auto', host: '' };
  const first = facts.hosts.find((h) => h.live && h.enabled);
  return { mode: 'server', host: first?.ref ?? '' };
}

function fillDisks(s: WizardState, facts: WizardFacts): { disks: DiskDraft[]; counter: number } {
  const t = facts.template;
  if (t === undefined) return { disks: [], counter: s.counter };
  let counter = s.counter;
  const disks: DiskDraft[] = [];
  const taken = () => sizesBySr(disks);
  for (const p of t.provisionDisks) {
    disks.push({
      id: `d${String(++counter)}`,
      source: 'provision',
      device: p.device,
      name: `${s.name} ${p.device}`,
      description: 'Created by template provisioner',
      size: p.size,
      minSize: p.size,
      sr: bestSr(facts.srs, s.home, p.size, p.sr === '' ? undefined : p.sr, taken()),
      bootable: p.bootable,
      type: p.type,
    });
  }
  for (const d of t.disks) {
    disks.push({
      id: `d${String(++counter)}`,
      source: 'template',
      device: d.device,
      name: d.name,
      description: d.description,
      size: d.size,
      minSize: d.size,
      sr: bestSr(facts.srs, s.home, d.size, d.sr, taken()),
      bootable: d.bootable,
      type: d.type,
      templateVdi: d.vdi,
      sourceSr: d.sr,
    });
  }
  return { disks, counter };
}

function fillVifs(s: WizardState, facts: WizardFacts): { vifs: VifDraft[]; counter: number } {
  const t = facts.template;
  let counter = s.counter;
  if (t === undefined) return { vifs: [], counter };
  if (!t.isDefault) {
    // A custom template's interfaces, with fresh MACs (XenCenter does not keep a template's MAC).
    return { vifs: t.vifs.map((v) => ({ id: `v${String(++counter)}`, device: v.device, network: v.network, mac: '' })), counter };
  }
  const vifs = facts.autoNetworks.slice(0, MAX_VIFS_AT_CREATION).map((n, i) => ({ id: `v${String(++counter)}`, device: String(i), network: n.ref, mac: '' }));
  return { vifs, counter };
}

function fill(step: Step, s: WizardState, facts: WizardFacts): WizardState {
  const t = facts.template;
  switch (step) {
    case 'name':
      return { ...s, name: facts.suggestedName, description: '' };
    case 'install':
      return { ...s, install: { method: defaultMethod(facts), iso: '', url: t?.otherConfig['install-repository'] ?? '' } };
    case 'home':
      return { ...s, home: fillHome(s, facts) };
    case 'cpumem': {
      if (t === undefined) return s;
      const unit = memoryUnitFor(t.memoryStaticMax);
      return {
        ...s,
        vcpus: String(t.windows ? t.vcpusAtStartup : t.vcpusMax),
        initialVcpus: String(t.vcpusAtStartup),
        coresPerSocket: t.coresPerSocket,
        memoryUnit: unit,
        memoryMin: memoryText(t.ballooning ? t.memoryDynamicMin : t.memoryStaticMax, unit),
        memoryMax: memoryText(t.ballooning ? t.memoryDynamicMax : t.memoryStaticMax, unit),
      };
    }
    case 'storage': {
      const { disks, counter } = fillDisks(s, facts);
      // XenCenter (CA-46213): booting an HVM guest from the network defaults to a diskless VM.
      const diskless = (t !== undefined && !t.isDefault && disks.length === 0) || s.install.method === 'pxe';
      return { ...s, disks, counter, diskless, fastClone: true };
    }
    case 'networking': {
      const { vifs, counter } = fillVifs(s, facts);
      return { ...s, vifs, counter };
    }
    default:
      return s;
  }
}

/** Show `step`: fill it in first when what it depends on changed since it was last filled. */
export function enterStep(s: WizardState, step: Step, facts: WizardFacts): WizardState {
  const basis = basisOf(step, s);
  const next = basis !== undefined && s.basis[step] !== basis ? { ...fill(step, s, facts), basis: { ...s.basis, [step]: basis } } : s;
  return { ...next, step };
}

/** A new disk row for the Add dialog: the next device, 10 GiB (unless edited), on the best SR. */
export function newDisk(s: WizardState, facts: WizardFacts): { disk: DiskDraft; counter: number } {
  const size = 10 * 1024 ** 3;
  const counter = s.counter + 1;
  const device = nextDiskDevice(s.disks);
  return {
    counter,
    disk: { id: `d${String(counter)}`, source: 'new', device, name: `${s.name} ${device}`, description: '', size, minSize: 1024 ** 2, sr: bestSr(facts.srs, s.home, size, undefined, sizesBySr(s.disks)), bootable: false, type: 'user' },
  };
}

/** A new network interface row: the next device number, on the first network not yet used (else the first). */
export function newVif(s: WizardState, facts: WizardFacts): { vif: VifDraft; counter: number } {
  const counter = s.counter + 1;
  const used = new Set(s.vifs.map((v) => v.device));
  let n = 0;
  while (used.has(String(n))) n++;
  const taken = new Set(s.vifs.map((v) => v.network));
  const network = facts.networks.find((x) => !taken.has(x.ref)) ?? facts.networks[0];
  return { counter, vif: { id: `v${String(counter)}`, device: String(n), network: network?.ref ?? '', mac: '' } };
}
