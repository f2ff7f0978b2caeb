// host.call_plugin: xapi runs a script from the host's /etc/xapi.d/plugins.
// The simulated hosts have no plugin directory, so every call answers as xapi
// does for a name not found there (xapi_plugins.ml `find_plugin`):
// XENAPI_MISSING_PLUGIN [plugin]. Clients (Xen Orchestra's updater, netdata,
// XOSTOR checks …) treat that as "not installed". The call is forwarded to the
// host first, so a host that is down answers HOST_OFFLINE.
import { xenError } from '../../xapi/errors';
import { define, ref, type MethodTable } from '../api/registry';
import { isLive } from '../pool/membership';

export function defineHostPluginApi(table: MethodTable): void {
  define(table, {
    name: 'host.call_plugin',
    params: [
      { name: 'host', type: ref('host') },
      { name: 'plugin', type: 'string' },
      { name: 'fn', type: 'string' },
      { name: 'args', type: 'string_map' },
    ],
    async: true,
    run: ({ engine }, [host, plugin]) => {
      if (!isLive(engine, host as string)) throw xenError('HOST_OFFLINE', host as string);
      throw xenError('XENAPI_MISSING_PLUGIN', plugin as string);
    },
  });
}
