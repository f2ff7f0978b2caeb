// The record argument of a generated `<Class>.create(session, record)`: xapi
// reads the constructor's fields (RW and StaticRO) from it, ignores others,
// and takes each field's default where the datamodel has one. A field
// without a default must be given. Values are checked against the field's
// type before any handler sees them.
import { CLASSES, type ClassName } from '../../xapi/datamodel/classes';
import type { FieldSpec } from '../../xapi/datamodel/spec';
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { assertFieldValue, normalizeFieldValue } from './field-check';

function isConstructorField(f: FieldSpec): boolean {
  return f.access === 'RW' || f.qualifier === 'StaticRO';
}

/** The constructor fields of `record` for class `cls`, checked and normalized (ints as numbers). */
export function readCreateRecord(engine: Engine, cls: ClassName, record: unknown): Record<string, unknown> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw xenError('FIELD_TYPE_ERROR', 'args');
  const given = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of CLASSES[cls].fields as readonly FieldSpec[]) {
    if (!isConstructorField(f)) continue;
    if (!Object.hasOwn(given, f.name)) {
      if (f.required === true) throw xenError('FIELD_TYPE_ERROR', f.name);
      continue;
    }
    const value = given[f.name];
    assertFieldValue(engine, f.name, f.type, value);
    out[f.name] = normalizeFieldValue(f.type, value);
  }
  return out;
}
