// The two-way links of the datamodel (VBD.VM <-> VM.VBDs, ...), derived once
// from the class specs so the world can keep both ends equal.
import type { ClassSpec, FieldType } from '../../xapi/datamodel/spec';

export interface LinkField {
  readonly field: string;
  /** Class at the other end. */
  readonly target: string;
  /** Field on the target that holds the way back. */
  readonly inverse: string;
  /** Whether this end holds a set of refs (else a single ref). */
  readonly many: boolean;
  /** Whether the other end holds a set of refs. */
  readonly inverseMany: boolean;
}

function refTarget(type: FieldType): { target: string; many: boolean } | undefined {
  if (type.kind === 'ref') return { target: type.class, many: false };
  if (type.kind === 'set' && type.of.kind === 'ref') return { target: type.of.class, many: true };
  return undefined;
}

export function deriveLinks(classes: Readonly<Record<string, ClassSpec>>): ReadonlyMap<string, readonly LinkField[]> {
  const links = new Map<string, LinkField[]>();
  for (const spec of Object.values(classes)) {
    const list: LinkField[] = [];
    for (const f of spec.fields) {
      if (f.inverse === undefined) continue;
      const here = refTarget(f.type);
      const targetSpec = here && classes[here.target];
      const back = targetSpec?.fields.find((g) => g.name === f.inverse);
      const there = back && refTarget(back.type);
      if (here === undefined || there === undefined) {
        throw new Error(`datamodel: ${spec.name}.${f.name} names inverse ${f.inverse} that is not a ref field`);
      }
      list.push({ field: f.name, target: here.target, inverse: f.inverse, many: here.many, inverseMany: there.many });
    }
    links.set(spec.name, list);
  }
  return links;
}

export function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== 'OpaqueRef:NULL');
  return typeof value === 'string' && value !== 'OpaqueRef:NULL' ? [value] : [];
}
