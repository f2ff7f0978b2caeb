// The bandwidth a migration gets: the slower of the two hosts' links on the
// migration network (the management network unless host.migrate_receive
// named another; a host without a PIF there uses its management link),
// carried as TCP payload, shared equally by the migrations using either host.
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { TCP_PAYLOAD_EFFICIENCY } from './precopy';

const DEFAULT_MBIT = 1000;

/** Link speed in Mbit/s of a host's PIF on `network` (default: its management PIF). */
export function managementLinkMbit(engine: Engine, host: string, network?: string): number {
  const pifs = engine.world.get('host', host).PIFs.map((pif) => engine.world.find('PIF', pif));
  const onNetwork = network !== undefined && pifs.some((p) => p?.network === network);
  for (const p of pifs) {
    if (p === undefined || (onNetwork ? p.network !== network : !p.management)) continue;
    const speed = engine.world.find('PIF_metrics', p.metrics)?.speed ?? 0;
    return speed > 0 ? speed : DEFAULT_MBIT;
  }
  return DEFAULT_MBIT;
}

/** VMs being migrated right now, with their ends (resident_on → scheduled_to_be_resident_on). */
export function runningMigrations(engine: Engine): { vm: string; source: string; destination: string }[] {
  const out: { vm: string; source: string; destination: string }[] = [];
  for (const vm of engine.operations.targetsOf('VM')) {
    const r = engine.world.find('VM', vm);
    if (r === undefined) continue;
    const ops = Object.values(r.current_operations);
    if (!ops.includes('pool_migrate') && !ops.includes('migrate_send')) continue;
    if (r.scheduled_to_be_resident_on === NULL_REF) continue;
    out.push({ vm, source: r.resident_on, destination: r.scheduled_to_be_resident_on });
  }
  return out;
}

/** Payload bytes/s for a migration from `source` to `destination` now. */
export function migrationBandwidth(engine: Engine, source: string, destination: string, network?: string): number {
  const mbit = Math.min(managementLinkMbit(engine, source, network), managementLinkMbit(engine, destination, network));
  const involves = (h: string) => runningMigrations(engine).filter((m) => m.source === h || m.destination === h).length;
  const sharing = Math.max(1, involves(source), involves(destination));
  return (mbit * 1e6 * TCP_PAYLOAD_EFFICIENCY) / 8 / sharing;
}
