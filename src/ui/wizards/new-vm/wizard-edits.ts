// The edits a user makes that touch more than one field: a new template
// (every later page is filled in again), a new name (the default disk names
// follow it), a new vCPU count (the topology and initial vCPUs follow it, as
// in XenCenter's CPU page), and the disk and interface lists.
import { adjustCores, maxCoresPerSocket, parseCount } from './cpu-mem-rules';
import { newDisk, newVif } from './page-defaults';
import type { DiskDraft, VifDraft, WizardFacts, WizardState } from './wizard-state';

export function chooseTemplate(s: WizardState, template: string): WizardState {
  if (s.template === template) return s;
  return { ...s, template, basis: {} };
}

export function rename(s: WizardState, name: string): WizardState {
  const old = s.name;
  const disks = s.disks.map((d) => (d.source !== 'template' && d.name === `${old} ${d.device}` ? { ...d, name: `${name} ${d.device}` } : d));
  return { ...s, name, disks };
}

export function setVcpus(s: WizardState, text: string, facts: WizardFacts): WizardState {
  const n = parseCount(text);
  if (n === undefined || n < 1) return { ...s, vcpus: text };
  const prevMax = parseCount(s.vcpus);
  const prevInitial = parseCount(s.initialVcpus);
  // Initial vCPUs follow the maximum when they were equal, and never exceed it.
  let initial = s.initialVcpus;
  if (prevInitial !== undefined && (prevInitial === prevMax || prevInitial > n)) initial = String(n);
  return { ...s, vcpus: text, initialVcpus: initial, coresPerSocket: adjustCores(n, s.coresPerSocket, maxCoresPerSocket(facts.hosts)) };
}

export function addDisk(s: WizardState, facts: WizardFacts, edit?: Partial<DiskDraft>): WizardState {
  const { disk, counter } = newDisk(s, facts);
  return { ...s, counter, diskless: false, disks: [...s.disks, { ...disk, ...edit }] };
}

export function updateDisk(s: WizardState, id: string, edit: Partial<DiskDraft>): WizardState {
  return { ...s, disks: s.disks.map((d) => (d.id === id ? { ...d, ...edit } : d)) };
}

/** XenCenter lets only added disks and a default template's user disks go (a template's system disk stays). */
export function canRemoveDisk(d: DiskDraft): boolean {
  return d.source === 'new' || (d.source === 'provision' && d.type === 'user');
}

/** A custom template's disk keeps its size (it is cloned or copied as it is). */
export function canResizeDisk(d: DiskDraft): boolean {
  return d.source !== 'template';
}

export function removeDisk(s: WizardState, id: string): WizardState {
  return { ...s, disks: s.disks.filter((d) => d.id !== id || !canRemoveDisk(d)) };
}

export function addVif(s: WizardState, facts: WizardFacts): WizardState {
  const { vif, counter } = newVif(s, facts);
  return { ...s, counter, vifs: [...s.vifs, vif] };
}

export function updateVif(s: WizardState, id: string, edit: Partial<VifDraft>): WizardState {
  return { ...s, vifs: s.vifs.map((v) => (v.id === id ? { ...v, ...edit } : v)) };
}

export function removeVif(s: WizardState, id: string): WizardState {
  return { ...s, vifs: s.vifs.filter((v) => v.id !== id) };
}

/**
 * For a custom template: the SR a full copy (VM.copy) would go to — all its
 * disks on one SR that has room — or undefined, when only a fast clone is possible.
 */
export function fullCopySr(s: WizardState): string | undefined {
  const templateDisks = s.disks.filter((d) => d.source === 'template');
  if (templateDisks.length === 0) return undefined;
  const targets = new Set(templateDisks.map((d) => d.sr));
  const [only] = targets;
  return targets.size === 1 && only !== undefined && only !== '' ? only : undefined;
}
