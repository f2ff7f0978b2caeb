// Faults a user can cause (Simulator.inject_fault): where they are kept and
// how to read them. A fault lives in its object's other_config under a
// "xenlab-fault-…" key whose value is the Unix time it began, so it is saved
// with the world, visible to any client, and clearly not xapi's own.
import type { Engine } from '../engine';

export const HOST_FAULTS = ['power', 'management-network', 'storage-network'] as const;
export type HostFault = (typeof HOST_FAULTS)[number];
export const SR_FAULT = 'failed';
export const PIF_FAULT = 'degraded';

export type FaultKind = HostFault | 'sr-failed' | 'nic-degraded';
export const FAULT_KINDS: readonly FaultKind[] = [...HOST_FAULTS, 'sr-failed', 'nic-degraded'];

export const faultKey = (name: string): string => `xenlab-fault-${name}`;

/** Where a host is in its own power cycle (beyond XenAPI's view of it). */
export const HOST_DOWN_KEY = 'xenlab-down'; // value: 'power' | 'fenced'
export const HOST_DOWN_SINCE_KEY = 'xenlab-down-since';

function since(config: Readonly<Record<string, string>>, key: string): number | undefined {
  const v = config[key];
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Unix time a host fault began, or undefined if it is not in effect. */
export function hostFaultSince(engine: Engine, host: string, fault: HostFault): number | undefined {
  return since(engine.world.get('host', host).other_config, faultKey(fault));
}

export function srFailedSince(engine: Engine, sr: string): number | undefined {
  const record = engine.world.find('SR', sr);
  return record === undefined ? undefined : since(record.other_config, faultKey(SR_FAULT));
}

/** Why a host is not running (its power was cut, or HA fenced it), or undefined when it runs. */
export function hostDownReason(engine: Engine, host: string): string | undefined {
  return engine.world.get('host', host).other_config[HOST_DOWN_KEY];
}

export function hostDownSince(engine: Engine, host: string): number | undefined {
  return since(engine.world.get('host', host).other_config, HOST_DOWN_SINCE_KEY);
}

export function setOtherConfig(engine: Engine, cls: 'host' | 'SR' | 'PIF', ref: string, patch: Readonly<Record<string, string | undefined>>): void {
  const current = engine.world.get(cls, ref).other_config;
  const next: Record<string, string> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  engine.world.update(cls, ref, { other_config: next });
}
