// XenAPI calls of XenMotion: VM.pool_migrate, VM.assert_can_migrate,
// VM.migrate_send with host.migrate_receive (Storage XenMotion), and the
// host maintenance calls host.disable / host.enable / host.evacuate /
// host.get_vms_which_prevent_evacuation. Simulator.get_migration returns a
// migration's record. (A network or power fault, Simulator.inject_fault, fails
// the migrations of the host it hits: see failMigrationsOf.)
import { xenError } from '../../xapi/errors';
import { define, PENDING, ref, type MethodTable } from '../api/registry';
import type { Engine } from '../engine';
import { beginEvacuation, evacuationPlan } from './evacuate-run';
import { assertHostDisablePreservesPlan } from '../ha/ha-plan';
import { assertCanMigrate } from './migrate-checks';
import { checkMigrateMaps } from './migrate-maps';
import { migrationAddress, networkOfAddress } from './migration-network';
import { beginMigration } from './migrate-run';
import { readRecord, recordOfTask, VM_KEY, type MigrationRecord } from './migration-record';
import { pingSamples } from './ping';

const vmParam = { name: 'vm', type: ref('VM') } as const;
const hostParam = { name: 'host', type: ref('host') } as const;
const destParam = { name: 'dest', type: 'string_map' } as const;
const liveParam = { name: 'live', type: 'bool' } as const;
const vdiMapParam = { name: 'vdi_map', type: 'string_map' } as const;
const vifMapParam = { name: 'vif_map', type: 'string_map' } as const;
const optionsParam = { name: 'options', type: 'string_map' } as const;
const vgpuMapParam = { name: 'vgpu_map', type: 'string_map' } as const;

/** The destination host of a host.migrate_receive map, checked, and the migration network its address is on. */
function destOf(engine: Engine, dest: Readonly<Record<string, string>>): { host: string; network: string | undefined } {
  const host = dest['host'];
  if (host === undefined || !engine.world.has('host', host)) throw xenError('INVALID_VALUE', 'dest', 'no host in the destination map (use host.migrate_receive)');
  return { host, network: networkOfAddress(engine, host, /^http:\/\/([^/]+)\//.exec(dest['xenops'] ?? '')?.[1] ?? '') };
}

function lastMigration(engine: Engine, ref: string): MigrationRecord | undefined {
  if (engine.world.has('task', ref)) return recordOfTask(engine, ref);
  const vm = engine.world.get('VM', ref);
  for (const task of Object.keys(vm.current_operations)) {
    const running = recordOfTask(engine, task);
    if (running !== undefined) return running;
  }
  return readRecord(vm.other_config[VM_KEY]);
}

export function defineMigrateApi(table: MethodTable): void {
  define(table, {
    name: 'VM.pool_migrate',
    params: [vmParam, hostParam, optionsParam],
    async: true,
    cancellable: true,
    run: ({ engine, task }, [vm, host, options]) => {
      assertCanMigrate(engine, vm as string, host as string, 'pool_migrate');
      const live = (options as Record<string, string>)['live'] !== 'false';
      beginMigration(engine, task, { vm: vm as string, host: host as string, op: 'pool_migrate', live, vdiMap: {}, vifMap: {} });
      return PENDING;
    },
  });

  define(table, {
    name: 'VM.assert_can_migrate',
    params: [vmParam, destParam, liveParam, vdiMapParam, vifMapParam, optionsParam, vgpuMapParam],
    optionalTail: 1,
    async: true,
    run: ({ engine }, [vm, dest, , vdiMap, vifMap]) => {
      const { host } = destOf(engine, dest as Record<string, string>);
      const maps = checkMigrateMaps(engine, vm as string, host, vdiMap as Record<string, string>, vifMap as Record<string, string>);
      assertCanMigrate(engine, vm as string, host, 'migrate_send', maps.vdiMap, maps.vifMap);
    },
  });

  define(table, {
    name: 'VM.migrate_send',
    params: [vmParam, destParam, liveParam, vdiMapParam, vifMapParam, optionsParam, vgpuMapParam],
    optionalTail: 1,
    async: true,
    cancellable: true,
    run: ({ engine, task }, [vm, dest, live, vdiMap, vifMap]) => {
      const { host, network } = destOf(engine, dest as Record<string, string>);
      const maps = checkMigrateMaps(engine, vm as string, host, vdiMap as Record<string, string>, vifMap as Record<string, string>);
      assertCanMigrate(engine, vm as string, host, 'migrate_send', maps.vdiMap, maps.vifMap);
      beginMigration(engine, task, { vm: vm as string, host, op: 'migrate_send', live: live as boolean, ...maps, ...(network === undefined ? {} : { network }) });
      return PENDING;
    },
  });

  define(table, {
    name: 'host.migrate_receive',
    params: [hostParam, { name: 'network', type: ref('network') }, optionsParam],
    async: true,
    run: ({ engine, session }, [host, network]) => {
      const ip = migrationAddress(engine, host as string, network as string);
      const master = engine.world.find('host', engine.masterRef())?.address ?? ip;
      // The map a sender hands to VM.migrate_send: where to reach the receiver
      // (on the chosen migration network), and as whom.
      return {
        host: host as string,
        session_id: session,
        master: `http://${master}/`,
        xenops: `http://${ip}/services/xenops?session_id=${session}`,
        SM: `http://${ip}/services/SM?session_id=${session}`,
      };
    },
  });

  define(table, {
    name: 'host.disable',
    params: [hostParam],
    async: true,
    run: ({ engine }, [host]) => {
      assertHostDisablePreservesPlan(engine, host as string);
      engine.world.update('host', host as string, { enabled: false });
    },
  });
  define(table, {
    name: 'host.enable',
    params: [hostParam],
    async: true,
    run: ({ engine }, [host]) => {
      engine.world.update('host', host as string, { enabled: true });
    },
  });

  define(table, {
    name: 'host.get_vms_which_prevent_evacuation',
    params: [{ name: 'self', type: ref('host') }],
    async: true,
    run: ({ engine }, [host]) => Object.fromEntries([...evacuationPlan(engine, host as string).blocked].map(([vm, e]) => [vm, e.toArray()])),
  });

  define(table, {
    name: 'host.evacuate',
    params: [hostParam, { name: 'network', type: ref('network') }, { name: 'evacuate_batch_size', type: 'int' }],
    optionalTail: 2,
    async: true,
    run: ({ engine, task }, [host]) => {
      const empty = beginEvacuation(engine, task, host as string);
      return empty ? undefined : PENDING;
    },
  });

  define(table, {
    name: 'Simulator.get_migration',
    params: [{ name: 'task_or_vm', type: ref('any') }],
    run: ({ engine }, [ref]) => {
      const cls = engine.world.classOf(ref as string);
      if (cls !== 'task' && cls !== 'VM') throw xenError('HANDLE_INVALID', 'task or VM', ref as string);
      const record = lastMigration(engine, ref as string);
      if (record === undefined) throw xenError('INVALID_VALUE', 'task_or_vm', `${ref as string} has no migration`);
      return { ...record, ping: pingSamples(engine, record) };
    },
  });
}
