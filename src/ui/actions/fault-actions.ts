// The Faults menu: failures a learner causes on purpose to watch the pool
// cope (Simulator.inject_fault / clear_fault — simulation only, no real pool
// has these). Each acts on the server the selection is about, or on a
// selected shared SR, and each has its repair. "Degrade" slows the server's
// management NIC (where the default lab's VMs also talk) to 100 Mbit/s: its
// PIF_metrics.speed drops and the traffic it can carry with it.
import type { RecordOf } from '../../xapi/types';
import { faultKey, pifDegraded, srFailed } from '../format/fault-words';
import { OK, no, type Action, type ActionContext, type CacheReader } from './action-types';
import { hostOfSelection } from './object-actions';
import { reportFailure } from './report';
import { selectedTargets } from './targets';

type HostFault = 'power' | 'management-network' | 'storage-network';

function selectedHost(selection: readonly string[], cache: CacheReader): RecordOf<'host'> | undefined {
  const ref = hostOfSelection(selection, cache);
  return ref === undefined ? undefined : cache.get('host', ref);
}

function selectedSharedSr(selection: readonly string[], cache: CacheReader): { ref: string; sr: RecordOf<'SR'> } | undefined {
  const target = selectedTargets(selection, cache).find((t) => t.kind === 'sr');
  const sr = target === undefined ? undefined : cache.get('SR', target.ref);
  return target !== undefined && sr !== undefined && sr.shared ? { ref: target.ref, sr } : undefined;
}

function call(context: ActionContext, method: string, args: readonly unknown[], failure: string): void {
  context.api.call(method, ...args).catch((e: unknown) => reportFailure(failure, e, context.cache));
}

function hostFault(label: string, kind: HostFault, clear: boolean): Action {
  return {
    id: `fault.${clear ? 'clear' : 'inject'}.${kind}`,
    label,
    appliesTo: (selection, cache) => hostOfSelection(selection, cache) !== undefined,
    canRun: (selection, cache) => {
      const host = selectedHost(selection, cache);
      if (host === undefined) return no('Select a server (or a VM on it).');
      const active = host.other_config[faultKey(kind)] !== undefined;
      if (clear && !active) return no(`Nothing to repair on ${host.name_label}.`);
      if (!clear && active) return no(`Already done on ${host.name_label}.`);
      return OK;
    },
    run: (context) => {
      const ref = hostOfSelection(context.selection, context.cache);
      if (ref === undefined) return;
      const method = clear ? 'Simulator.clear_fault' : 'Simulator.inject_fault';
      call(context, method, clear ? [kind, ref] : [kind, ref, {}], `Could not ${label.toLowerCase()}`);
    },
  };
}

export const powerOffHost = hostFault('Pull the Power Plug', 'power', false);
export const powerOnHost = hostFault('Restore Power', 'power', true);
export const cutManagementNetwork = hostFault('Cut the Management Network', 'management-network', false);
export const restoreManagementNetwork = hostFault('Reconnect the Management Network', 'management-network', true);
export const cutStorageNetwork = hostFault('Cut the Storage Network', 'storage-network', false);
export const restoreStorageNetwork = hostFault('Reconnect the Storage Network', 'storage-network', true);

function srFault(clear: boolean): Action {
  return {
    id: `fault.${clear ? 'clear' : 'inject'}.sr`,
    label: clear ? 'Repair the Storage Repository' : 'Fail the Storage Repository',
    appliesTo: (selection, cache) => selectedSharedSr(selection, cache) !== undefined,
    canRun: (selection, cache) => {
      const found = selectedSharedSr(selection, cache);
      if (found === undefined) return no('Select a shared storage repository.');
      const failed = srFailed(found.sr.other_config);
      if (clear !== failed) return no(clear ? `${found.sr.name_label} has not failed.` : `${found.sr.name_label} has already failed.`);
      return OK;
    },
    run: (context) => {
      const found = selectedSharedSr(context.selection, context.cache);
      if (found === undefined) return;
      call(context, clear ? 'Simulator.clear_fault' : 'Simulator.inject_fault', clear ? ['sr-failed', found.ref] : ['sr-failed', found.ref, {}], 'Could not change the storage repository');
    },
  };
}

export const failSr = srFault(false);
export const repairSr = srFault(true);

/** The selected server's management PIF (the NIC "Degrade" slows). */
function managementPif(selection: readonly string[], cache: CacheReader): { ref: string; pif: RecordOf<'PIF'>; host: RecordOf<'host'> } | undefined {
  const hostRef = hostOfSelection(selection, cache);
  const host = hostRef === undefined ? undefined : cache.get('host', hostRef);
  if (hostRef === undefined || host === undefined) return undefined;
  for (const ref of host.PIFs) {
    const pif = cache.get('PIF', ref);
    if (pif?.management === true) return { ref, pif, host };
  }
  return undefined;
}

function nicFault(clear: boolean): Action {
  return {
    id: `fault.${clear ? 'clear' : 'inject'}.nic`,
    label: clear ? 'Restore the Management NIC' : 'Degrade the Management NIC',
    appliesTo: (selection, cache) => hostOfSelection(selection, cache) !== undefined,
    canRun: (selection, cache) => {
      const found = managementPif(selection, cache);
      if (found === undefined) return no('Select a server (or a VM on it) that has a management interface.');
      const degraded = pifDegraded(found.pif.other_config);
      if (clear && !degraded) return no(`The management NIC of ${found.host.name_label} runs at full speed.`);
      if (!clear && degraded) return no(`The management NIC of ${found.host.name_label} is already degraded.`);
      return OK;
    },
    run: (context) => {
      const found = managementPif(context.selection, context.cache);
      if (found === undefined) return;
      const args = clear ? ['nic-degraded', found.ref] : ['nic-degraded', found.ref, { mbit: String(DEGRADED_MBIT) }];
      call(context, clear ? 'Simulator.clear_fault' : 'Simulator.inject_fault', args, `Could not change the management NIC of ${found.host.name_label}`);
    },
  };
}

const DEGRADED_MBIT = 100;
export const degradeNic = nicFault(false);
export const restoreNic = nicFault(true);

export const FAULT_MENU: readonly (Action | 'separator')[] = [
  powerOffHost,
  powerOnHost,
  'separator',
  cutManagementNetwork,
  restoreManagementNetwork,
  cutStorageNetwork,
  restoreStorageNetwork,
  degradeNic,
  restoreNic,
  'separator',
  failSr,
  repairSr,
];
