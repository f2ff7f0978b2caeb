// The accessors XenAPI has for every class, generated from the datamodel:
// get_all, get_all_records, get_record, get_by_uuid, get_by_name_label,
// get_<field>, and for writable fields set_<field>, add_<set>/remove_<set>,
// add_to_<map>/remove_from_<map>. Class modules may replace any of them.
import { CLASSES, type ClassName } from '../../xapi/datamodel/classes';
import type { FieldSpec } from '../../xapi/datamodel/spec';
import { xenError } from '../../xapi/errors';
import { assertFieldValue, normalizeFieldValue } from './field-check';
import { define, ref, type MethodTable } from './registry';

export function defineGenericAccessors(table: MethodTable): void {
  for (const spec of Object.values(CLASSES)) {
    const cls = spec.name as ClassName;
    const self = { name: 'self', type: ref(cls) } as const;

    // xapi lists every class's objects except sessions (datamodel.ml's expose_get_all_messages_for).
    if (cls !== 'session') {
      define(table, {
        name: `${cls}.get_all`,
        params: [],
        run: ({ engine }) => engine.world.refs(cls),
      });
      define(table, {
        name: `${cls}.get_all_records`,
        params: [],
        run: ({ engine }) => Object.fromEntries(engine.world.entries(cls)),
      });
    }
    define(table, {
      name: `${cls}.get_record`,
      params: [self],
      run: ({ engine }, [r]) => engine.world.get(cls, r as string),
    });
    define(table, {
      name: `${cls}.get_by_uuid`,
      params: [{ name: 'uuid', type: 'string' }],
      run: ({ engine }, [uuid]) => {
        const found = engine.world.refByUuid(cls, uuid as string);
        if (found === undefined) throw xenError('UUID_INVALID', cls, uuid as string);
        return found;
      },
    });
    if (spec.named) {
      define(table, {
        name: `${cls}.get_by_name_label`,
        params: [{ name: 'label', type: 'string' }],
        run: ({ engine }, [label]) =>
          [...engine.world.entries(cls)].filter(([, rec]) => (rec as { name_label?: string }).name_label === label).map(([r]) => r),
      });
    }

    for (const f of spec.fields as readonly FieldSpec[]) {
      define(table, {
        name: `${cls}.get_${f.name}`,
        params: [self],
        run: ({ engine }, [r]) => (engine.world.get(cls, r as string) as Record<string, unknown>)[f.name],
      });
      // Explicit setters of read-only fields get a plain one here; class modules replace those that need checks.
      if (f.access !== 'RW' && f.explicitSetter !== true) continue;
      define(table, {
        name: `${cls}.set_${f.name}`,
        params: [self, { name: 'value', type: 'any' } /* checked against the field's type */],
        run: ({ engine }, [r, value]) => {
          assertFieldValue(engine, f.name, f.type, value);
          engine.world.update(cls, r as string, { [f.name]: normalizeFieldValue(f.type, value) } as never);
        },
      });
      if (f.type.kind === 'set') {
        const of = f.type.of;
        define(table, {
          name: `${cls}.add_${f.name}`,
          params: [self, { name: 'value', type: 'any' }],
          run: ({ engine }, [r, value]) => {
            assertFieldValue(engine, f.name, of, value);
            const current = (engine.world.get(cls, r as string) as Record<string, unknown>)[f.name] as unknown[];
            if (!current.includes(value)) engine.world.update(cls, r as string, { [f.name]: [...current, value] } as never);
          },
        });
        define(table, {
          name: `${cls}.remove_${f.name}`,
          params: [self, { name: 'value', type: 'any' }],
          run: ({ engine }, [r, value]) => {
            const current = (engine.world.get(cls, r as string) as Record<string, unknown>)[f.name] as unknown[];
            engine.world.update(cls, r as string, { [f.name]: current.filter((v) => v !== value) } as never);
          },
        });
      }
      if (f.type.kind === 'map') {
        const valueType = f.type.value;
        const keyType = f.type.key;
        define(table, {
          name: `${cls}.add_to_${f.name}`,
          params: [self, { name: 'key', type: 'string' }, { name: 'value', type: 'any' }],
          run: ({ engine }, [r, key, value]) => {
            assertFieldValue(engine, f.name, keyType, key);
            assertFieldValue(engine, f.name, valueType, value);
            const record = engine.world.get(cls, r as string) as Record<string, unknown>;
            const current = record[f.name] as Record<string, unknown>;
            if (Object.hasOwn(current, key as string)) throw xenError('MAP_DUPLICATE_KEY', cls, f.name, String(record['uuid']), key as string);
            engine.world.update(cls, r as string, { [f.name]: { ...current, [key as string]: value } } as never);
          },
        });
        define(table, {
          name: `${cls}.remove_from_${f.name}`,
          params: [self, { name: 'key', type: 'string' }],
          run: ({ engine }, [r, key]) => {
            const current = { ...((engine.world.get(cls, r as string) as Record<string, unknown>)[f.name] as Record<string, unknown>) };
            delete current[key as string];
            engine.world.update(cls, r as string, { [f.name]: current } as never);
          },
        });
      }
    }
  }
}
