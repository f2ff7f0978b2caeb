// The guest has booted (called when the guest OS's boot time is up): it runs
// its installed OS, whose tools report VM_guest_metrics with the addresses
// the network's DHCP gave it; or an installer; or nothing at all.
// Installing the tools is done the XenCenter way: the guest-tools.iso is
// inserted into the running guest's CD drive (VBD.insert); the simulated
// user runs its setup, which takes virtual time, marks the OS's disk, and —
// on Windows — reboots the guest.
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { restartDomain } from '../vm/lifecycle-jobs';
import { bootTarget } from './boot';
import { leaseFor } from './dhcp';
import { guestMetricsFields, networksMap, toolsVersionOf } from './guest-metrics';
import { installedOs, PHASE_KEY, PROGRESS_KEY, setDiskKeys, setGuestState, TOOLS_KEY } from './guest-os';
import { startInstall } from './install';

/** Running XenServer VM Tools setup inside the guest. */
const TOOLS_SETUP_SECONDS = { windows: 90, linux: 30, other: 30 } as const;

/** The tools of a running OS report in: OS, drivers, and each attached VIF's address. */
export function reportGuestMetrics(engine: Engine, vm: string): void {
  const installed = installedOs(engine, vm);
  const record = engine.world.get('VM', vm);
  if (installed === undefined || installed.tools === undefined) return;
  const vifs = record.VIFs.map((v) => ({ ref: v, r: engine.world.find('VIF', v) }))
    .filter((v) => v.r !== undefined && v.r.currently_attached)
    .sort((a, b) => Number(a.r?.device) - Number(b.r?.device));
  const taken = new Set<string>();
  const addresses: { device: string; ip: string; mac: string }[] = [];
  for (const { ref, r } of vifs) {
    if (r === undefined) continue;
    const ip = r.device === '0' && installed.staticIp !== undefined ? installed.staticIp : leaseFor(engine, ref, taken);
    if (ip === undefined) continue;
    taken.add(ip);
    addresses.push({ device: r.device, ip, mac: r.MAC });
  }
  const fields = guestMetricsFields(engine, installed.os, record.name_label, networksMap(addresses), true);
  if (engine.world.has('VM_guest_metrics', record.guest_metrics)) {
    engine.world.update('VM_guest_metrics', record.guest_metrics, fields as never);
    engine.world.update('VM', vm, {}); // its allowed_operations follow the drivers
  } else {
    engine.world.update('VM', vm, { guest_metrics: engine.world.create('VM_guest_metrics', fields as never) });
  }
}

/** A tools ISO in the drive of a running OS without tools: its setup runs. */
function maybeRunToolsSetup(engine: Engine, vm: string): void {
  const record = engine.world.get('VM', vm);
  if (record.power_state !== 'Running') return;
  const installed = installedOs(engine, vm);
  if (installed === undefined || installed.tools !== undefined || installed.os.family === 'other') return;
  if (record.other_config[PHASE_KEY] !== undefined && record.other_config[PROGRESS_KEY] !== '100') return; // an installer is running
  const toolsCd = record.VBDs.some((vbd) => {
    const r = engine.world.find('VBD', vbd);
    return r !== undefined && r.type === 'CD' && !r.empty && engine.world.find('VDI', r.VDI)?.is_tools_iso === true;
  });
  if (!toolsCd) return;
  engine.scheduler.after(TOOLS_SETUP_SECONDS[installed.os.family], 'guest.tools.installed', { vm, domid: record.domid });
}

/** VBD.insert put `vdi` in a drive of `vm`. */
export function onCdInserted(engine: Engine, vm: string): void {
  maybeRunToolsSetup(engine, vm);
}

export function onGuestBoot(engine: Engine, vm: string, domid: number): void {
  const target = bootTarget(engine, vm);
  if (target.kind === 'os') {
    reportGuestMetrics(engine, vm);
    maybeRunToolsSetup(engine, vm);
  } else if (target.kind === 'install') {
    startInstall(engine, vm, domid, target);
  } else {
    setGuestState(engine, vm, { [PHASE_KEY]: 'No bootable device', [PROGRESS_KEY]: undefined });
  }
}

const toolsInstalled: JobHandler = (engine, a) => {
  const vm = a['vm'] as string;
  const record = engine.world.find('VM', vm);
  if (record === undefined || record.domid !== a['domid'] || record.power_state !== 'Running') return;
  const installed = installedOs(engine, vm);
  if (installed === undefined || installed.tools !== undefined) return;
  setDiskKeys(engine, installed.vdi, { [TOOLS_KEY]: toolsVersionOf(installed.os.family) });
  if (installed.os.family === 'windows' && record.resident_on !== NULL_REF) restartDomain(engine, vm);
  else reportGuestMetrics(engine, vm);
};

export const GUEST_UP_JOBS: readonly (readonly [string, JobHandler])[] = [['guest.tools.installed', toolsInstalled]];
