// For unit tests: the object cache as plain maps of full records (each field
// at its datamodel default unless given), and the allowed_operations a pool
// reports for a VM in each power state.
import { CLASSES, type ClassName } from '../../../xapi/datamodel/classes';
import type { FieldSpec } from '../../../xapi/datamodel/spec';
import type { RecordOf } from '../../../xapi/types';
import type { CacheReader } from '../action-types';

function defaults(cls: ClassName): Record<string, unknown> {
  const spec = CLASSES[cls] as { readonly fields: readonly FieldSpec[] };
  return Object.fromEntries(spec.fields.map((f) => [f.name, f.default]));
}

export class PlainCache implements CacheReader {
  private readonly tables = new Map<ClassName, Map<string, unknown>>();
  private n = 0;

  add<C extends ClassName>(cls: C, fields: Partial<RecordOf<C>>, ref = `OpaqueRef:${cls}-${String(++this.n)}`): string {
    let table = this.tables.get(cls);
    if (table === undefined) {
      table = new Map();
      this.tables.set(cls, table);
    }
    table.set(ref, { ...defaults(cls), uuid: ref, ...fields });
    return ref;
  }

  update<C extends ClassName>(cls: C, ref: string, fields: Partial<RecordOf<C>>): void {
    const table = this.tables.get(cls);
    const old = table?.get(ref);
    if (table === undefined || old === undefined) throw new Error(`no ${cls} ${ref}`);
    table.set(ref, { ...(old as object), ...fields });
  }

  get<C extends ClassName>(cls: C, ref: string): RecordOf<C> | undefined {
    return this.tables.get(cls)?.get(ref) as RecordOf<C> | undefined;
  }

  all<C extends ClassName>(cls: C): ReadonlyMap<string, RecordOf<C>> {
    return (this.tables.get(cls) ?? new Map()) as ReadonlyMap<string, RecordOf<C>>;
  }

  classOf(ref: string): ClassName | undefined {
    for (const [cls, table] of this.tables) if (table.has(ref)) return cls;
    return undefined;
  }
}

type Ops = RecordOf<'VM'>['allowed_operations'];

/** What xapi allows a plain guest in each power state (its lifecycle table). */
export const OPS: Readonly<Record<RecordOf<'VM'>['power_state'], Ops>> = {
  Halted: ['start', 'start_on', 'destroy', 'clone', 'copy', 'export', 'snapshot', 'make_into_template', 'migrate_send', 'changing_static_range', 'changing_dynamic_range', 'changing_VCPUs'],
  Running: ['clean_shutdown', 'clean_reboot', 'hard_shutdown', 'hard_reboot', 'suspend', 'pause', 'pool_migrate', 'snapshot', 'checkpoint', 'changing_dynamic_range'],
  Paused: ['unpause', 'hard_shutdown', 'hard_reboot', 'snapshot', 'checkpoint'],
  Suspended: ['resume', 'resume_on', 'hard_shutdown', 'destroy', 'export', 'snapshot', 'checkpoint'],
};

/** A guest VM in a power state, allowed what xapi allows it there. */
export function addVm(cache: PlainCache, name: string, power: RecordOf<'VM'>['power_state'], fields: Partial<RecordOf<'VM'>> = {}): string {
  return cache.add('VM', { name_label: name, power_state: power, allowed_operations: OPS[power], ...fields });
}
