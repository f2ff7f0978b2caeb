// PBD.create, PBD.plug, PBD.unplug, PBD.destroy (xapi_pbd.ml): how an SR is
// attached to, detached from, and re-introduced on the pool's hosts.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { define, ref, type MethodTable } from '../api/registry';
import { pbdDeviceConfig, plugPbd } from './pbd-plug';
import { refreshSr } from './sr-operations';

/** VDIs of the PBD's SR that a VM on the PBD's host has plugged (PBD.unplug must refuse them). */
function activeVdis(engine: Engine, pbd: string): string[] {
  const { world } = engine;
  const record = world.get('PBD', pbd);
  const sr = world.get('SR', record.SR);
  return sr.VDIs.filter((vdi) =>
    (world.find('VDI', vdi)?.VBDs ?? []).some((vbd) => {
      const b = world.find('VBD', vbd);
      return b !== undefined && b.currently_attached && world.find('VM', b.VM)?.resident_on === record.host;
    }),
  );
}

function unplugPbd(engine: Engine, pbd: string): void {
  const record = engine.world.get('PBD', pbd);
  if (!record.currently_attached) return;
  const active = activeVdis(engine, pbd);
  if (active.length > 0) throw xenError('VDI_IN_USE', ...active);
  engine.world.update('PBD', pbd, { currently_attached: false });
  refreshSr(engine.world, record.SR);
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  return Object.values(v).every((x) => typeof x === 'string') ? (v as Record<string, string>) : undefined;
}

export function definePbdApi(table: MethodTable): void {
  const self = { name: 'self', type: ref('PBD') } as const;

  define(table, {
    name: 'PBD.create',
    params: [{ name: 'args', type: 'any' }],
    async: true,
    run: ({ engine }, [args]) => {
      const a = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
      const host = a['host'];
      const sr = a['SR'];
      if (typeof host !== 'string' || !engine.world.has('host', host)) throw xenError('HANDLE_INVALID', 'host', String(host));
      if (typeof sr !== 'string' || !engine.world.has('SR', sr)) throw xenError('HANDLE_INVALID', 'SR', String(sr));
      const deviceConfig = stringMap(a['device_config'] ?? {});
      if (deviceConfig === undefined) throw xenError('FIELD_TYPE_ERROR', 'device_config');
      const otherConfig = stringMap(a['other_config'] ?? {});
      if (otherConfig === undefined) throw xenError('FIELD_TYPE_ERROR', 'other_config');
      const existing = engine.world.get('SR', sr).PBDs.find((p) => engine.world.find('PBD', p)?.host === host);
      if (existing !== undefined) throw xenError('PBD_EXISTS', sr, host, existing);
      const pbd = engine.world.create('PBD', { host, SR: sr, device_config: pbdDeviceConfig(engine, deviceConfig), currently_attached: false, other_config: otherConfig });
      refreshSr(engine.world, sr);
      return pbd;
    },
  });

  define(table, { name: 'PBD.plug', params: [self], async: true, run: ({ engine }, [pbd]) => plugPbd(engine, pbd as string) });
  define(table, { name: 'PBD.unplug', params: [self], async: true, run: ({ engine }, [pbd]) => unplugPbd(engine, pbd as string) });

  define(table, {
    name: 'PBD.destroy',
    params: [self],
    async: true,
    run: ({ engine }, [pbd]) => {
      const record = engine.world.get('PBD', pbd as string);
      if (record.currently_attached) throw xenError('OPERATION_NOT_ALLOWED', 'PBD is currently attached');
      engine.world.destroy('PBD', pbd as string);
      refreshSr(engine.world, record.SR);
    },
  });
}
