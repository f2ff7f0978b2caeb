// A simulated DHCP server per network. A network whose hosts have an address
// on it (the management network) serves that /24; any other network, and
// every private (host-internal, no PIF) one, gets its own /24 derived from
// the network's uuid: 192.168.100–199.0/24 for external networks, 10.x.y.0/24
// for private ones. Leases come from .100–.199: the first free address at or
// after a spot fixed by the VIF's MAC, so the same VIF tends to get the same
// address back, and two guests never share one (addresses in use by running
// guests, hosts and statically configured OSes are skipped).
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { STATIC_IP_KEY } from './guest-os';

const FIRST = 100;
const LAST = 199;

export interface Subnet {
  /** The first three octets, "a.b.c". */
  readonly prefix: string;
  readonly gateway: string;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function subnetOf(engine: Engine, network: string): Subnet {
  const record = engine.world.get('network', network);
  for (const pif of record.PIFs) {
    const p = engine.world.find('PIF', pif);
    if (p !== undefined && p.IP !== '' && p.netmask === '255.255.255.0') {
      const prefix = p.IP.split('.').slice(0, 3).join('.');
      return { prefix, gateway: p.gateway !== '' ? p.gateway : `${prefix}.1` };
    }
  }
  const h = hash(record.uuid);
  const prefix = record.PIFs.length > 0 ? `192.168.${String(100 + (h % 100))}` : `10.${String(1 + (h % 250))}.${String((h >>> 8) % 256)}`;
  return { prefix, gateway: `${prefix}.1` };
}

/** Every IPv4 address in use that a lease must avoid. */
function addressesInUse(engine: Engine, exceptVm: string): Set<string> {
  const used = new Set<string>();
  for (const [, pif] of engine.world.entries('PIF')) if (pif.IP !== '') used.add(pif.IP);
  for (const [ref, vm] of engine.world.entries('VM')) {
    if (ref === exceptVm) continue;
    const gm = engine.world.find('VM_guest_metrics', vm.guest_metrics);
    if (gm === undefined || !gm.live) continue;
    for (const [key, ip] of Object.entries(gm.networks)) if (key.endsWith('/ip')) used.add(ip);
  }
  for (const [, vdi] of engine.world.entries('VDI')) {
    const ip = vdi.other_config[STATIC_IP_KEY];
    if (ip !== undefined) used.add(ip);
  }
  return used;
}

/** The address the network's DHCP server gives VIF `vif`, or undefined when its pool is exhausted. */
export function leaseFor(engine: Engine, vif: string, taken: ReadonlySet<string> = new Set()): string | undefined {
  const r = engine.world.get('VIF', vif);
  if (r.network === NULL_REF || !engine.world.has('network', r.network)) return undefined;
  const { prefix } = subnetOf(engine, r.network);
  const used = addressesInUse(engine, r.VM);
  const span = LAST - FIRST + 1;
  const start = hash(r.MAC) % span;
  for (let i = 0; i < span; i++) {
    const ip = `${prefix}.${String(FIRST + ((start + i) % span))}`;
    if (!used.has(ip) && !taken.has(ip)) return ip;
  }
  return undefined;
}
