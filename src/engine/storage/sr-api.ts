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
import { emptySrUtilisation } from './vdi-space';
import { rememberForgottenSr, wipeForgottenSrsAt } from './forgotten-srs';
import { isLive } from '../pool/membership';
import { assertSrNotMedia, assertSrPlugged, assertSrUnplugged } from './sr-checks';

type DeviceConfig = Readonly<Record<string, string>>;

function driverOf(type: string): SrDriver {
  const driver = srDriver(type.toLowerCase());
  if (driver === undefined) throw xenError('SR_UNKNOWN_DRIVER', type);
  return driver;
}

/**
 * The checks SR.create, SR.probe and SR.probe_ext share, in xapi's order: the
 * type names a driver (SR_UNKNOWN_DRIVER), then the host that runs it is up
 * (HOST_OFFLINE). The driver then checks the device_config itself.
 */
function driverOnHost(engine: Engine, host: string, type: string): SrDriver {
  const driver = driverOf(type);
  if (!isLive(engine, host)) throw xenError('HOST_OFFLINE', host);
  return driver;
}

/** Refuse storage another SR of the pool already sits on (an NFS export holds many SRs, one directory each). */
function assertStorageFree(engine: Engine, driver: SrDriver, location: SrLocation): void {
  if (driver.sharesStorage) return;
  for (const [, pbd] of engine.world.entries('PBD')) {
    const other = engine.world.find('SR', pbd.SR);
    if (other === undefined || srDriver(other.type)?.sharesStorage !== false) continue;
    if (storageKey(engine, other.type, pbd.host, pbd.device_config) === location.key) throw xenError('SR_DEVICE_IN_USE');
  }
}

/** The pool's hosts, coordinator first (the order xapi creates shared PBDs in). */
function poolHosts(engine: Engine): string[] {
  const master = engine.masterRef();
  return [master, ...engine.world.refs('host').filter((h) => h !== master)].filter((h) => engine.world.has('host', h));
}

function isRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function createSr(engine: Engine, args: readonly unknown[]): string {
  const [host, deviceConfig, , nameLabel, nameDescription, type, contentType, shared, smConfig] = args as [
    string, DeviceConfig, unknown, string, string, string, string, boolean, Record<string, string>,
  ];
  const driver = driverOnHost(engine, host, type);
  const srType = type.toLowerCase();
  // A local disk is one host's: xapi would make one PBD per host on different disks.
  if (driver.local && shared) throw xenError('INVALID_VALUE', 'shared', 'true');
  const location = driver.locate(engine, host, deviceConfig);
  assertStorageFree(engine, driver, location);
  // A new SR on a LUN or disk formats it; on an export it is a new directory beside the others.
  if (!driver.sharesStorage) wipeForgottenSrsAt(engine, location.key);

  const thick = driver.allocation === 'thick';
  const sr = engine.world.create('SR', {
    name_label: nameLabel,
    name_description: nameDescription,
    type: srType,
    content_type: contentType === '' ? driver.contentType : contentType,
    shared,
    physical_size: location.size,
    physical_utilisation: emptySrUtilisation(driver.allocation),
    virtual_allocation: 0,
    other_config: srType === 'iso' ? { 'auto-scan': 'true' } : {},
    sm_config: thick ? { allocation: 'thick', use_vhd: 'true', ...smConfig } : { ...smConfig },
  });
  const hosts = shared ? poolHosts(engine) : [host];
  for (const h of hosts) {
    const pbd = engine.world.create('PBD', { host: h, SR: sr, device_config: pbdDeviceConfig(engine, deviceConfig), currently_attached: false, other_config: {} });
    if (isLive(engine, h)) plugPbd(engine, pbd);
  }
  if (srType === 'iso') syncIsoVdis(engine, sr, location.isos);
  refreshSr(engine.world, sr);
  return sr;
}

/** A suspended VM's memory image on this SR would be lost with it (VDI_IN_USE). */
function assertNoSuspendImage(engine: Engine, sr: string): void {
  const vdis = engine.world.get('SR', sr).VDIs;
  for (const [, vm] of engine.world.entries('VM')) {
    if (vdis.includes(vm.suspend_VDI)) throw xenError('VDI_IN_USE', vm.suspend_VDI, 'forget');
  }
}

/** SR.forget and SR.destroy: the SR is detached everywhere and holds no suspended VM's memory. */
function assertCanRemove(engine: Engine, sr: string): void {
  assertSrUnplugged(engine, sr);
  assertNoSuspendImage(engine, sr);
}

/** SR.destroy: an SR without PBDs cannot reach its storage to wipe it (SR_HAS_NO_PBDS). */
function assertSrHasPbds(engine: Engine, sr: string): void {
  if (engine.world.get('SR', sr).PBDs.length === 0) throw xenError('SR_HAS_NO_PBDS', sr);
}

/** SR.destroy: the disks the toolstack manages must be gone first (SR_NOT_EMPTY). */
function assertNoManagedVdis(engine: Engine, sr: string): void {
  if (engine.world.get('SR', sr).VDIs.some((v) => engine.world.find('VDI', v)?.managed === true)) throw xenError('SR_NOT_EMPTY');
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
    run: ({ engine }, [host, config, type]) => driverOnHost(engine, host as string, type as string).probe(engine, host as string, config as DeviceConfig),
  });

  define(table, {
    name: 'SR.probe_ext',
    params: probeParams,
    async: true,
    run: ({ engine }, [host, , type]) => {
      // The lab's drivers are SMAPIv1: their probe answers raw XML, which xapi refuses to turn into probe_result records.
      driverOnHost(engine, host as string, type as string);
      throw new XenApiError('SR_OPERATION_NOT_SUPPORTED', []);
    },
  });

  const rescan = (engine: Engine, self: string, withVdis: boolean): void => {
    const pbd = assertSrPlugged(engine, self);
    const record = engine.world.get('SR', self);
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
      rememberForgottenSr(engine, self as string);
      forgetSr(engine, self as string);
    },
  });

  define(table, {
    name: 'SR.destroy',
    params: [sr],
    async: true,
    run: ({ engine }, [self]) => {
      const s = self as string;
      assertCanRemove(engine, s);
      assertSrHasPbds(engine, s);
      if (engine.world.get('SR', s).is_tools_sr) throw xenError('SR_INDESTRUCTIBLE', s);
      assertSrNotMedia(engine, s);
      assertNoManagedVdis(engine, s);
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
