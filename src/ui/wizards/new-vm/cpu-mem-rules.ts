// The CPU & Memory page's rules: vCPU counts and their topology (XenCenter's
// CPUTopologyComboBox: cores per socket divide the vCPUs, at most 16 sockets,
// no more cores per socket than the servers have), and memory checked against
// the template's minimum, XenServer's limit for the guest and the servers.
import { formatBytes } from '../../format/bytes';
import type { HostFacts } from './pool-facts';
import type { TemplateFacts } from './template-facts';
import { UNIT_BYTES, type WizardState } from './wizard-state';

/** Xen's limit on virtual sockets (XenCenter VM.MAX_SOCKETS, CA-198276). */
export const MAX_SOCKETS = 16;
/** More vCPUs than this only for trusted guests (XenCenter VM.MAX_VCPUS_FOR_NON_TRUSTED_VMS, CP-41825). */
export const MAX_VCPUS_UNTRUSTED = 32;

export interface FieldIssue {
  readonly error?: string;
  readonly warning?: string;
}

/** A whole number typed in a field, or undefined. */
export function parseCount(text: string): number | undefined {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** Memory typed in a field, in bytes (whole MiB), or undefined. */
export function parseMemory(text: string, unit: WizardState['memoryUnit']): number | undefined {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const bytes = Number(t) * UNIT_BYTES[unit];
  return Math.round(bytes / 1024 ** 2) * 1024 ** 2;
}

/** The most cores per socket any server has (0: unknown). */
export function maxCoresPerSocket(hosts: readonly HostFacts[]): number {
  return hosts.reduce((m, h) => Math.max(m, h.coresPerSocket), 0);
}

/** Valid cores-per-socket values for `vcpus` (XenCenter's GetTopologies). */
export function topologies(vcpus: number, maxCores: number): { cores: number; sockets: number }[] {
  const limit = maxCores > 0 ? Math.min(vcpus, maxCores) : vcpus;
  const out: { cores: number; sockets: number }[] = [];
  for (let cores = 1; cores <= limit; cores++) if (vcpus % cores === 0 && vcpus / cores <= MAX_SOCKETS) out.push({ cores, sockets: vcpus / cores });
  return out;
}

/** XenCenter's topology wording: "2 sockets with 4 cores per socket". */
export function topologyText(sockets: number, cores: number): string {
  const s = sockets === 1 ? '1 socket' : `${String(sockets)} sockets`;
  const c = cores === 1 ? '1 core per socket' : `${String(cores)} cores per socket`;
  return `${s} with ${c}`;
}

/** The cores per socket to keep when the vCPU count changes: the current value if still valid, else the first valid one. */
export function adjustCores(vcpus: number, current: number, maxCores: number): number {
  const options = topologies(vcpus, maxCores);
  return options.some((o) => o.cores === current) ? current : (options[0]?.cores ?? current);
}

export function vcpuIssue(s: WizardState, t: TemplateFacts, hosts: readonly HostFacts[]): FieldIssue {
  const n = parseCount(s.vcpus);
  if (n === undefined) return { error: 'Enter a whole number of vCPUs.' };
  if (n < 1) return { error: 'A VM needs at least 1 vCPU.' };
  if (n > t.limits.maxVcpus) return { error: `${t.name} supports at most ${String(t.limits.maxVcpus)} vCPUs.` };
  if (topologies(n, maxCoresPerSocket(hosts)).length === 0) {
    return { error: `${String(n)} vCPUs cannot be arranged in at most ${String(MAX_SOCKETS)} sockets of at most ${String(maxCoresPerSocket(hosts))} cores each; choose another number.` };
  }
  const warnings: string[] = [];
  if (n < t.limits.minVcpus) warnings.push(`It is recommended to allocate at least ${String(t.limits.minVcpus)} vCPUs for this VM.`);
  const most = hosts.reduce((m, h) => Math.max(m, h.cpus), 0);
  if (most > 0 && n > most) warnings.push(`You have specified ${String(n)} vCPUs, but none of the pool servers have more than ${String(most)} physical CPUs. You will not be able to start the VM.`);
  if (n > MAX_VCPUS_UNTRUSTED) warnings.push(`You have selected more than ${String(MAX_VCPUS_UNTRUSTED)} vCPUs for the new VM. Where a VM may be running actively hostile privileged code, a limit of ${String(MAX_VCPUS_UNTRUSTED)} vCPUs is recommended to protect the server's availability.`);
  return warnings.length > 0 ? { warning: warnings.join(' ') } : {};
}

export function initialVcpuIssue(s: WizardState, t: TemplateFacts): FieldIssue {
  if (t.windows) return {};
  const n = parseCount(s.initialVcpus);
  const max = parseCount(s.vcpus);
  if (n === undefined) return { error: 'Enter a whole number of vCPUs.' };
  if (n < 1) return { error: 'A VM needs at least 1 vCPU at startup.' };
  if (max !== undefined && n > max) return { error: `The initial number of vCPUs cannot be more than the maximum (${String(max)}).` };
  if (n < t.limits.minVcpus) return { warning: `It is recommended to allocate at least ${String(t.limits.minVcpus)} vCPUs for this VM.` };
  return {};
}

export function topologyIssue(s: WizardState, hosts: readonly HostFacts[]): FieldIssue {
  const n = parseCount(s.vcpus);
  if (n === undefined || n < 1) return {};
  if (n % s.coresPerSocket !== 0) return { error: 'The number of vCPUs must be a multiple of the number of cores per socket.' };
  if (n / s.coresPerSocket > MAX_SOCKETS) return { error: `The number of sockets must be at most ${String(MAX_SOCKETS)}.` };
  const most = maxCoresPerSocket(hosts);
  if (most > 0 && s.coresPerSocket > most) return { error: `No server has more than ${String(most)} cores per socket.` };
  return {};
}

function memoryLimits(value: number, t: TemplateFacts, hosts: readonly HostFacts[]): FieldIssue {
  if (value < t.memoryStaticMin) return { error: `${t.name} needs at least ${formatBytes(t.memoryStaticMin)} of memory.` };
  if (value > t.limits.maxMemory) return { error: `XenServer supports at most ${formatBytes(t.limits.maxMemory)} of memory for this guest.` };
  const total = hosts.reduce((m, h) => Math.max(m, h.memoryTotal), 0);
  if (total > 0 && value > total) return { error: `The amount of memory allocated to the new VM is greater than the amount of physical memory on any server in the pool (${formatBytes(total)}).` };
  const free = hosts.filter((h) => h.live).reduce((m, h) => Math.max(m, h.memoryFree), 0);
  if (value > free) return { warning: `The amount of memory allocated to the new VM is greater than the amount of physical memory available on any server in the pool (${formatBytes(free)}). You will not be able to start it until memory is freed.` };
  return {};
}

/** The memory the VM starts with: the only value, or the minimum with ballooning. */
export function memoryMinIssue(s: WizardState, t: TemplateFacts, hosts: readonly HostFacts[]): FieldIssue {
  const v = parseMemory(s.memoryMin, s.memoryUnit);
  if (v === undefined || v <= 0) return { error: `Enter an amount of memory in ${s.memoryUnit}.` };
  return memoryLimits(v, t, hosts);
}

export function memoryMaxIssue(s: WizardState, t: TemplateFacts, hosts: readonly HostFacts[]): FieldIssue {
  if (!t.ballooning) return {};
  const max = parseMemory(s.memoryMax, s.memoryUnit);
  if (max === undefined || max <= 0) return { error: `Enter an amount of memory in ${s.memoryUnit}.` };
  const min = parseMemory(s.memoryMin, s.memoryUnit);
  if (min !== undefined && max < min) return { error: 'The maximum memory cannot be less than the minimum.' };
  // xapi: dynamic_min must be at least a quarter of static_max (XenCenter's memory ratio).
  if (min !== undefined && min * 4 < max) return { error: `The maximum can be at most four times the minimum (${formatBytes(min * 4)}).` };
  const limits = memoryLimits(max, t, hosts);
  return limits.error !== undefined ? limits : {};
}

/** The memory settings as bytes (static_max = dynamic_max without a separate static maximum). */
export function memorySettings(s: WizardState, t: TemplateFacts): { dynamicMin: number; dynamicMax: number; staticMax: number } | undefined {
  const min = parseMemory(s.memoryMin, s.memoryUnit);
  const max = t.ballooning ? parseMemory(s.memoryMax, s.memoryUnit) : min;
  if (min === undefined || max === undefined) return undefined;
  return { dynamicMin: min, dynamicMax: max, staticMax: max };
}
