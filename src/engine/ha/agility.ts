// "Agile" VMs (xapi's HA design): every disk on a properly shared SR (shared,
// with an attached PBD on every enabled host) and every VIF on a properly
// shared network (an attached PIF on every enabled host). Only agile VMs can be
// protected, because the planner assumes a protected VM can start anywhere.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';

function enabledHosts(engine: Engine): string[] {
  return [...engine.world.entries('host')].filter(([, h]) => h.enabled).map(([ref]) => ref);
}

export function srProperlyShared(engine: Engine, sr: string): boolean {
  const record = engine.world.find('SR', sr);
  if (record === undefined || !record.shared) return false;
  return enabledHosts(engine).every((host) =>
    record.PBDs.some((p) => {
      const pbd = engine.world.find('PBD', p);
      return pbd?.host === host && pbd.currently_attached;
    }),
  );
}

export function networkProperlyShared(engine: Engine, network: string): boolean {
  const record = engine.world.find('network', network);
  if (record === undefined) return false;
  return enabledHosts(engine).every((host) =>
    record.PIFs.some((p) => {
      const pif = engine.world.find('PIF', p);
      return pif?.host === host && pif.currently_attached;
    }),
  );
}

/** Throws xapi's HA_CONSTRAINT_VIOLATION_* for the first thing that ties the VM to some hosts. */
export function assertAgile(engine: Engine, vm: string): void {
  const record = engine.world.get('VM', vm);
  for (const vbd of record.VBDs) {
    const v = engine.world.find('VBD', vbd);
    if (v === undefined || v.empty || v.VDI === NULL_REF) continue;
    const sr = engine.world.find('VDI', v.VDI)?.SR;
    if (sr !== undefined && !srProperlyShared(engine, sr)) throw xenError('HA_CONSTRAINT_VIOLATION_SR_NOT_SHARED', sr);
  }
  for (const vif of record.VIFs) {
    const network = engine.world.find('VIF', vif)?.network;
    if (network !== undefined && network !== NULL_REF && !networkProperlyShared(engine, network)) throw xenError('HA_CONSTRAINT_VIOLATION_NETWORK_NOT_SHARED', network);
  }
}
