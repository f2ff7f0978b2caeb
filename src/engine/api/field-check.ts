// Values given to set_* calls, checked against the field's datamodel type.
import type { FieldType } from '../../xapi/datamodel/spec';
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import type { ClassName } from '../../xapi/datamodel/classes';

export function fieldValueOk(engine: Engine, type: FieldType, value: unknown): boolean {
  switch (type.kind) {
    case 'string':
    case 'datetime':
      return typeof value === 'string';
    case 'int':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value));
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && type.values.includes(value);
    case 'ref':
      return typeof value === 'string' && (value === 'OpaqueRef:NULL' || engine.world.has(type.class as ClassName, value));
    case 'set':
      return Array.isArray(value) && value.every((v) => fieldValueOk(engine, type.of, v));
    case 'map':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(([k, v]) => fieldValueOk(engine, type.key, k) && fieldValueOk(engine, type.value, v))
      );
  }
}

/** Normalize a checked value to the stored form (ints given as strings become numbers). */
export function normalizeFieldValue(type: FieldType, value: unknown): unknown {
  if (type.kind === 'int' && typeof value === 'string') return Number(value);
  return value;
}

export function assertFieldValue(engine: Engine, field: string, type: FieldType, value: unknown): void {
  if (fieldValueOk(engine, type, value)) return;
  if (type.kind === 'enum') throw xenError('INVALID_VALUE', field, String(value));
  throw xenError('FIELD_TYPE_ERROR', field);
}
