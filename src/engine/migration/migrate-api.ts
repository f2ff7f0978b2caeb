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
import { assertCanMigrate, type VdiMap } from './migrate-checks';
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

/** The destination host of a host.migrate_receive map, checked. */
function destHost(engine: Engine, dest: Readonly<Record<string, string>>): string {
  const host = dest['host'];
  if (host === undefined || !engine.world.has('host', host)) throw xenError('INVALID_VALUE', 'dest', 'no host in the destination map (use host.migrate_receive)');
  return host;
}

/**
 * The vdi_map entries for this VM's disks, their SRs checked. As in xapi
 * (xapi_vm_migrate.ml looks each of the VM's VDIs up in the map), entries for
 * other VDIs are ignored, and a disk left out stays where it is within the
 * pool (VDI_NOT_IN_MAP is xapi's error for a disk with nowhere to go across
 * pools, which the simulator does not have).
 */
function checkVdiMap(engine: Engine, vm: string, map: Readonly<Record<string, string>>): VdiMap {
  const mine = new Set(engine.world.get('VM', vm).VBDs.map((vbd) => engine.world.find('VBD', vbd)?.VDI));
  const out: Record<string, string> = {};
  for (const [vdi, sr] of Object.entries(map)) {
    if (!mine.has(vdi)) continue;
    if (!engine.world.has('SR', sr)) throw xenError('HANDLE_INVALID', 'SR', sr);
    out[vdi] = sr;
  }
  return out;
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
      beginMigration(engine, task, { vm: vm as string, host: host as string, op: 'pool_migrate', live, vdiMap: {} });
      return PENDING;
    },
  });

  define(table, {
    name: 'VM.assert_can_migrate',
    params: [vmParam, destParam, liveParam, vdiMapParam, vifMapParam, optionsParam, vgpuMapParam],
    optionalTail: 1,
    async: true,
    run: ({ engine }, [vm, dest, , vdiMap]) => {
      const host = destHost(engine, dest as Record<string, string>);
      const map = checkVdiMap(engine, vm as string, vdiMap as Record<string, string>);
      assertCanMigrate(engine, vm as string, host, 'migrate_send', map);
    },
  });

  define(table, {
    name: 'VM.migrate_send',
    params: [vmParam, destParam, liveParam, vdiMapParam, vifMapParam, optionsParam, vgpuMapParam],
    optionalTail: 1,
    async: true,
    cancellable: true,
    run: ({ engine, task }, [vm, dest, live, vdiMap]) => {
      const host = destHost(engine, dest as Record<string, string>);
      const map = checkVdiMap(engine, vm as string, vdiMap as Record<string, string>);
      assertCanMigrate(engine, vm as string, host, 'migrate_send', map);
      beginMigration(engine, task, { vm: vm as string, host, op: 'migrate_send', live: live as boolean, vdiMap: map });
      return PENDING;
    },
  });

  define(table, {
    name: 'host.migrate_receive',
    params: [hostParam, { name: 'network', type: ref('network') }, optionsParam],
    async: true,
    run: ({ engine, session }, [host]) => {
      const h = engine.world.get('host', host as string);
      const master = engine.world.find('host', engine.masterRef())?.address ?? h.address;
      // The map a sender hands to VM.migrate_send: where to reach the receiver, and as whom.
      return {
        host: host as string,
        session_id: session,
        master: `http://${master}/`,
        xenops: `http://${h.address}/services/xenops?session_id=${session}`,
        SM: `http://${h.address}/services/SM?session_id=${session}`,
      };
    },
  });

  define(table, {
    name: 'host.disable',
    params: [hostParam],
    async: true,
    run: ({ engine }, [host]) => {
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
