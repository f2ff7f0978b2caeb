// The rows of the Networking and NICs tabs, derived from the cache: a VM's
// VIFs, the networks of a server or pool with their NICs, the management
// interfaces' IP configuration, and a server's physical NICs.
import type { RecordOf } from '../../../xapi/types';
import type { ObjectCache } from '../../cache/object-cache';
import { guestAddresses } from '../../format/vm-words';
import { naturalCompare } from '../../format/natural-compare';

type Row = { readonly [key: string]: string | number | boolean | undefined };

export interface VifRow extends Row {
  readonly ref: string;
  readonly device: string;
  readonly mac: string;
  readonly limit: string;
  readonly network: string;
  readonly ip: string;
  readonly active: boolean;
}

export function vifRows(cache: ObjectCache, vmRef: string): VifRow[] {
  const vm = cache.get('VM', vmRef);
  if (vm === undefined) return [];
  const live = vm.power_state === 'Running' || vm.power_state === 'Paused';
  const gm = live ? cache.get('VM_guest_metrics', vm.guest_metrics) : undefined;
  const rows = vm.VIFs.flatMap((ref): VifRow[] => {
    const vif = cache.get('VIF', ref);
    if (vif === undefined) return [];
    const kbps = vif.qos_algorithm_type === 'ratelimit' ? vif.qos_algorithm_params['kbps'] : undefined;
    return [
      {
        ref,
        device: vif.device,
        mac: vif.MAC,
        limit: kbps === undefined || kbps === '' ? '' : `${kbps} kB/s`,
        network: cache.get('network', vif.network)?.name_label ?? '',
        ip: guestAddresses(gm, vif.device).join(', '),
        active: vif.currently_attached,
      },
    ];
  });
  return rows.sort((a, b) => naturalCompare(a.device, b.device));
}

export interface NetworkRow extends Row {
  readonly ref: string;
  readonly name: string;
  readonly description: string;
  readonly nic: string;
  readonly vlan: string;
  readonly auto: boolean;
  readonly link: string;
  readonly mac: string;
  readonly mtu: number;
}

function hiddenNetwork(n: RecordOf<'network'>): boolean {
  return n.other_config['is_host_internal_management_network'] === 'true' || n.other_config['HideFromXenCenter'] === 'true';
}

function linkStatus(cache: ObjectCache, pif: RecordOf<'PIF'>): boolean {
  return pif.currently_attached && cache.get('PIF_metrics', pif.metrics)?.carrier === true;
}

/** Networks of a server (its PIF on each) or, with no host, of the pool (NICs of all servers together). */
export function networkRows(cache: ObjectCache, hostRef: string | undefined, showHidden: boolean): NetworkRow[] {
  const rows: NetworkRow[] = [];
  for (const [ref, n] of cache.all('network')) {
    if (!showHidden && hiddenNetwork(n)) continue;
    const pifs = n.PIFs.map((p) => cache.get('PIF', p)).filter((p) => p !== undefined && (hostRef === undefined || p.host === hostRef)) as RecordOf<'PIF'>[];
    // A server shows the networks it has a NIC on, and private networks (no NICs anywhere).
    if (hostRef !== undefined && pifs.length === 0 && n.PIFs.length > 0) continue;
    const devices = [...new Set(pifs.map((p) => p.device))].sort(naturalCompare);
    const vlans = [...new Set(pifs.map((p) => p.VLAN).filter((v) => v >= 0))].sort((a, b) => a - b);
    const up = pifs.filter((p) => linkStatus(cache, p)).length;
    const link = pifs.length === 0 ? '' : up === pifs.length ? 'Connected' : up === 0 ? 'Disconnected' : `Connected on ${String(up)} of ${String(pifs.length)} servers`;
    rows.push({
      ref,
      name: n.name_label,
      description: n.name_description,
      nic: devices.join(', '),
      vlan: vlans.join(', '),
      auto: n.other_config['automatic'] !== 'false',
      link,
      mac: hostRef !== undefined && pifs.length === 1 ? (pifs[0]?.MAC ?? '') : '',
      mtu: n.MTU,
    });
  }
  return rows.sort((a, b) => naturalCompare(a.nic === '' ? '~' : a.nic, b.nic === '' ? '~' : b.nic) || naturalCompare(a.name, b.name));
}

export interface IpConfigRow extends Row {
  readonly ref: string;
  readonly server: string;
  readonly interface: string;
  readonly network: string;
  readonly nic: string;
  readonly mode: string;
  readonly ip: string;
  readonly netmask: string;
  readonly gateway: string;
  readonly dns: string;
}

/** XenCenter's "IP Address Configuration": the management interface (and any other PIF with an IP) of each server. */
export function ipConfigRows(cache: ObjectCache, hostRef: string | undefined): IpConfigRow[] {
  const rows: IpConfigRow[] = [];
  for (const [ref, pif] of cache.all('PIF')) {
    if (hostRef !== undefined && pif.host !== hostRef) continue;
    if (!pif.management && pif.ip_configuration_mode === 'None') continue;
    rows.push({
      ref,
      server: cache.get('host', pif.host)?.name_label ?? '',
      interface: pif.management ? 'Management' : (pif.other_config['management_purpose'] ?? 'Secondary'),
      network: cache.get('network', pif.network)?.name_label ?? '',
      nic: pif.device,
      mode: pif.ip_configuration_mode,
      ip: pif.IP,
      netmask: pif.netmask,
      gateway: pif.gateway,
      dns: pif.DNS,
    });
  }
  return rows.sort((a, b) => naturalCompare(a.server, b.server) || Number(b.interface === 'Management') - Number(a.interface === 'Management') || naturalCompare(a.nic, b.nic));
}

export interface NicRow extends Row {
  readonly ref: string;
  readonly nic: string;
  readonly mac: string;
  readonly link: string;
  readonly speed: string;
  readonly duplex: string;
  readonly vendor: string;
  readonly device: string;
  readonly pciBus: string;
}

/** A server's physical NICs (physical PIFs), eth0 first. */
export function nicRows(cache: ObjectCache, hostRef: string): NicRow[] {
  const host = cache.get('host', hostRef);
  if (host === undefined) return [];
  const rows = host.PIFs.flatMap((ref): NicRow[] => {
    const pif = cache.get('PIF', ref);
    if (pif === undefined || !pif.physical) return [];
    const m = cache.get('PIF_metrics', pif.metrics);
    const up = linkStatus(cache, pif);
    return [
      {
        ref,
        nic: pif.device,
        mac: pif.MAC,
        link: up ? 'Connected' : 'Disconnected',
        speed: up && m !== undefined && m.speed > 0 ? `${String(m.speed)} Mbit/s` : '',
        duplex: !up || m === undefined ? '' : m.duplex ? 'Full' : 'Half',
        vendor: m?.vendor_name ?? '',
        device: m?.device_name ?? '',
        pciBus: m?.pci_bus_path ?? '',
      },
    ];
  });
  return rows.sort((a, b) => naturalCompare(a.nic, b.nic));
}
