// The shape of the XenAPI datamodel as data: one ClassSpec per class, one
// FieldSpec per field, transcribed from xapi's ocaml/idl/datamodel*.ml.
// The engine derives defaults, generic accessors, type checks of set_* calls
// and the two-way links (VM.VBDs <-> VBD.VM) from these tables, so a field is
// described once.

export type FieldType =
  | { readonly kind: 'string' }
  | { readonly kind: 'int' }
  | { readonly kind: 'float' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'datetime' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'ref'; readonly class: string }
  | { readonly kind: 'set'; readonly of: FieldType }
  | { readonly kind: 'map'; readonly key: FieldType; readonly value: FieldType };

/**
 * RW: settable by clients (generates set_<field>, and add_to_/remove_from_ for
 * sets and maps). RO: read-only to clients, maintained by the server.
 */
export type FieldAccess = 'RW' | 'RO';

/**
 * The datamodel's own qualifier. RW fields are client-settable; StaticRO
 * fields are read-only to clients but are given when the object is created
 * (they are arguments of a generated `<Class>.create`); DynamicRO fields are
 * maintained by the server alone.
 */
export type FieldQualifier = 'RW' | 'StaticRO' | 'DynamicRO';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly access: FieldAccess;
  /** Value a new record gets when the creator does not give one. */
  readonly default: unknown;
  /**
   * For a ref (or set of refs) field: the field on the other class that holds
   * the reverse link, e.g. VBD.VM has inverse 'VBDs' (on VM). The engine keeps
   * both ends equal; the set side is read-only to clients.
   */
  readonly inverse?: string;
  /**
   * Written only for 'StaticRO' (access 'RO' but a constructor argument).
   * Absent: 'RW' when access is 'RW', else 'DynamicRO'.
   */
  readonly qualifier?: FieldQualifier;
  /**
   * The datamodel gives no default, so a generated `<Class>.create` must be
   * given this field (only on RW / StaticRO fields of classes that have one).
   * `default` is then just the natural zero for records the server builds.
   */
  readonly required?: true;
  /**
   * The field is read-only to generic setters, but the class declares its own
   * `set_<field>` message (with checks of its own, e.g. VM.set_memory_static_max,
   * VM.set_other_config, VDI.set_name_label).
   */
  readonly explicitSetter?: true;
  /** Deprecated (or removed) in the datamodel's lifecycle, but still in records. */
  readonly deprecated?: true;
}

export interface ClassSpec {
  /** Class name exactly as in the datamodel: 'VM', 'host', 'SR', ... */
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  /** Whether the class has name_label (and so get_by_name_label). */
  readonly named: boolean;
}
