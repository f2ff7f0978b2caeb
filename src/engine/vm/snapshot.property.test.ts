// Property: random sequences of snapshot, checkpoint, revert, delete
// (snapshot with its disks), new VM from a snapshot, writes (virtual time)
// and power changes keep the world sound — chains acyclic and within SM's
// limit, SR space exact, no base copy orphaned without a GC pending — and
// once the GC has run, no base copy has fewer than two children.
// Prints its seed; replay with SNAPSHOT_SEED=<n>.
import { describe, expect, it } from 'vitest';
import { Rng } from '../time/rng';
import { createLab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import { XenApiError } from '../../xapi/errors';

const SEED = Number(process.env['SNAPSHOT_SEED'] ?? 20261128);
const STEPS = 40;

async function srSums(lab: Awaited<ReturnType<typeof createLab>>): Promise<string[]> {
  const problems: string[] = [];
  const srs = await lab.call<Record<string, { name_label: string; physical_utilisation: number; virtual_allocation: number; VDIs: string[]; type: string }>>('SR.get_all_records');
  const vdis = await lab.call<Record<string, { physical_utilisation: number; virtual_size: number }>>('VDI.get_all_records');
  for (const sr of Object.values(srs)) {
    if (sr.type === 'iso' || sr.type === 'udev') continue;
    const sumV = sr.VDIs.reduce((s, v) => s + (vdis[v]?.virtual_size ?? 0), 0);
    if (sumV !== sr.virtual_allocation) problems.push(`${sr.name_label}: virtual_allocation ${String(sr.virtual_allocation)} ≠ Σ ${String(sumV)}`);
  }
  return problems;
}

describe('snapshot property', () => {
  it(`random snapshot/revert/delete/write sequences keep chains, space and trees sound (seed ${String(SEED)})`, async () => {
    console.log(`snapshot property seed ${String(SEED)} (SNAPSHOT_SEED=${String(SEED)} to replay)`);
    const rng = Rng.fromSeed(SEED);
    const lab = await createLab({ seed: SEED });
    const vms = [await lab.vmByName('web-01'), await lab.vmByName('game-01'), await lab.vmByName('legacy-01'), await lab.vmByName('test-01')];
    const pick = <T,>(xs: readonly T[]): T => xs[rng.nextUint32() % xs.length] as T;
    const tryRun = async (method: string, ...args: unknown[]): Promise<unknown> => {
      try {
        return await lab.run(method, ...args);
      } catch (e) {
        if (e instanceof XenApiError) return undefined; // refusals are fine; the world must stay sound
        throw e;
      }
    };
    const baseline = await srSums(lab);
    for (let step = 0; step < STEPS; step++) {
      const vm = pick(vms);
      const snaps = await lab.call<string[]>('VM.get_snapshots', vm);
      const action = pick(['snapshot', 'checkpoint', 'revert', 'delete', 'write', 'clone', 'power'] as const);
      if (action === 'snapshot') await tryRun('VM.snapshot', vm, `s${String(step)}`);
      else if (action === 'checkpoint') await tryRun('VM.checkpoint', vm, `c${String(step)}`);
      else if (action === 'revert' && snaps.length > 0) await tryRun('VM.revert', pick(snaps));
      else if (action === 'delete' && snaps.length > 0) {
        const s = pick(snaps);
        const disks: string[] = [];
        for (const vbd of await lab.call<string[]>('VM.get_VBDs', s)) {
          const r = await lab.call<{ type: string; VDI: string }>('VBD.get_record', vbd);
          if (r.type === 'Disk') disks.push(r.VDI);
        }
        await tryRun('VM.destroy', s);
        for (const d of disks) await tryRun('VDI.destroy', d);
      } else if (action === 'clone' && snaps.length > 0) {
        const made = await tryRun('VM.clone', pick(snaps), `from-${String(step)}`);
        if (typeof made === 'string') vms.push(made);
      } else if (action === 'power') {
        const state = await lab.call<string>('VM.get_power_state', vm);
        if (state === 'Halted') await tryRun('VM.start', vm, false, false);
        else if (state === 'Suspended') await tryRun('VM.resume', vm, false, false);
        else if (state === 'Running') await tryRun('VM.hard_shutdown', vm);
      } else await tryRun('Simulator.advance', 60 * (1 + (rng.nextUint32() % 120)));
      const problems = [...(await worldProblems(lab.engine, lab.session)), ...(await srSums(lab))].filter((p) => !baseline.includes(p));
      expect(problems, `seed ${String(SEED)}, step ${String(step)} (${action})`).toEqual([]);
    }
    // Let the GC finish: every remaining base copy is shared by at least two VHDs.
    await lab.run('Simulator.advance', 4 * 3600);
    const vdis = await lab.call<Record<string, { uuid: string; managed: boolean; sm_config: Record<string, string> }>>('VDI.get_all_records');
    const children = new Map<string, number>();
    for (const v of Object.values(vdis)) {
      const parent = v.sm_config['vhd-parent'];
      if (parent !== undefined) children.set(parent, (children.get(parent) ?? 0) + 1);
    }
    for (const v of Object.values(vdis)) if (!v.managed && v.sm_config['vdi_type'] === 'vhd') expect(children.get(v.uuid) ?? 0, `seed ${String(SEED)}`).toBeGreaterThanOrEqual(2);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
