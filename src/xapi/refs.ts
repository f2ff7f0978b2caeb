// Opaque references. On the wire a ref is a plain string ("OpaqueRef:<uuid>");
// clients must not parse it. The null reference is "OpaqueRef:NULL".

/** A reference to an object of the pool. Kept a plain string on purpose. */
export type Ref = string;

export const NULL_REF = 'OpaqueRef:NULL';

/**
 * Whether a ref points at nothing: "OpaqueRef:NULL", or "" (a few datamodel
 * defaults, e.g. VM.snapshot_of, are the empty string rather than the null ref).
 */
export function isNullRef(ref: unknown): boolean {
  return ref === NULL_REF || ref === '';
}

/** Whether a value looks like a live opaque reference (not null). */
export function isOpaqueRef(value: unknown): value is Ref {
  return typeof value === 'string' && value.startsWith('OpaqueRef:') && value !== NULL_REF;
}

/** The ref the simulator gives an object with this uuid-like token. */
export function makeRef(token: string): Ref {
  return `OpaqueRef:${token}`;
}
