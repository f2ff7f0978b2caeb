// Data sources of hosts and VMs (xapi's xapi_vm.ml / xapi_host.ml, which ask
// xcp-rrdd: rrdd_server.ml query_possible_dss, add_ds, query, forget):
//   get_data_sources            → data_source records, sorted by name: every
//                                 source the object reports (enabled when
//                                 recorded) and every recorded one it no
//                                 longer reports ("description not available")
//   record_data_source          → start recording a reported source
//   query_data_source           → the newest 5-s average
//   forget_data_source_archives → drop a source's recorded history
// VM methods run as the `data_source_op` operation (the VM must be running;
// query also accepts a paused VM). xcp-rrdd's failures reach the caller as
// INTERNAL_ERROR carrying the exception as xapi prints it.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { rrdStoreOf } from '../metrics/metrics-tick';
import { dsInfo } from '../metrics/rrd/ds-catalog';
import { fromFloat32 } from '../metrics/rrd/float-format';
import type { Rrd, RrdKind } from '../metrics/rrd/rrd-store';
import { define, ref, type MethodTable } from './registry';

/** XenAPI's data_source record. */
export interface DataSourceRecord {
  readonly name_label: string;
  readonly name_description: string;
  readonly enabled: boolean;
  readonly standard: boolean;
  readonly units: string;
  readonly min: number;
  readonly max: number;
  readonly value: number;
}

/** How xapi prints an xcp-rrdd error it does not know (Printexc of Rrd_interface.Rrdd_error, via Rpc.to_string). */
function rrddError(tag: 'Datasource_missing' | 'Rrdd_internal_error', detail: string) {
  return xenError('INTERNAL_ERROR', `Rrd_interface.Rrdd_error([S(${tag});S(${detail})])`);
}
const invalidDataSource = (name: string) => rrddError('Rrdd_internal_error', `Rrd.Invalid_data_source("${name}")`);

export function dataSourcesOf(engine: Engine, kind: RrdKind, uuid: string): DataSourceRecord[] {
  const rrd = rrdStoreOf(engine).get(kind, uuid);
  if (rrd === undefined || rrd.archived) return [];
  const out = new Map<string, DataSourceRecord>();
  for (const name of rrd.reported) {
    const info = dsInfo(kind, name, rrd.controlDomain);
    out.set(name, {
      name_label: name,
      name_description: info.description,
      enabled: rrd.column.has(name),
      standard: info.standard,
      units: info.units,
      min: info.min,
      max: info.max,
      value: 0,
    });
  }
  for (const name of rrd.names) {
    if (out.has(name)) continue;
    const info = dsInfo(kind, name, rrd.controlDomain);
    out.set(name, {
      name_label: name,
      name_description: 'description not available',
      enabled: false,
      standard: false,
      units: 'unknown',
      min: info.min,
      max: info.max,
      value: 0,
    });
  }
  return [...out.keys()].sort(byteOrder).map((name) => out.get(name)!);
}

function liveRrd(engine: Engine, kind: RrdKind, uuid: string): Rrd | undefined {
  const rrd = rrdStoreOf(engine).get(kind, uuid);
  return rrd === undefined || rrd.archived ? undefined : rrd;
}

export function recordDataSource(engine: Engine, kind: RrdKind, uuid: string, name: string): void {
  const rrd = liveRrd(engine, kind, uuid);
  if (rrd === undefined) {
    if (kind === 'vm') throw rrddError('Datasource_missing', `VM: ${uuid}`);
    return; // xcp-rrdd: no host RRD yet, nothing to do
  }
  if (rrd.column.has(name)) return;
  if (!rrd.reported.has(name)) throw rrddError('Datasource_missing', name);
  rrd.extra.add(name);
  rrdStoreOf(engine).addColumn(rrd, name);
}

export function queryDataSource(engine: Engine, kind: RrdKind, uuid: string, name: string): number {
  const rrd = liveRrd(engine, kind, uuid);
  if (rrd === undefined) throw rrddError('Datasource_missing', kind === 'vm' ? `VM: ${uuid}` : 'No host datasource!');
  const value = rrdStoreOf(engine).latest(rrd, name);
  if (value === undefined) throw invalidDataSource(name);
  return fromFloat32(value);
}

export function forgetDataSource(engine: Engine, kind: RrdKind, uuid: string, name: string): void {
  const rrd = liveRrd(engine, kind, uuid);
  if (rrd === undefined) return;
  rrd.extra.delete(name);
  const column = rrd.column.get(name);
  if (column !== undefined) rrdStoreOf(engine).dropColumn(rrd, column);
}

/** xapi's `data_source_op` check (and query's looser one: running or paused). */
function assertDataSourceOp(engine: Engine, vmRef: string, allowPaused: boolean): string {
  const vm = engine.world.get('VM', vmRef);
  if (vm.is_a_template && !vm.is_a_snapshot) throw xenError('VM_IS_TEMPLATE', vmRef);
  const ok = vm.power_state === 'Running' || (allowPaused && vm.power_state === 'Paused');
  if (!ok) throw xenError('VM_BAD_POWER_STATE', vmRef, allowPaused ? 'running;paused' : 'running', vm.power_state.toLowerCase());
  return vm.uuid;
}

const DS = { name: 'data_source', type: 'string' } as const;

export function defineRrdApi(table: MethodTable): void {
  const vmSelf = { name: 'self', type: ref('VM') } as const;
  define(table, {
    name: 'VM.get_data_sources',
    params: [vmSelf],
    run: ({ engine }, [self]) => dataSourcesOf(engine, 'vm', assertDataSourceOp(engine, self as string, false)),
  });
  define(table, {
    name: 'VM.record_data_source',
    params: [vmSelf, DS],
    run: ({ engine }, [self, name]) => recordDataSource(engine, 'vm', assertDataSourceOp(engine, self as string, false), name as string),
  });
  define(table, {
    name: 'VM.query_data_source',
    params: [vmSelf, DS],
    run: ({ engine }, [self, name]) => queryDataSource(engine, 'vm', assertDataSourceOp(engine, self as string, true), name as string),
  });
  define(table, {
    name: 'VM.forget_data_source_archives',
    params: [vmSelf, DS],
    run: ({ engine }, [self, name]) => forgetDataSource(engine, 'vm', assertDataSourceOp(engine, self as string, false), name as string),
  });

  const host = { name: 'host', type: ref('host') } as const;
  const uuidOf = (engine: Engine, h: unknown) => engine.world.get('host', h as string).uuid;
  define(table, {
    name: 'host.get_data_sources',
    params: [host],
    run: ({ engine }, [h]) => dataSourcesOf(engine, 'host', uuidOf(engine, h)),
  });
  define(table, {
    name: 'host.record_data_source',
    params: [host, DS],
    run: ({ engine }, [h, name]) => recordDataSource(engine, 'host', uuidOf(engine, h), name as string),
  });
  define(table, {
    name: 'host.query_data_source',
    params: [host, DS],
    run: ({ engine }, [h, name]) => queryDataSource(engine, 'host', uuidOf(engine, h), name as string),
  });
  define(table, {
    name: 'host.forget_data_source_archives',
    params: [host, DS],
    run: ({ engine }, [h, name]) => forgetDataSource(engine, 'host', uuidOf(engine, h), name as string),
  });
}

function byteOrder(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
