// XML-RPC values written with their XenAPI type, as xapi writes them
// (wire-protocol.md): a `float` is always <double> (even 1.0, which a plain
// JSON number cannot tell from the int 1, and an int travels as a decimal
// string), a `datetime` is <dateTime.iso8601>. The type comes from the
// datamodel: record fields for X.get_record / X.get_all_records[_where] /
// event.from snapshots, the field's type for X.get_<field>. Anything else is
// written from the value alone (encodeXmlRpcValue), which is right for
// strings, refs, bools, ints, sets and maps of those.
import { CLASSES } from '../xapi/datamodel/classes';
import type { ClassSpec, FieldType } from '../xapi/datamodel/spec';
import { encodeXmlRpcValue, escapeText, formatDouble } from '../xapi/xmlrpc-value';

/** How to write a value: a datamodel type, the fields of a record, or as it comes. */
type Shape =
  | { readonly kind: 'type'; readonly type: FieldType }
  | { readonly kind: 'record'; readonly cls: ClassSpec }
  | { readonly kind: 'records'; readonly cls: ClassSpec }
  | { readonly kind: 'events' }
  | { readonly kind: 'plain' };

const PLAIN: Shape = { kind: 'plain' };
const BY_NAME = new Map<string, ClassSpec>(Object.values(CLASSES).map((c: ClassSpec) => [c.name, c]));
const BY_LOWER_NAME = new Map<string, ClassSpec>(Object.values(CLASSES).map((c: ClassSpec) => [c.name.toLowerCase(), c]));

function struct(entries: readonly (readonly [string, string])[]): string {
  return `<value><struct>${entries.map(([k, v]) => `<member><name>${escapeText(k)}</name>${v}</member>`).join('')}</struct></value>`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function encodeTyped(type: FieldType, value: unknown): string {
  switch (type.kind) {
    case 'float':
      return typeof value === 'number' ? `<value><double>${formatDouble(value)}</double></value>` : encodeXmlRpcValue(value);
    case 'datetime':
      return typeof value === 'string' ? `<value><dateTime.iso8601>${escapeText(value)}</dateTime.iso8601></value>` : encodeXmlRpcValue(value);
    case 'set':
      return Array.isArray(value) ? `<value><array><data>${value.map((v) => encodeTyped(type.of, v)).join('')}</data></array></value>` : encodeXmlRpcValue(value);
    case 'map':
      return isRecord(value) ? struct(Object.entries(value).map(([k, v]) => [k, encodeTyped(type.value, v)])) : encodeXmlRpcValue(value);
    default:
      return encodeXmlRpcValue(value);
  }
}

function encodeRecord(cls: ClassSpec, record: unknown): string {
  if (!isRecord(record)) return encodeXmlRpcValue(record);
  const types = new Map(cls.fields.map((f) => [f.name, f.type]));
  return struct(
    Object.entries(record)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        const type = types.get(k);
        return [k, type === undefined ? encodeXmlRpcValue(v) : encodeTyped(type, v)];
      }),
  );
}

/** event.from's answer: each event's snapshot is a record of the event's class. */
function encodeEvents(value: unknown): string {
  if (!isRecord(value) || !Array.isArray(value['events'])) return encodeXmlRpcValue(value);
  const events = value['events'].map((e: unknown) => {
    if (!isRecord(e)) return encodeXmlRpcValue(e);
    const cls = typeof e['class'] === 'string' ? BY_LOWER_NAME.get(e['class'].toLowerCase()) : undefined;
    return struct(
      Object.entries(e).map(([k, v]) => [
        k,
        k === 'snapshot' && cls !== undefined ? encodeRecord(cls, v) : k === 'timestamp' ? encodeTyped({ kind: 'datetime' }, v) : encodeXmlRpcValue(v),
      ]),
    );
  });
  return struct(Object.entries(value).map(([k, v]) => [k, k === 'events' ? `<value><array><data>${events.join('')}</data></array></value>` : encodeXmlRpcValue(v)]));
}

function shapeOf(method: string): Shape {
  const name = method.startsWith('Async.') ? '' : method;
  if (name === 'event.from') return { kind: 'events' };
  const dot = name.indexOf('.');
  const cls = BY_NAME.get(name.slice(0, dot));
  if (dot < 0 || cls === undefined) return PLAIN;
  const message = name.slice(dot + 1);
  if (message === 'get_record') return { kind: 'record', cls };
  if (message === 'get_all_records' || message === 'get_all_records_where') return { kind: 'records', cls };
  if (message.startsWith('get_')) {
    const field = cls.fields.find((f) => f.name === message.slice(4));
    if (field !== undefined) return { kind: 'type', type: field.type };
  }
  return PLAIN;
}

/** The XML-RPC <value> of `method`'s result, typed as xapi types it. */
export function encodeXmlRpcResult(method: string, value: unknown): string {
  const shape = shapeOf(method);
  switch (shape.kind) {
    case 'type':
      return encodeTyped(shape.type, value);
    case 'record':
      return encodeRecord(shape.cls, value);
    case 'records':
      return isRecord(value) ? struct(Object.entries(value).map(([ref, r]) => [ref, encodeRecord(shape.cls, r)])) : encodeXmlRpcValue(value);
    case 'events':
      return encodeEvents(value);
    default:
      return encodeXmlRpcValue(value);
  }
}
