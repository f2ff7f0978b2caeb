// Plugging an SR into a host (PBD.plug): the driver attaches the storage
// (re-checking its device_config), a non-shared SR may be plugged on one host
// only (SR_NOT_SHARABLE), and the SR's size is read from the storage.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { syncIsoVdis } from './sr-contents';
import { srDriver } from './sr-drivers';
import { refreshSr } from './sr-operations';
import { restoreForgottenVdis } from './forgotten-srs';
import { emptySrUtilisation } from './vdi-space';
import { isLive } from '../pool/membership';

/**
 * device_config as xapi stores it in a PBD: a password moves into a secret
 * (xapi_secret.ml) and only the secret's uuid stays in the PBD.
 */
export function pbdDeviceConfig(engine: Engine, config: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) {
    if (k === 'password' || k === 'chappassword') out[`${k}_secret`] = engine.rng.uuid();
    else out[k] = v;
  }
  return out;
}

export function plugPbd(engine: Engine, pbd: string): void {
  const { world } = engine;
  const record = world.get('PBD', pbd);
  if (record.currently_attached) return;
  const sr = world.get('SR', record.SR);
  if (!isLive(engine, record.host)) throw xenError('HOST_OFFLINE', record.host);
  if (!sr.shared) {
    const other = sr.PBDs.map((p) => world.find('PBD', p)).find((p) => p !== undefined && p.currently_attached && p.host !== record.host);
    if (other !== undefined) throw xenError('SR_NOT_SHARABLE', record.SR, other.host);
  }
  const driver = srDriver(sr.type);
  const location = driver?.locate(engine, record.host, record.device_config);
  world.update('PBD', pbd, { currently_attached: true });
  if (location !== undefined && driver !== undefined && sr.physical_size <= 0) {
    // The first attach of an introduced SR: the driver reads its size, and what the empty SR itself occupies.
    world.update('SR', record.SR, { physical_size: location.size, physical_utilisation: Math.max(emptySrUtilisation(driver.allocation), sr.physical_utilisation) });
  }
  if (location !== undefined) restoreForgottenVdis(engine, record.SR, location.key);
  if (location !== undefined && sr.type === 'iso') syncIsoVdis(engine, record.SR, location.isos);
  refreshSr(world, record.SR);
}
