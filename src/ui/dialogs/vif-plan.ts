// The rules of the network interface dialog (XenCenter's VIFDialog): the
// networks a VM may join (not the hosts' internal ones), a typed MAC checked
// at the field (six hex octets, unicast, not already another interface's in
// the pool), a QoS limit in kB/s, and the VIF.create record. A VIF's network
// and MAC are fixed for its life, so changing them replaces the interface at
// the same position, as XenCenter does.
import { naturalCompare } from '../format/natural-compare';
import type { CacheReader } from '../actions/action-types';

export interface VifForm {
  readonly network: string;
  readonly autoMac: boolean;
  readonly mac: string;
  readonly qos: boolean;
  readonly kbps: string;
}

export function vifNetworks(cache: CacheReader): { ref: string; name: string }[] {
  return [...cache.all('network')]
    .filter(([, n]) => n.other_config['is_host_internal_management_network'] !== 'true' && n.other_config['HideFromXenCenter'] !== 'true')
    .map(([ref, n]) => ({ ref, name: n.name_label }))
    .sort((a, b) => naturalCompare(a.name, b.name));
}

export function macError(cache: CacheReader, form: VifForm, self: string | undefined): string | undefined {
  if (form.autoMac) return undefined;
  const mac = form.mac.trim().toLowerCase().replaceAll('-', ':');
  if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(mac)) return 'Enter the MAC as six pairs of hex digits, such as 02:16:3e:12:34:56.';
  if ((parseInt(mac.slice(0, 2), 16) & 1) === 1) return 'That is a multicast address: a network interface needs a unicast MAC (even first octet).';
  for (const [ref, vif] of cache.all('VIF')) {
    if (ref !== self && vif.MAC.toLowerCase() === mac) return `Another network interface (on ${cache.get('VM', vif.VM)?.name_label ?? 'a VM'}) already has this MAC.`;
  }
  return undefined;
}

export function kbpsError(form: VifForm): string | undefined {
  if (!form.qos) return undefined;
  return /^\d+$/.test(form.kbps.trim()) && Number(form.kbps) > 0 ? undefined : 'Enter the limit as a whole number of kB/s.';
}

/** The first free interface position (0–6), or undefined when all seven are taken. */
export function freeVifDevice(cache: CacheReader, vm: string): string | undefined {
  const used = new Set((cache.get('VM', vm)?.VIFs ?? []).map((v) => cache.get('VIF', v)?.device));
  for (let d = 0; d <= 6; d++) if (!used.has(String(d))) return String(d);
  return undefined;
}

export function vifRecord(cache: CacheReader, vm: string, device: string, form: VifForm, keepMac?: string): Record<string, unknown> {
  const mac = form.autoMac ? (keepMac ?? '') : form.mac.trim().toLowerCase().replaceAll('-', ':');
  return {
    device,
    network: form.network,
    VM: vm,
    MAC: mac,
    MTU: cache.get('network', form.network)?.MTU ?? 1500,
    other_config: {},
    qos_algorithm_type: form.qos ? 'ratelimit' : '',
    qos_algorithm_params: form.qos ? { kbps: form.kbps.trim() } : {},
  };
}
