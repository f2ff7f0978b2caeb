// Random create / attach / hot-plug / detach / resize / copy / pool_migrate /
// destroy sequences through the XenAPI surface, checked after every step against an independent model of
// SR space: a thin SR (sparse VHD files) charges a fresh disk only its VHD
// metadata, a thick SR (LVHD) the whole volume; physical_utilisation and
// virtual_allocation move by exactly what the model says, SR_FULL comes exactly
// when the model says the disk does not fit, and no VBD or VDI is left
// dangling. VDI.pool_migrate (Storage XenMotion of one disk of a running VM)
// runs against db-01 on xenserver-02, which sees the shared SRs but not
// xenserver-01's local ones (VM_REQUIRES_SR); its VBDs follow the mirror. fast-check, seeded: the seed is printed and
// `XENLAB_PROPERTY_SEED=<n>` replays a run; XENLAB_STORAGE_RUNS sets the count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XenApiError } from '../../xapi/errors';
import type { RecordOf } from '../../xapi/types';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';

const RUNS = Number(process.env['XENLAB_STORAGE_RUNS'] ?? 25);
const SEED = Number(process.env['XENLAB_PROPERTY_SEED'] ?? Date.now() % 2 ** 31);
const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

// The model's own arithmetic (not vdi-space.ts's), from the VHD and LVHD formats.
/** An empty dynamic VHD file: footer copy + header + BAT (4 bytes per 2 MiB block, whole sectors) + footer. */
const modelThin = (size: number): number => 512 + 1024 + Math.ceil((Math.ceil(size / (2 * MiB)) * 4) / 512) * 512 + 512;
/** An LVHD volume: the data, its bitmaps (1/4096) and 2 MiB of metadata, in whole 4 MiB extents. */
const modelThick = (size: number): number => Math.ceil((size + size / 4096 + 2 * MiB) / (4 * MiB)) * 4 * MiB;

interface ModelSr {
  readonly ref: string;
  readonly thin: boolean;
  readonly size: number;
  /** What the SR occupies beyond the VDIs this test made (its metadata, disks it already had). */
  readonly basePhysical: number;
  readonly baseVirtual: number;
  /** Hosts with the SR plugged (who can see it). */
  readonly hosts: readonly string[];
}

interface ModelVdi {
  /** Mutable: VDI.pool_migrate replaces the disk by its mirror, and every VBD follows. */
  ref: string;
  sr: ModelSr;
  virtualSize: number;
  physical: number;
}

type Step =
  | { kind: 'create'; sr: number; gib: number }
  | { kind: 'attach'; vdi: number; vm: number }
  | { kind: 'hotplug'; vdi: number }
  | { kind: 'migrate'; vdi: number; sr: number; held: boolean }
  | { kind: 'detach'; vbd: number }
  | { kind: 'resize'; vdi: number; gib: number }
  | { kind: 'copy'; vdi: number; sr: number }
  | { kind: 'destroy'; vdi: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), sr: fc.nat(3), gib: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('attach' as const), vdi: fc.nat(20), vm: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('hotplug' as const), vdi: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('migrate' as const), vdi: fc.nat(20), sr: fc.nat(3), held: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('detach' as const), vbd: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resize' as const), vdi: fc.nat(20), gib: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('copy' as const), vdi: fc.nat(20), sr: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('destroy' as const), vdi: fc.nat(20) }) },
);

/** Run a call whose virtual time may be long (a copy streams at the SR's bandwidth) in big steps. */
async function runLong<T>(lab: Lab, method: string, ...args: unknown[]): Promise<T> {
  let done = false;
  const watched = lab.call<T>(method, ...args).finally(() => {
    done = true;
  });
  for (let i = 0; i < 1000 && !done; i++) {
    await Promise.resolve();
    await Promise.resolve();
    if (!done) lab.engine.advance(30);
  }
  return watched;
}

/** The XenAPI error code a call fails with, or undefined when it succeeds. */
async function outcome<T>(p: Promise<T>): Promise<{ value?: T; code?: string }> {
  try {
    return { value: await p };
  } catch (e) {
    if (e instanceof XenApiError) return { code: e.code };
    throw e;
  }
}

/** A running VM with tools and no passed-through device, on another server than the local SRs'. */
interface RunningVm {
  readonly ref: string;
  readonly host: string;
}

interface ModelVbd {
  readonly ref: string;
  readonly vdi: ModelVdi;
  readonly vm: string;
  plugged: boolean;
}

interface Model {
  readonly srs: readonly ModelSr[];
  readonly halted: readonly string[];
  readonly running: RunningVm;
  readonly vdis: ModelVdi[];
  readonly vbds: ModelVbd[];
}

async function setUp(lab: Lab): Promise<Model> {
  const hosts = await lab.call<Record<string, RecordOf<'host'>>>('host.get_all_records');
  const host = Object.entries(hosts).find(([, h]) => h.name_label === 'xenserver-01')?.[0] ?? '';
  const mk = (config: Record<string, string>, type: string, shared: boolean, name: string) =>
    lab.run<string>('SR.create', host, config, 0, name, '', type, 'user', shared, {});
  const ext = await mk({ device: '/dev/sdb' }, 'ext', false, 'Local EXT');
  const iscsi = await mk(
    { target: '192.168.10.6', targetIQN: 'iqn.2026-01.example.lab:san-01.target0', SCSIid: '36001405f0e1d2c3b4a5968778695a4b3' },
    'lvmoiscsi',
    true,
    'iSCSI 500',
  );
  const all = await lab.call<Record<string, RecordOf<'SR'>>>('SR.get_all_records');
  const nfs = Object.entries(all).find(([, s]) => s.type === 'nfs')?.[0] ?? '';
  const pbds = await lab.call<Record<string, RecordOf<'PBD'>>>('PBD.get_all_records');
  const local = Object.entries(all).find(([, s]) => s.type === 'lvm' && s.PBDs.some((p) => pbds[p]?.host === host))?.[0] ?? '';
  const srs: ModelSr[] = [];
  for (const ref of [nfs, local, ext, iscsi]) {
    const r = all[ref];
    if (r === undefined) throw new Error('set-up SR missing');
    const seenBy = r.PBDs.flatMap((p) => (pbds[p]?.currently_attached === true ? [pbds[p].host] : []));
    srs.push({ ref, thin: r.type === 'nfs' || r.type === 'ext', size: r.physical_size, basePhysical: r.physical_utilisation, baseVirtual: r.virtual_allocation, hosts: seenBy });
  }
  const halted = [await lab.vmByName('game-01'), await lab.vmByName('legacy-01')];
  const db = await lab.vmByName('db-01');
  const running = { ref: db, host: await lab.call<string>('VM.get_resident_on', db) };
  if (running.host === host) throw new Error('db-01 should run on another server than xenserver-01');
  return { srs, halted, running, vdis: [], vbds: [] };
}

async function checkSpace(lab: Lab, m: Model): Promise<void> {
  for (const sr of m.srs) {
    const r = await lab.call<RecordOf<'SR'>>('SR.get_record', sr.ref);
    const mine = m.vdis.filter((v) => v.sr === sr);
    const physical = sr.basePhysical + mine.reduce((s, v) => s + v.physical, 0);
    const virtual = sr.baseVirtual + mine.reduce((s, v) => s + v.virtualSize, 0);
    expect(r.physical_utilisation, `${r.name_label} physical_utilisation`).toBe(physical);
    expect(r.virtual_allocation, `${r.name_label} virtual_allocation`).toBe(virtual);
  }
  for (const v of m.vdis) {
    const r = await lab.call<RecordOf<'VDI'>>('VDI.get_record', v.ref);
    expect([r.SR, r.virtual_size, r.physical_utilisation]).toEqual([v.sr.ref, v.virtualSize, v.physical]);
  }
  for (const b of m.vbds) {
    const r = await lab.call<RecordOf<'VBD'>>('VBD.get_record', b.ref);
    expect([r.VDI, r.currently_attached], `VBD of ${b.vm}`).toEqual([b.vdi.ref, b.plugged]);
  }
}

async function checkNoDangling(lab: Lab): Promise<void> {
  const vbds = await lab.call<Record<string, RecordOf<'VBD'>>>('VBD.get_all_records');
  const vdis = await lab.call<Record<string, RecordOf<'VDI'>>>('VDI.get_all_records');
  const vms = await lab.call<Record<string, RecordOf<'VM'>>>('VM.get_all_records');
  for (const [ref, vbd] of Object.entries(vbds)) {
    expect(vms[vbd.VM]?.VBDs, `VBD ${ref}'s VM lists it`).toContain(ref);
    if (!vbd.empty) expect(vdis[vbd.VDI]?.VBDs, `VBD ${ref}'s VDI lists it`).toContain(ref);
  }
  for (const [ref, vdi] of Object.entries(vdis)) for (const vbd of vdi.VBDs) expect(vbds[vbd]?.VDI, `VDI ${ref}'s VBD points back`).toBe(ref);
}

/** What a disk occupies once copied (or mirrored) from `vdi` onto `sr`. */
function copiedFootprint(vdi: ModelVdi, sr: ModelSr): number {
  // The lab counts a thin disk's written data from its VHD (none here) and a thick
  // one as wholly written (it does not track which LVHD blocks hold data), so a
  // thin copy of a thick disk carries all of it.
  const written = vdi.sr.thin ? Math.max(0, vdi.physical - modelThin(vdi.virtualSize)) : vdi.virtualSize;
  return sr.thin ? modelThin(vdi.virtualSize) + written : modelThick(vdi.virtualSize);
}

const newVbd = (vm: string, vdi: string) => ({
  VM: vm, VDI: vdi, userdevice: 'autodetect', bootable: false, mode: 'RW', type: 'Disk', unpluggable: true, empty: false, other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {},
});

/** The error pool_migrate must answer for `vdi` to `sr`, or undefined when the mirror goes ahead. */
function migrateError(m: Model, vdi: ModelVdi, sr: ModelSr, free: number): string | undefined {
  // xapi takes the disk's first VBD's VM.
  const first = m.vbds.find((b) => b.vdi === vdi);
  if (first === undefined) return 'VDI_NEEDS_VM_FOR_MIGRATE';
  if (first.vm !== m.running.ref) return 'VM_BAD_POWER_STATE';
  if (sr === vdi.sr) return undefined;
  if (!sr.hosts.includes(m.running.host)) return 'VM_REQUIRES_SR';
  return copiedFootprint(vdi, sr) > free ? 'SR_FULL' : undefined;
}

/** How often each step ended how (printed, so a run shows the mirrors and copies really happened). */
const tally = new Map<string, number>();
const count = (what: string) => tally.set(what, (tally.get(what) ?? 0) + 1);

async function apply(lab: Lab, s: Step, m: Model): Promise<void> {
  const { srs, vdis, vbds } = m;
  const free = (sr: ModelSr) => sr.size - sr.basePhysical - vdis.filter((v) => v.sr === sr).reduce((n, v) => n + v.physical, 0);
  const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
  const plugged = (vdi: ModelVdi) => vbds.some((b) => b.vdi === vdi && b.plugged);
  switch (s.kind) {
    case 'create': {
      const sr = srs[s.sr] as ModelSr;
      const size = s.gib * GiB;
      const need = sr.thin ? modelThin(size) : modelThick(size);
      const r = await outcome(
        lab.run<string>('VDI.create', { SR: sr.ref, name_label: 'prop', name_description: '', virtual_size: size, type: 'user', sharable: false, read_only: false, other_config: {} }),
      );
      expect(r.code ?? 'ok', `create ${String(s.gib)} GiB on ${sr.thin ? 'thin' : 'thick'} SR`).toBe(need > free(sr) ? 'SR_FULL' : 'ok');
      if (r.value !== undefined) vdis.push({ ref: r.value, sr, virtualSize: size, physical: need });
      return;
    }
    case 'attach': {
      const vdi = pick(vdis, s.vdi);
      if (vdi === undefined) return;
      const vm = m.halted[s.vm] as string;
      const r = await outcome(lab.run<string>('VBD.create', newVbd(vm, vdi.ref)));
      // A halted VM takes disks until its device numbers run out.
      expect(['ok', 'INVALID_DEVICE']).toContain(r.code ?? 'ok');
      if (r.value !== undefined) vbds.push({ ref: r.value, vdi, vm, plugged: false });
      return;
    }
    case 'hotplug': {
      // A disk no VM holds yet, on an SR the running VM's server sees (the lab's
      // VBD.plug does not check the SR is reachable from the VM's server).
      const vdi = pick(
        vdis.filter((v) => !vbds.some((b) => b.vdi === v) && v.sr.hosts.includes(m.running.host)),
        s.vdi,
      );
      if (vdi === undefined) return;
      const r = await outcome(lab.run<string>('VBD.create', newVbd(m.running.ref, vdi.ref)));
      expect(['ok', 'INVALID_DEVICE']).toContain(r.code ?? 'ok');
      if (r.value === undefined) return;
      await lab.run('VBD.plug', r.value);
      vbds.push({ ref: r.value, vdi, vm: m.running.ref, plugged: true });
      return;
    }
    case 'detach': {
      const vbd = pick(vbds, s.vbd);
      if (vbd === undefined) return;
      if (vbd.plugged) await lab.run('VBD.unplug', vbd.ref);
      await lab.run('VBD.destroy', vbd.ref);
      vbds.splice(vbds.indexOf(vbd), 1);
      return;
    }
    case 'resize': {
      const vdi = pick(vdis, s.vdi);
      if (vdi === undefined) return;
      const size = vdi.virtualSize + s.gib * GiB;
      const physical = vdi.sr.thin ? vdi.physical + modelThin(size) - modelThin(vdi.virtualSize) : modelThick(size);
      const r = await outcome(lab.run('VDI.resize', vdi.ref, size));
      const expected = plugged(vdi) ? 'VDI_IN_USE' : physical - vdi.physical > free(vdi.sr) ? 'SR_FULL' : 'ok';
      expect(r.code ?? 'ok').toBe(expected);
      if (r.code === undefined) Object.assign(vdi, { virtualSize: size, physical });
      return;
    }
    case 'copy': {
      const vdi = pick(vdis, s.vdi);
      if (vdi === undefined) return;
      const sr = srs[s.sr] as ModelSr;
      const need = copiedFootprint(vdi, sr);
      const r = await outcome(runLong<string>(lab, 'VDI.copy', vdi.ref, sr.ref));
      count(`copy ${r.code ?? 'ok'}`);
      expect(r.code ?? 'ok').toBe(need > free(sr) ? 'SR_FULL' : 'ok');
      if (r.value !== undefined) vdis.push({ ref: r.value, sr, virtualSize: vdi.virtualSize, physical: need });
      return;
    }
    case 'migrate': {
      // Half the time a disk the running VM has plugged: a random disk rarely is one.
      const vdi = pick(s.held ? vdis.filter(plugged) : vdis, s.vdi);
      if (vdi === undefined) return;
      const sr = srs[s.sr] as ModelSr;
      const expected = migrateError(m, vdi, sr, free(sr));
      const r = await outcome(runLong<string>(lab, 'VDI.pool_migrate', vdi.ref, sr.ref, {}));
      count(`pool_migrate ${r.code ?? (r.value === vdi.ref ? 'same SR' : 'ok')}`);
      expect(r.code ?? 'ok', `pool_migrate to ${sr.thin ? 'thin' : 'thick'} SR`).toBe(expected ?? 'ok');
      if (r.value === undefined || r.value === vdi.ref) return;
      // The mirror replaces the disk; the original is gone and every VBD (model ones point at `vdi`) follows.
      expect((await lab.error('VDI.get_record', vdi.ref)).code).toBe('HANDLE_INVALID');
      Object.assign(vdi, { ref: r.value, sr, physical: copiedFootprint(vdi, sr) });
      return;
    }
    case 'destroy': {
      const vdi = pick(vdis, s.vdi);
      if (vdi === undefined) return;
      const r = await outcome(lab.run('VDI.destroy', vdi.ref));
      expect(r.code ?? 'ok').toBe(plugged(vdi) ? 'VDI_IN_USE' : 'ok');
      if (r.code !== undefined) return;
      vdis.splice(vdis.indexOf(vdi), 1);
      // VDI.destroy takes the VBDs of a halted VM with it.
      const left = await lab.call<Record<string, RecordOf<'VBD'>>>('VBD.get_all_records');
      expect(vbds.filter((b) => b.vdi === vdi && left[b.ref] !== undefined)).toEqual([]);
      vbds.splice(0, vbds.length, ...vbds.filter((b) => b.vdi !== vdi));
      return;
    }
  }
}

describe('SR space accounting (property)', () => {
  it('stays exact through random create/attach/hot-plug/resize/copy/pool_migrate/destroy sequences', async () => {
    console.log(`storage space property seed: ${String(SEED)} (XENLAB_PROPERTY_SEED=${String(SEED)} to replay)`);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25, size: 'medium' }), async (steps) => {
        const lab = await createLab();
        const m = await setUp(lab);
        for (const s of steps) {
          await apply(lab, s, m);
          await checkSpace(lab, m);
        }
        await checkNoDangling(lab);
        expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`storage space property outcomes: ${[...tally].sort().map(([k, n]) => `${k} ${String(n)}`).join(', ')}`);
  }, 600_000);
});
