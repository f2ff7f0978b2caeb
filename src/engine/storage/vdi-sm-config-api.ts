// VDI.set_sm_config / add_to_sm_config / remove_from_sm_config, replacing the
// generic accessors: the keys that describe the VHD on storage (its parent in
// the chain and, in XenLab, its content version) are SM's. On a real pool SM
// rewrites them from the VHD headers at the next scan, so a client edit could
// never stick; here the world is the storage, so such an edit is refused
// (it would break the chain) and the other keys stay the client's.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { define, ref, type MethodTable } from '../api/registry';
import { CONTENT_KEY, VHD_PARENT } from './vhd-chain';

/** sm_config keys only the storage writes. */
export const SM_OWNED_KEYS: readonly string[] = [VHD_PARENT, CONTENT_KEY];

function refuse(key: string): never {
  throw xenError('OPERATION_NOT_ALLOWED', `sm_config:${key} is written by the storage manager`);
}

/** A client's sm_config for a new VDI: SM-owned keys are not the client's to give. */
export function assertNoSmOwnedKeys(config: Readonly<Record<string, string>>): void {
  for (const key of SM_OWNED_KEYS) if (Object.hasOwn(config, key)) refuse(key);
}

function set(engine: Engine, vdi: string, value: Readonly<Record<string, string>>): void {
  const current = engine.world.get('VDI', vdi).sm_config;
  const next: Record<string, string> = { ...value };
  for (const key of SM_OWNED_KEYS) {
    // Leaving a key out keeps SM's value (a client that never saw it, or round-trips the map, is fine).
    if (!Object.hasOwn(value, key)) {
      if (current[key] !== undefined) next[key] = current[key];
    } else if (value[key] !== current[key]) refuse(key);
  }
  engine.world.update('VDI', vdi, { sm_config: next });
}

export function defineVdiSmConfigApi(table: MethodTable): void {
  const self = { name: 'self', type: ref('VDI') } as const;
  define(table, {
    name: 'VDI.set_sm_config',
    params: [self, { name: 'value', type: 'string_map' }],
    run: ({ engine }, [vdi, value]) => set(engine, vdi as string, value as Record<string, string>),
  });
  define(table, {
    name: 'VDI.add_to_sm_config',
    params: [self, { name: 'key', type: 'string' }, { name: 'value', type: 'string' }],
    run: ({ engine }, [vdi, key, value]) => {
      const record = engine.world.get('VDI', vdi as string);
      if (Object.hasOwn(record.sm_config, key as string)) throw xenError('MAP_DUPLICATE_KEY', 'VDI', 'sm_config', record.uuid, key as string);
      if (SM_OWNED_KEYS.includes(key as string)) refuse(key as string);
      engine.world.update('VDI', vdi as string, { sm_config: { ...record.sm_config, [key as string]: value as string } });
    },
  });
  define(table, {
    name: 'VDI.remove_from_sm_config',
    params: [self, { name: 'key', type: 'string' }],
    run: ({ engine }, [vdi, key]) => {
      const record = engine.world.get('VDI', vdi as string);
      if (!Object.hasOwn(record.sm_config, key as string)) return;
      if (SM_OWNED_KEYS.includes(key as string)) refuse(key as string);
      const next = { ...record.sm_config };
      delete next[key as string];
      engine.world.update('VDI', vdi as string, { sm_config: next });
    },
  });
}
