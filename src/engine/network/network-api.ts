// network.create and network.destroy (xapi_network.ml). A network without
// PIFs is a single-server private network: VMs on it reach each other only on
// the same host. External networks get their PIFs from VLAN.create,
// Bond.create or network_sriov.create.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { define, ref, type MethodTable } from '../api/registry';

/** Prefixes xapi keeps for its own bridges (xapi_network.ml bridge_blacklist). */
const RESERVED_BRIDGE_PREFIXES = ['xen', 'xapi', 'vif', 'tap', 'eth'];

/** The first free "xapiN" bridge name. */
export function chooseBridge(engine: Engine): string {
  const used = new Set([...engine.world.entries('network')].map(([, n]) => n.bridge));
  for (let i = 0; ; i++) if (!used.has(`xapi${String(i)}`)) return `xapi${String(i)}`;
}

type Fields = Record<string, unknown>;

function field<T>(fields: Fields, name: string, check: (v: unknown) => v is T, fallback: T): T {
  const v = fields[name];
  if (v === undefined) return fallback;
  if (!check(v)) throw xenError('FIELD_TYPE_ERROR', name);
  return v;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isInt = (v: unknown): v is number | string => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));
const isStringMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
const isStringSet = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Ethernet MTUs the lab's NICs and bridges take (68 is IPv4's minimum; 9216 the largest jumbo frame). */
export const MTU_MIN = 68;
export const MTU_MAX = 9216;

export function defineNetworkApi(table: MethodTable): void {
  define(table, {
    name: 'network.create',
    params: [{ name: 'args', type: 'any' }],
    async: true,
    run: ({ engine }, [args]) => {
      if (typeof args !== 'object' || args === null || Array.isArray(args)) throw xenError('FIELD_TYPE_ERROR', 'args');
      const fields = args as Fields;
      const mtuValue = Number(field(fields, 'MTU', isInt, 1500));
      const mtu = mtuValue <= 0 ? 1500 : mtuValue;
      if (mtu < MTU_MIN || mtu > MTU_MAX) throw xenError('VALUE_NOT_SUPPORTED', 'MTU', String(mtu), `must be between ${String(MTU_MIN)} and ${String(MTU_MAX)}`);
      let bridge = field(fields, 'bridge', isString, '');
      if (bridge === '') bridge = chooseBridge(engine);
      else {
        if (bridge.length > 15 || RESERVED_BRIDGE_PREFIXES.some((p) => bridge.startsWith(p))) throw xenError('INVALID_VALUE', 'bridge', bridge);
        if ([...engine.world.entries('network')].some(([, n]) => n.bridge === bridge)) throw xenError('BRIDGE_NAME_EXISTS', bridge);
      }
      return engine.world.create('network', {
        name_label: field(fields, 'name_label', isString, ''),
        name_description: field(fields, 'name_description', isString, ''),
        MTU: mtu,
        other_config: field(fields, 'other_config', isStringMap, {}),
        bridge,
        managed: field(fields, 'managed', isBool, true),
        tags: field(fields, 'tags', isStringSet, []),
      });
    },
  });

  define(table, {
    name: 'network.destroy',
    params: [{ name: 'self', type: ref('network') }],
    async: true,
    run: ({ engine }, [self]) => {
      const { world } = engine;
      const network = world.get('network', self as string);
      const connected = network.VIFs.filter((v) => world.find('VIF', v)?.currently_attached === true);
      if (connected.length > 0) throw xenError('NETWORK_CONTAINS_VIF', ...connected);
      if (network.PIFs.length > 0) throw xenError('NETWORK_CONTAINS_PIF', ...network.PIFs);
      if (network.other_config['is_host_internal_management_network'] === 'true') throw xenError('CANNOT_DESTROY_SYSTEM_NETWORK', self as string);
      // xapi destroys the (unplugged) VIFs with the network rather than leave them dangling.
      for (const vif of network.VIFs) if (world.has('VIF', vif)) world.destroy('VIF', vif);
      world.destroy('network', self as string);
    },
  });

  define(table, {
    name: 'network.set_MTU',
    params: [{ name: 'self', type: ref('network') }, { name: 'value', type: 'int' }],
    run: ({ engine }, [self, value]) => {
      const mtu = Number(value);
      if (mtu < MTU_MIN || mtu > MTU_MAX) throw xenError('VALUE_NOT_SUPPORTED', 'MTU', String(mtu), `must be between ${String(MTU_MIN)} and ${String(MTU_MAX)}`);
      engine.world.update('network', self as string, { MTU: mtu });
    },
  });
}
