// host.set_power_on_mode and what host.power_on does with the mode. xapi
// stores the mode and its config as given (xapi_host.ml: no check at set
// time) and host.power_on runs the power-on plug-in on the master, which
// sends a Wake-on-LAN magic packet to the host's management NIC, or logs in
// to the host's iLO or DRAC at power_on_config:power_on_ip with
// power_on_user and the password secret, or calls a custom plug-in named by
// the mode. In the lab: Wake-on-LAN works when the host's machine has a NIC
// (every installed one does); iLO needs an HPE ProLiant and DRAC a Dell
// PowerEdge (a desktop has no management controller), each with the
// controller's address and user set; there are no custom plug-ins.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';

export const POWER_ON_MODES = ['', 'wake-on-lan', 'iLO', 'DRAC'] as const;

/** Keys XenCenter's Power On page writes for iLO and DRAC. */
export const POWER_ON_IP = 'power_on_ip';
export const POWER_ON_USER = 'power_on_user';
export const POWER_ON_PASSWORD = 'power_on_password_secret';

/** The management controller a server has, from its BIOS strings. */
export function managementController(engine: Engine, host: string): 'iLO' | 'DRAC' | undefined {
  const product = engine.world.get('host', host).bios_strings['system-product-name'] ?? '';
  if (/PowerEdge/i.test(product)) return 'DRAC';
  if (/ProLiant/i.test(product)) return 'iLO';
  return undefined;
}

export function setPowerOnMode(engine: Engine, host: string, mode: string, config: Readonly<Record<string, string>>): void {
  engine.world.update('host', host, { power_on_mode: mode, power_on_config: { ...config } });
}

/** What the power-on plug-in would answer; throws as xapi reports a failed or missing plug-in. */
export function assertPowerOnWorks(engine: Engine, host: string): void {
  const record = engine.world.get('host', host);
  const mode = record.power_on_mode;
  if (mode === '') throw xenError('HOST_POWER_ON_MODE_DISABLED');
  if (mode === 'wake-on-lan') return;
  if (mode !== 'iLO' && mode !== 'DRAC') throw xenError('XENAPI_MISSING_PLUGIN', mode);
  const config = record.power_on_config;
  const ip = config[POWER_ON_IP] ?? '';
  const user = config[POWER_ON_USER] ?? '';
  if (ip === '' || user === '') {
    throw xenError('XENAPI_PLUGIN_FAILURE', 'HOST_POWER_ON_NOT_CONFIGURED', '', `${mode} needs ${POWER_ON_IP} and ${POWER_ON_USER} in power_on_config`);
  }
  if (managementController(engine, host) !== mode) {
    throw xenError('XENAPI_PLUGIN_FAILURE', 'The host failed to power on.', '', `no ${mode} answers at ${ip}: ${record.bios_strings['system-product-name'] ?? 'this server'} has no ${mode} controller`);
  }
}
