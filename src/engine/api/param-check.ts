// Types of call parameters, checked before a handler runs. Wrong JSON types
// get FIELD_TYPE_ERROR naming the parameter; unknown refs get HANDLE_INVALID.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import type { Param } from './registry';

function isStringMap(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

export function checkParam(engine: Engine, param: Param, value: unknown): void {
  const t = param.type;
  const bad = () => xenError('FIELD_TYPE_ERROR', param.name);
  if (t === 'any') return;
  if (t === 'string' || t === 'datetime') {
    if (typeof value !== 'string') throw bad();
  } else if (t === 'int') {
    // int64s may arrive as numbers or (from XML-RPC-minded clients) decimal strings.
    if (!(typeof value === 'number' && Number.isInteger(value)) && !(typeof value === 'string' && /^-?\d+$/.test(value))) throw bad();
  } else if (t === 'float') {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw bad();
  } else if (t === 'bool') {
    if (typeof value !== 'boolean') throw bad();
  } else if (t === 'string_map') {
    if (!isStringMap(value)) throw bad();
  } else if (t === 'string_set') {
    if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) throw bad();
  } else if ('ref' in t) {
    if (typeof value !== 'string') throw bad();
    const cls = t.ref === 'any' ? engine.world.classOf(value) : t.ref;
    if (cls === undefined || !engine.world.has(cls, value)) throw xenError('HANDLE_INVALID', t.ref === 'any' ? 'object' : t.ref, value);
  } else {
    if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) throw bad();
    for (const r of value as string[]) if (!engine.world.has(t.refs, r)) throw xenError('HANDLE_INVALID', t.refs, r);
  }
}

/** An int parameter as a number (JSON numbers or decimal strings). */
export function toInt(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
