// SR.create, SR.introduce, SR.probe(_ext), SR.scan, SR.update, SR.forget,
// SR.destroy, SR.set_shared: xapi's checks (xapi_sr.ml, message_forwarding.ml)
// in front of the lab's storage drivers (sr-drivers.ts).
import { XenApiError, xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { define, ref, type MethodTable } from '../api/registry';
import { forgetSr, syncIsoVdis } from './sr-contents';
import { srDriver, storageKey, type SrDriver, type SrLocation } from './sr-drivers';
import { refreshSr } from './sr-operations';
import { pbdDeviceConfig, plugPbd } from './pbd-plug';

const MiB = 1024 ** 2;

type DeviceConfig = Readonly<Record<string, string>>;

function driverOf(type: string): SrDriver {
  const driver = srDriver(type.toLowerCase());
  if (driver === undefined) throw xenError('SR_UNKNOWN_DRIVER', type);
  return driver;
}

function assertHostLive(engine: Engine, host: string): void {
  const h = engine.world.get('host', host);
  if (engine.world.find('host_metrics', h.metrics)?.live !== true) throw xenError('HOST_OFFLINE', host);
}

/** Refuse storage another SR of the pool already sits on (an NFS export holds many SRs, one directory each). */
function assertStorageFree(engine: Engine, type: string, location: SrLocation): void {
  if (type === 'nfs' || type === 'iso') return;
  for (const [, pbd] of engine.world.entries('PBD')) {
    const other = engine.world.find('SR', pbd.SR);
    if (other === undefined || other.type === 'nfs' || other.type === 'iso') continue;
    if (storageKey(engine, other.type, pbd.host, pbd.device_config) === location.key) throw xenError('SR_DEVICE_IN_USE');
  }
}

/** The pool's hosts, coordinator first (the order xapi creates shared PBDs in). */
function poolHosts(engine: Engine): string[] {
  const master = engine.masterRef();
  return [master, ...engine.world.refs('host').filter((h) => h !== master)].filter((h) => engine.world.has('host', h));
}

function probe(engine: Engine, host: string, config: DeviceConfig, type: string): string {
  assertHostLive(engine, host);
  return driverOf(type).probe(engine, host, config);
}

function isRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function createSr(engine: Engine, args: readonly unknown[]): string {
  const [host, deviceConfig, , nameLabel, nameDescription, type, contentType, shared, smConfig] = args as [
    string, DeviceConfig, unknown, string, string, string, string, boolean, Record<string, string>,
  ];
  const driver = driverOf(type);
  const srType = type.toLowerCase();
  assertHostLive(engine, host);
  // A local disk is one host's: xapi would make one PBD per host on different disks.
  if (driver.local && shared) throw xenError('INVALID_VALUE', 'shared', 'true');
  const location = driver.locate(engine, host, deviceConfig);
  assertStorageFree(engine, srType, location);

  const thick = driver.allocation === 'thick';
  const sr = engine.world.create('SR', {
    name_label: nameLabel,
    name_description: nameDescription,
    type: srType,
    content_type: contentType === '' ? driver.contentType : contentType,
    shared,
    physical_size: location.size,
    physical_utilisation: thick ? 4 * MiB : 0, // LVHD's management volume
    virtual_allocation: 0,
    other_config: srType === 'iso' ? { 'auto-scan': 'true' } : {},
    sm_config: thick ? { allocation: 'thick', use_vhd: 'true', ...smConfig } : { ...smConfig },
  });
  const hosts = shared ? poolHosts(engine) : [host];
  for (const h of hosts) {
    const pbd = engine.world.create('PBD', { host: h, SR: sr, device_config: pbdDeviceConfig(engine, deviceConfig), currently_attached: false, other_config: {} });
    const live = engine.world.find('host_metrics', engine.world.get('host', h).metrics)?.live === true;
    if (live) plugPbd(engine, pbd);
  }
  if (srType === 'iso') syncIsoVdis(engine, sr, location.isos);
  refreshSr(engine.world, sr);
  return sr;
}

function assertCanRemove(engine: Engine, sr: string): void {
  const record = engine.world.get('SR', sr);
  if (record.PBDs.some((pbd) => engine.world.find('PBD', pbd)?.currently_attached === true)) throw xenError('SR_HAS_PBD', sr);
  // A suspended VM's memory image on this SR would be lost with it.
  for (const [, vm] of engine.world.entries('VM')) {
    if (record.VDIs.includes(vm.suspend_VDI)) throw xenError('VDI_IN_USE', vm.suspend_VDI, 'forget');
  }
}

export function defineSrApi(table: MethodTable): void {
  const sr = { name: 'sr', type: ref('SR') } as const;
  const probeParams = [
    { name: 'host', type: ref('host') },
    { name: 'device_config', type: 'string_map' },
    { name: 'type', type: 'string' },
    { name: 'sm_config', type: 'string_map' },
  ] as const;

  define(table, {
    name: 'SR.create',
    params: [
      { name: 'host', type: ref('host') },
      { name: 'device_config', type: 'string_map' },
      { name: 'physical_size', type: 'int' },
      { name: 'name_label', type: 'string' },
      { name: 'name_description', type: 'string' },
      { name: 'type', type: 'string' },
      { name: 'content_type', type: 'string' },
      { name: 'shared', type: 'bool' },
      { name: 'sm_config', type: 'string_map' },
    ],
    optionalTail: 1,
    async: true,
    run: ({ engine }, args) => createSr(engine, args.length === 9 ? args : [...args, {}]),
  });

  define(table, {
    name: 'SR.introduce',
    params: [
      { name: 'uuid', type: 'string' },
      { name: 'name_label', type: 'string' },
      { name: 'name_description', type: 'string' },
      { name: 'type', type: 'string' },
      { name: 'content_type', type: 'string' },
      { name: 'shared', type: 'bool' },
      { name: 'sm_config', type: 'string_map' },
    ],
    optionalTail: 1,
    async: true,
    run: ({ engine }, [uuid, nameLabel, nameDescription, type, contentType, shared, smConfig]) => {
      const u = uuid as string;
      if (u !== '' && engine.world.refByUuid('SR', u) !== undefined) throw xenError('SR_UUID_EXISTS', u);
      if (u !== '' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(u)) throw xenError('UUID_INVALID', 'SR', u);
      const created = engine.world.create('SR', {
        ...(u === '' ? {} : { uuid: u.toLowerCase() }),
        name_label: nameLabel as string,
        name_description: nameDescription as string,
        type: (type as string).toLowerCase(),
        content_type: contentType as string,
        shared: shared as boolean,
        sm_config: isRecord(smConfig) ? smConfig : {},
      });
      refreshSr(engine.world, created);
      return created;
    },
  });

  define(table, {
    name: 'SR.probe',
    params: probeParams,
    async: true,
    run: ({ engine }, [host, config, type]) => probe(engine, host as string, config as DeviceConfig, type as string),
  });

  define(table, {
    name: 'SR.probe_ext',
    params: probeParams,
    async: true,
    run: ({ engine }, [host, config, type]) => {
      // The lab's drivers are SMAPIv1: their probe answers raw XML, which xapi refuses to turn into probe_result records.
      driverOf(type as string);
      assertHostLive(engine, host as string);
      void config;
      throw new XenApiError('SR_OPERATION_NOT_SUPPORTED', []);
    },
  });

  const rescan = (engine: Engine, self: string, withVdis: boolean): void => {
    const record = engine.world.get('SR', self);
    const pbd = record.PBDs.map((p) => engine.world.get('PBD', p)).find((p) => p.currently_attached);
    if (pbd === undefined) throw xenError('SR_HAS_NO_PBDS', self);
    const driver = srDriver(record.type);
    if (driver === undefined) return; // udev and other host-managed SRs: nothing to rescan here
    const location = driver.locate(engine, pbd.host, pbd.device_config);
    engine.world.update('SR', self, { physical_size: location.size });
    if (withVdis && record.type === 'iso') syncIsoVdis(engine, self, location.isos);
  };

  define(table, { name: 'SR.scan', params: [sr], async: true, run: ({ engine }, [self]) => rescan(engine, self as string, true) });
  define(table, { name: 'SR.update', params: [sr], async: true, run: ({ engine }, [self]) => rescan(engine, self as string, false) });

  define(table, {
    name: 'SR.forget',
    params: [sr],
    async: true,
    run: ({ engine }, [self]) => {
      assertCanRemove(engine, self as string);
      forgetSr(engine, self as string);
    },
  });

  define(table, {
    name: 'SR.destroy',
    params: [sr],
    async: true,
    run: ({ engine }, [self]) => {
      const s = self as string;
      const record = engine.world.get('SR', s);
      assertCanRemove(engine, s);
      if (record.PBDs.length === 0) throw xenError('SR_HAS_NO_PBDS', s);
      if (record.is_tools_sr) throw xenError('SR_INDESTRUCTIBLE', s);
      if (record.type === 'iso' || record.type === 'udev') throw xenError('SR_OPERATION_NOT_SUPPORTED', s);
      if (record.VDIs.some((v) => engine.world.find('VDI', v)?.managed === true)) throw xenError('SR_NOT_EMPTY');
      forgetSr(engine, s);
    },
  });

  define(table, {
    name: 'SR.set_shared',
    params: [sr, { name: 'value', type: 'bool' }],
    run: ({ engine }, [self, value]) => {
      const record = engine.world.get('SR', self as string);
      const [first, second] = record.PBDs;
      if (value === false && second !== undefined && first !== undefined) throw xenError('SR_HAS_MULTIPLE_PBDS', first);
      engine.world.update('SR', self as string, { shared: value as boolean });
    },
  });
}
