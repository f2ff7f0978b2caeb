// Builders for FieldType values that keep their literal types, so that the
// record types in ../types.ts can be derived from the `as const` class specs.
import type { FieldType } from './spec';

export const T = {
  string: { kind: 'string' },
  int: { kind: 'int' },
  float: { kind: 'float' },
  bool: { kind: 'bool' },
  datetime: { kind: 'datetime' },
} as const satisfies Readonly<Record<string, FieldType>>;

export function ref<const C extends string>(cls: C): { readonly kind: 'ref'; readonly class: C } {
  return { kind: 'ref', class: cls };
}

export function setOf<const O extends FieldType>(of: O): { readonly kind: 'set'; readonly of: O } {
  return { kind: 'set', of };
}

export function mapOf<const K extends FieldType, const V extends FieldType>(
  key: K,
  value: V,
): { readonly kind: 'map'; readonly key: K; readonly value: V } {
  return { kind: 'map', key, value };
}

export function enumOf<const V extends readonly string[]>(values: V): { readonly kind: 'enum'; readonly values: V } {
  return { kind: 'enum', values };
}
