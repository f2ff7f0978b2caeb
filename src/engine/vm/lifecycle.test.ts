// The VM lifecycle table, cell by cell, through the XenAPI surface.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { OPERATION_STATES, type PowerState } from './power-table';

interface VmRow {
  power_state: string;
  is_a_template: boolean;
  is_control_domain: boolean;
  is_a_snapshot: boolean;
  resident_on: string;
  allowed_operations: string[];
  current_operations: Record<string, string>;
  name_label: string;
}

/** A halted VM whose disks are on shared storage, so it can start on any host. */
async function haltedVm(lab: Lab): Promise<string> {
  const vms = await lab.call<Record<string, VmRow>>('VM.get_all_records');
  for (const [ref, vm] of Object.entries(vms)) {
    if (vm.is_a_template || vm.is_control_domain || vm.power_state !== 'Halted') continue;
    try {
      await lab.call('VM.assert_can_boot_here', ref, await lab.call<string>('pool.get_master', (await lab.call<string[]>('pool.get_all'))[0]));
    } catch {
      continue;
    }
    return ref;
  }
  throw new Error('the default world has no halted VM that can boot on the master');
}

async function vmIn(state: PowerState): Promise<{ lab: Lab; vm: string; host: string }> {
  const lab = await createLab();
  const vm = await haltedVm(lab);
  const [pool] = await lab.call<string[]>('pool.get_all');
  const host = await lab.call<string>('pool.get_master', pool);
  if (state === 'Running' || state === 'Suspended') await lab.run('VM.start_on', vm, host, false, false);
  if (state === 'Paused') await lab.run('VM.start_on', vm, host, true, false);
  if (state === 'Suspended') await lab.run('VM.suspend', vm);
  expect(await lab.call('VM.get_power_state', vm)).toBe(state);
  return { lab, vm, host };
}

const OPS: Record<string, { after: PowerState | 'gone'; args: (vm: string, host: string) => unknown[] }> = {
  start: { after: 'Running', args: (vm) => [vm, false, false] },
  start_on: { after: 'Running', args: (vm, host) => [vm, host, false, false] },
  clean_shutdown: { after: 'Halted', args: (vm) => [vm] },
  hard_shutdown: { after: 'Halted', args: (vm) => [vm] },
  clean_reboot: { after: 'Running', args: (vm) => [vm] },
  hard_reboot: { after: 'Running', args: (vm) => [vm] },
  suspend: { after: 'Suspended', args: (vm) => [vm] },
  resume: { after: 'Running', args: (vm) => [vm, false, false] },
  resume_on: { after: 'Running', args: (vm, host) => [vm, host, false, false] },
  pause: { after: 'Paused', args: (vm) => [vm] },
  unpause: { after: 'Running', args: (vm) => [vm] },
  destroy: { after: 'gone', args: (vm) => [vm] },
};

const STATES: PowerState[] = ['Halted', 'Running', 'Paused', 'Suspended'];

describe('VM lifecycle table', () => {
  for (const state of STATES) {
    for (const [op, { after, args }] of Object.entries(OPS)) {
      const allowed = OPERATION_STATES[op]!.includes(state);
      it(`${op} from ${state} ${allowed ? `→ ${after}` : 'is refused'}`, async () => {
        const { lab, vm, host } = await vmIn(state);
        if (allowed) {
          expect((await lab.call<string[]>('VM.get_allowed_operations', vm))).toContain(op);
          await lab.run(`VM.${op}`, ...args(vm, host));
          if (after === 'gone') {
            expect((await lab.error('VM.get_record', vm)).code).toBe('HANDLE_INVALID');
          } else {
            expect(await lab.call('VM.get_power_state', vm)).toBe(after);
            const resident = await lab.call<string>('VM.get_resident_on', vm);
            if (after === 'Running' || after === 'Paused') expect(resident).not.toBe('OpaqueRef:NULL');
            else expect(resident).toBe('OpaqueRef:NULL');
          }
        } else {
          expect(await lab.call<string[]>('VM.get_allowed_operations', vm)).not.toContain(op);
          const before = JSON.stringify(await lab.call('VM.get_record', vm));
          const error = await lab.error(`VM.${op}`, ...args(vm, host));
          expect(error.code).toBe('VM_BAD_POWER_STATE');
          expect(error.params[0]).toBe(vm);
          expect(error.params[2]).toBe(state.toLowerCase());
          expect(error.params[1]).toBe(OPERATION_STATES[op]!.map((s) => s.toLowerCase()).join(', '));
          // A refused call changes nothing.
          expect(JSON.stringify(await lab.call('VM.get_record', vm))).toBe(before);
        }
      });
    }
  }
});
