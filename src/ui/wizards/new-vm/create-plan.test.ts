// The calls the wizard makes, as data (createPlan) and as run against a
// recording server (runPlan), including the clean-up of a half-made VM.
import { describe, expect, it } from 'vitest';
import { XenApiError } from '../../../xapi/errors';
import type { XenApiCaller } from '../../actions/action-types';
import { createPlan, networkFirst, type PlanOp } from './create-plan';
import { enterStep } from './page-defaults';
import { runPlan } from './run-plan';
import { GiB, wizardFixture, type Fixture } from './testing/wizard-fixture';
import { addDisk, chooseTemplate, removeVif, setVcpus } from './wizard-edits';
import { STEPS, initialState, type WizardState } from './wizard-state';

function walk(f: Fixture, template: string): WizardState {
  let s = chooseTemplate(initialState(undefined, undefined), template);
  for (const step of STEPS) s = enterStep(s, step, f.facts(template));
  return s;
}

const summary = (ops: readonly PlanOp[]) => ops.map((o) => (o.kind === 'call' ? o.method : o.kind));

describe('createPlan', () => {
  it('makes a Debian VM from its default template as XenCenter does', () => {
    const f = wizardFixture();
    const facts = f.facts(f.debian);
    let s = walk(f, f.debian);
    s = { ...s, name: 'web-02', description: 'nginx', install: { method: 'cd', iso: f.iso, url: '' }, memoryMin: '4' };
    s = setVcpus(s, '4', facts);
    s = addDisk(s, facts, { size: 20 * GiB });
    s = removeVif(removeVif(s, s.vifs[3]?.id ?? ''), s.vifs[2]?.id ?? '');
    const plan = createPlan(s, facts);
    expect(summary(plan.ops)).toEqual([
      'VM.clone', 'VM.remove_from_other_config', 'VM.provision', 'VM.set_name_description',
      'VM.set_VCPUs_max', 'VM.set_VCPUs_at_startup', 'VM.set_memory_limits',
      'VBD.create', 'VBD.insert',
      'VDI.create', 'VBD.create', 'VDI.create', 'VBD.create', 'VM.set_suspend_SR',
      'VIF.create', 'VIF.create', 'ensure-not-template', 'VM.start',
    ]);
    const op = (i: number) => plan.ops[i] as Extract<PlanOp, { kind: 'call' }>;
    expect(op(0).args).toEqual([f.debian, 'web-02']);
    expect(op(6).args).toEqual([{ $: 'vm' }, GiB, 4 * GiB, 4 * GiB, 4 * GiB]);
    expect(op(7).args[0]).toMatchObject({ VDI: 'OpaqueRef:NULL', userdevice: '3', type: 'CD', empty: true, bootable: true });
    expect(op(9).args[0]).toMatchObject({ SR: f.nfs, virtual_size: 10 * GiB, type: 'system', name_label: 'Debian Bookworm 12 (1) 0' });
    expect(op(10).args[0]).toMatchObject({ VDI: { $: 'vdi:' + (s.disks[0]?.id ?? '') }, userdevice: '0', bootable: false, type: 'Disk' });
    expect(op(12).args[0]).toMatchObject({ userdevice: '1' });
    expect(op(14).args[0]).toMatchObject({ device: '0', network: f.nets[0], MAC: '', MTU: 1500 });
    expect(plan.pointOfNoReturn).toBe(17);
  });

  it('boots from the network first for PXE and installs from a URL through other_config', () => {
    const f = wizardFixture();
    const facts = f.facts(f.debian);
    const s = walk(f, f.debian);
    const pxe = createPlan({ ...s, install: { method: 'pxe', iso: '', url: '' }, diskless: true, startAfter: false }, facts);
    expect(pxe.ops.find((o) => o.kind === 'call' && o.method === 'VM.set_HVM_boot_params')).toMatchObject({ args: [{ $: 'vm' }, { firmware: 'uefi', order: 'ncd' }] });
    expect(summary(pxe.ops)).not.toContain('VDI.create');
    const url = createPlan({ ...s, install: { method: 'url', iso: '', url: 'http://deb.debian.org/debian' } }, facts);
    expect(url.ops.find((o) => o.kind === 'call' && o.method === 'VM.add_to_other_config')).toMatchObject({ args: [{ $: 'vm' }, 'install-repository', 'http://deb.debian.org/debian'] });
    expect(networkFirst('cdn')).toBe('ncd');
    expect(networkFirst('dn')).toBe('nd');
  });

  it('lowers VCPUs_at_startup before VCPUs_max when the maximum goes below it', () => {
    const f = wizardFixture();
    const facts = f.facts(f.windows);
    const s = setVcpus(walk(f, f.windows), '1', facts);
    const calls = summary(createPlan(s, facts).ops).filter((m) => m.startsWith('VM.set_VCPUs'));
    expect(calls).toEqual(['VM.set_VCPUs_at_startup', 'VM.set_VCPUs_max']);
  });

  it('copies a custom template to one SR when fast clone is off, and replaces its interfaces', () => {
    const f = wizardFixture();
    const facts = f.facts(f.custom);
    const s = { ...walk(f, f.custom), fastClone: false };
    const plan = createPlan(s, facts);
    expect(plan.ops[0]).toMatchObject({ method: 'VM.copy', args: [f.custom, 'web template (1)', f.nfs] });
    expect(summary(plan.ops)).toEqual(['VM.copy', 'VM.provision', 'VM.set_affinity', 'find-vbd', 'VBD.insert', 'find-vbd', 'VM.set_suspend_SR', 'destroy-cloned-vifs', 'VIF.create', 'ensure-not-template', 'VM.start'].filter((m) => m !== 'VBD.insert' && m !== 'VM.set_affinity'));
  });
});

/** A server that records calls and answers from a script; Async calls return a task whose result is the sync answer. */
function recordingApi(answer: (method: string, args: readonly unknown[]) => unknown): XenApiCaller & { log: string[] } {
  const log: string[] = [];
  const results = new Map<string, () => unknown>();
  let n = 0;
  return {
    log,
    call: <T,>(method: string, ...args: readonly unknown[]) => {
      log.push(method);
      try {
        return Promise.resolve(answer(method, args) as T);
      } catch (e) {
        return Promise.reject(e as Error);
      }
    },
    startAsync: (method: string, ...args: readonly unknown[]) => {
      log.push(`Async.${method}`);
      const task = `task-${String(++n)}`;
      results.set(task, () => answer(method, args));
      return Promise.resolve(task);
    },
    waitForTask: <T,>(task: string) => {
      try {
        return Promise.resolve(results.get(task)?.() as T);
      } catch (e) {
        return Promise.reject(e as Error);
      }
    },
  };
}

describe('runPlan', () => {
  it('runs the calls with the refs made on the way', async () => {
    const f = wizardFixture();
    const facts = f.facts(f.debian);
    const s = { ...walk(f, f.debian), install: { method: 'cd' as const, iso: f.iso, url: '' } };
    let vdis = 0;
    const api = recordingApi((method) => {
      if (method === 'VM.clone') return 'OpaqueRef:new-vm';
      if (method === 'VDI.create') return `OpaqueRef:vdi-${String(++vdis)}`;
      if (method === 'VBD.create') return 'OpaqueRef:vbd';
      if (method === 'VM.get_is_a_template') return false;
      return '';
    });
    const outcome = await runPlan(api, createPlan(s, facts));
    expect(outcome).toEqual({ ok: true, vm: 'OpaqueRef:new-vm' });
    expect(api.log[0]).toBe('Async.VM.clone');
    expect(api.log).toContain('VM.get_is_a_template');
    expect(api.log).not.toContain('VM.set_is_a_template');
    expect(api.log[api.log.length - 1]).toBe('Async.VM.start');
  });

  it('destroys the half-made VM and its disks when a call fails, and says which step failed', async () => {
    const f = wizardFixture();
    const facts = f.facts(f.debian);
    const s = { ...walk(f, f.debian), install: { method: 'cd' as const, iso: f.iso, url: '' } };
    const api = recordingApi((method, args) => {
      if (method === 'VM.clone') return 'OpaqueRef:new-vm';
      if (method === 'VDI.create') return 'OpaqueRef:vdi-1';
      if (method === 'VBD.create' && (args[0] as { type: string }).type === 'Disk') throw new XenApiError('VDI_IN_USE', ['OpaqueRef:vdi-1', 'attach']);
      if (method === 'VM.get_VBDs') return ['OpaqueRef:cd'];
      if (method === 'VBD.get_record') return { type: 'CD', VDI: f.iso };
      return '';
    });
    const outcome = await runPlan(api, createPlan(s, facts));
    expect(outcome).toMatchObject({ ok: false, label: 'Creating disks', cleanedUp: true, error: { code: 'VDI_IN_USE' } });
    // The ISO in the CD drive is not the VM's to delete; the disk made for it is.
    expect(api.log.slice(-4)).toEqual(['VM.get_VBDs', 'VBD.get_record', 'VM.destroy', 'VDI.destroy']);
  });
});
