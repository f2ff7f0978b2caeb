// The installer's hardware check: what stops an install (blockers) and what
// only deserves a warning. Thresholds are XenServer 8's installer minimums
// and recommendations; the "old limits" are those the course notes quote
// (XenServer 6.x: 128 GB RAM, 6 NICs, 32 logical CPUs). Every finding says
// what was found, what is needed and what it means for the learner.
import { GiB, logicalCpus, type MachineSpec } from './machine-spec';

export type Severity = 'blocker' | 'warning';

export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly subject: 'CPU' | 'Memory' | 'Disk' | 'Network';
  readonly found: string;
  readonly needed: string;
  readonly meaning: string;
}

export const MIN_RAM = 1 * GiB;
export const LOW_RAM = 2 * GiB;
export const RECOMMENDED_RAM = 4 * GiB;
/** The installer's partitions (40.5 GiB) plus room for a first local SR. */
export const MIN_DISK = 46 * GiB;
export const RECOMMENDED_DISK = 70 * GiB;
export const MIN_MHZ = 1500;
/**
 * XenServer 8's per-host configuration limits (docs.xenserver.com/en-us/xenserver/8/
 * system-requirements/configuration-limits, "XenServer host limits"). 960 logical
 * CPUs is confirmed by XCP-ng 8.3's release notes, which carry the XenServer change
 * ("Logical processors per host: raised to 960, depending on CPU support"); 6 TiB
 * of RAM and 16 physical NICs are the same table's figures (Citrix Hypervisor 8.2
 * had 448 CPUs, 6 TB, 16 NICs), still unconfirmed: searched again in session 5,
 * every stored copy of that page (docs.xenserver.com/en-us/xenserver/8/system-
 * requirements/configuration-limits, docs.citrix.com current-release) ends inside
 * or just after its VM table (an older Citrix copy reads "Logical processors per
 * host 288"). The old figures are the course notes' own, from a release before
 * 6.0: XenServer 6's were higher (1 TB RAM, 16 NICs, 64 logical CPUs, per svkit.com's
 * XenServer 6 administration notes).
 */
export const TODAY_LIMITS = { memory: 6 * 1024 * GiB, nics: 16, cpus: 960 } as const;
/** The old limits the course notes quote. */
export const OLD_LIMITS = { memory: 128 * GiB, nics: 6, cpus: 32 } as const;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * GiB) return `${(bytes / (1024 * GiB)).toFixed(bytes % (1024 * GiB) === 0 ? 0 : 1)} TiB`;
  const gib = bytes / GiB;
  return `${gib >= 100 || Number.isInteger(gib) ? gib.toFixed(0) : gib.toFixed(1)} GiB`;
}

function limitFindings(spec: MachineSpec): Finding[] {
  const out: Finding[] = [];
  const cpus = logicalCpus(spec.cpu);
  const checks = [
    { key: 'memory', subject: 'Memory', value: spec.memory, show: formatBytes, old: OLD_LIMITS.memory, today: TODAY_LIMITS.memory, what: 'RAM' },
    { key: 'nics', subject: 'Network', value: spec.nics.length, show: String, old: OLD_LIMITS.nics, today: TODAY_LIMITS.nics, what: 'NICs' },
    { key: 'cpus', subject: 'CPU', value: cpus, show: String, old: OLD_LIMITS.cpus, today: TODAY_LIMITS.cpus, what: 'logical CPUs' },
  ] as const;
  for (const c of checks) {
    if (c.value > c.today) {
      out.push({
        id: `limit-${c.key}`, severity: 'warning', subject: c.subject,
        found: `${c.show(c.value)} ${c.what}`,
        needed: `at most ${c.show(c.today)} ${c.what} (XenServer 8's supported limit)`,
        meaning: `XenServer will install, but the ${c.what} beyond the limit are not supported and may go unused.`,
      });
    } else if (c.value > c.old) {
      out.push({
        id: `old-limit-${c.key}`, severity: 'warning', subject: c.subject,
        found: `${c.show(c.value)} ${c.what}`,
        needed: `at most ${c.show(c.old)} ${c.what} in the course notes' old limits; XenServer 8 supports up to ${c.show(c.today)}`,
        meaning: 'Fine for XenServer 8; an old XenServer release (the one the course notes describe) would not have supported it.',
      });
    }
  }
  return out;
}

/** All findings for a machine, blockers first. */
export function hardwareCheck(spec: MachineSpec): Finding[] {
  const out: Finding[] = [];
  const { cpu } = spec;
  if (cpu.arch !== 'x86_64') {
    const arch = cpu.arch === 'i686' ? 'a 32-bit x86 (i686) CPU' : 'an ARM (aarch64) CPU';
    out.push({
      id: 'cpu-arch', severity: 'blocker', subject: 'CPU',
      found: `${cpu.modelname}: ${arch}`,
      needed: 'a 64-bit x86 CPU (x86-64: Intel 64 or AMD64)',
      meaning: 'Xen and XenServer\'s control domain are built for 64-bit x86 only: the installer cannot run on this machine.',
    });
  }
  if (spec.memory < MIN_RAM) {
    out.push({
      id: 'ram-min', severity: 'blocker', subject: 'Memory',
      found: formatBytes(spec.memory), needed: 'at least 1 GiB',
      meaning: 'The control domain alone needs about 1 GiB: XenServer cannot boot with less.',
    });
  }
  const largest = Math.max(0, ...spec.disks.map((d) => d.size));
  if (spec.disks.length === 0 || largest < MIN_DISK) {
    out.push({
      id: 'disk-min', severity: 'blocker', subject: 'Disk',
      found: spec.disks.length === 0 ? 'no disk' : `largest disk ${formatBytes(largest)}`,
      needed: 'a disk of at least 46 GiB',
      meaning: 'The installer\'s partitions alone take 40.5 GiB (root 18, backup 18, logs 4, swap 1, boot 0.5): there is no room to install.',
    });
  }
  if (spec.nics.length === 0) {
    out.push({
      id: 'nic-none', severity: 'blocker', subject: 'Network',
      found: 'no network interface', needed: 'at least one NIC',
      meaning: 'XenServer is managed over the network (XenAPI on its management interface): a host without a NIC cannot be managed.',
    });
  }
  const cores = cpu.sockets * cpu.coresPerSocket;
  if (cpu.mhz < MIN_MHZ || cores === 1) {
    out.push({
      id: 'cpu-slow', severity: 'warning', subject: 'CPU',
      found: `${(cpu.mhz / 1000).toFixed(2)} GHz, ${String(cores)} core${cores === 1 ? '' : 's'}`,
      needed: 'at least 1.5 GHz; 2 GHz or faster with several cores recommended',
      meaning: 'XenServer will run, but the control domain and every guest share this CPU: expect a slow host.',
    });
  }
  if (spec.memory >= MIN_RAM && spec.memory < LOW_RAM) {
    out.push({
      id: 'ram-low', severity: 'warning', subject: 'Memory',
      found: formatBytes(spec.memory), needed: '2 GiB minimum; 4 GiB or more recommended',
      meaning: 'The control domain takes most of it: there will be almost no memory left for VMs.',
    });
  } else if (spec.memory >= LOW_RAM && spec.memory < RECOMMENDED_RAM) {
    out.push({
      id: 'ram-recommended', severity: 'warning', subject: 'Memory',
      found: formatBytes(spec.memory), needed: '4 GiB or more recommended',
      meaning: 'After the control domain\'s share, only a small VM or two will fit.',
    });
  }
  if (largest >= MIN_DISK && largest < RECOMMENDED_DISK) {
    out.push({
      id: 'disk-small', severity: 'warning', subject: 'Disk',
      found: `largest disk ${formatBytes(largest)}`, needed: '70 GiB or more recommended (the course notes say 60 GB)',
      meaning: 'The installer\'s partitions take 40.5 GiB: the local SR for VM disks will be small.',
    });
  }
  if (cpu.arch === 'x86_64' && !cpu.hardwareAssist) {
    out.push({
      id: 'cpu-no-hvm', severity: 'warning', subject: 'CPU',
      found: `${cpu.modelname}: no ${cpu.vendor === 'AuthenticAMD' ? 'AMD-V' : 'Intel VT-x'}`,
      needed: 'hardware virtualization (Intel VT-x or AMD-V), enabled in the firmware',
      meaning: 'Only paravirtualized (PV) guests will run: HVM guests such as Windows will not start.',
    });
  }
  if (spec.nics.length > 0 && spec.nics.every((n) => n.speed < 1000)) {
    out.push({
      id: 'nic-slow', severity: 'warning', subject: 'Network',
      found: `${String(Math.max(...spec.nics.map((n) => n.speed)))} Mbit/s`, needed: 'a Gigabit NIC recommended',
      meaning: 'Management, storage and migration traffic will be slow.',
    });
  }
  out.push(...limitFindings(spec));
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocker' ? -1 : 1));
}

export function blockers(spec: MachineSpec): Finding[] {
  return hardwareCheck(spec).filter((f) => f.severity === 'blocker');
}
