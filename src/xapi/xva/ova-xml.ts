// ova.xml, the first file of an XVA: xapi's export header written as one
// XML-RPC value (importexport.ml: `header = { version; objects }`, each
// object `{ class; id; snapshot }`, the snapshot being the record as the
// XenAPI's XML-RPC marshals it: ints as strings, datetimes as
// dateTime.iso8601, maps as structs). Refs inside an export are its own ids
// ("Ref:0", "Ref:1", …); a ref to something not exported is OpaqueRef:NULL.
import type { FieldSpec, FieldType } from '../datamodel/spec';
import { decodeXmlRpcValue } from '../xmlrpc-value';
import { NULL_REF } from '../refs';

/** The export header's version record (Xapi_globs field names). */
export interface ExportVersion {
  readonly hostname: string;
  readonly date: string;
  readonly product_version: string;
  readonly product_brand: string;
  readonly build_number: string;
  readonly xapi_major: number;
  readonly xapi_minor: number;
  readonly export_vsn: number;
}

export interface ExportObject {
  readonly cls: string;
  readonly id: string;
  /** The record, field name → value, already with refs mapped to export ids. */
  readonly snapshot: Readonly<Record<string, unknown>>;
}

export interface ExportHeader {
  readonly version: ExportVersion;
  readonly objects: readonly ExportObject[];
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One field value as xapi's XML-RPC writes it for its type. */
export function encodeField(value: unknown, type: FieldType): string {
  switch (type.kind) {
    case 'int':
      return `<value>${String(typeof value === 'number' ? Math.trunc(value) : 0)}</value>`;
    case 'float':
      return `<value><double>${String(typeof value === 'number' && Number.isFinite(value) ? value : 0)}</double></value>`;
    case 'bool':
      return `<value><boolean>${value === true ? '1' : '0'}</boolean></value>`;
    case 'datetime':
      return `<value><dateTime.iso8601>${escape(String(value ?? ''))}</dateTime.iso8601></value>`;
    case 'set':
      return `<value><array><data>${(Array.isArray(value) ? value : []).map((v) => encodeField(v, type.of)).join('')}</data></array></value>`;
    case 'map': {
      const entries = value !== null && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
      return `<value><struct>${entries.map(([k, v]) => `<member><name>${escape(k)}</name>${encodeField(v, type.value)}</member>`).join('')}</struct></value>`;
    }
    default:
      return `<value>${escape(String(value ?? ''))}</value>`;
  }
}

/** A field value read back from XML-RPC into the engine's representation. */
export function decodeField(raw: unknown, type: FieldType): unknown {
  switch (type.kind) {
    case 'int': {
      const n = Number(raw);
      return Number.isFinite(n) ? Math.trunc(n) : 0;
    }
    case 'float': {
      const n = Number(raw);
      return Number.isFinite(n) ? n : 0;
    }
    case 'bool':
      return raw === true || raw === '1' || raw === 'true';
    case 'ref':
      return typeof raw === 'string' && raw !== '' ? raw : NULL_REF;
    case 'set':
      return Array.isArray(raw) ? raw.map((v) => decodeField(v, type.of)) : [];
    case 'map': {
      const out: Record<string, unknown> = {};
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) for (const [k, v] of Object.entries(raw)) out[k] = decodeField(v, type.value);
      return out;
    }
    default:
      return raw === null || raw === undefined ? '' : String(raw);
  }
}

function member(name: string, value: string): string {
  return `<member><name>${escape(name)}</name>${value}</member>`;
}

/** ova.xml's text for `header`; `fieldsOf` gives each class's datamodel fields. */
export function encodeOvaXml(header: ExportHeader, fieldsOf: (cls: string) => readonly FieldSpec[]): string {
  const v = header.version;
  const int = (n: number) => `<value><i4>${String(n)}</i4></value>`;
  const str = (s: string) => `<value>${escape(s)}</value>`;
  const version =
    member('hostname', str(v.hostname)) + member('date', str(v.date)) + member('product_version', str(v.product_version)) +
    member('product_brand', str(v.product_brand)) + member('build_number', str(v.build_number)) +
    member('xapi_major', int(v.xapi_major)) + member('xapi_minor', int(v.xapi_minor)) + member('export_vsn', int(v.export_vsn));
  const objects = header.objects.map((o) => {
    const fields = fieldsOf(o.cls).map((f) => member(f.name, encodeField(o.snapshot[f.name], f.type))).join('');
    return `<value><struct>${member('class', str(o.cls))}${member('id', str(o.id))}${member('snapshot', `<value><struct>${fields}</struct></value>`)}</struct></value>`;
  });
  return `<value><struct>${member('version', `<value><struct>${version}</struct></value>`)}${member('objects', `<value><array><data>${objects.join('')}</data></array></value>`)}</struct></value>`;
}

export class OvaXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OvaXmlError';
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The header in ova.xml; records stay raw (decodeField them with the datamodel). Throws OvaXmlError. */
export function decodeOvaXml(text: string): ExportHeader {
  let root: unknown;
  try {
    root = decodeXmlRpcValue(text.trim());
  } catch (e) {
    throw new OvaXmlError(`ova.xml is not XML-RPC: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isRecord(root) || !isRecord(root['version']) || !Array.isArray(root['objects'])) throw new OvaXmlError('ova.xml lacks version or objects');
  const v = root['version'];
  const s = (k: string) => {
    if (v[k] === undefined) throw new OvaXmlError(`Failed to find key '${k}' in version data`);
    return String(v[k]);
  };
  const version: ExportVersion = {
    hostname: s('hostname'),
    date: s('date'),
    product_version: s('product_version'),
    product_brand: s('product_brand'),
    build_number: s('build_number'),
    xapi_major: Number(s('xapi_major')),
    xapi_minor: Number(s('xapi_minor')),
    export_vsn: v['export_vsn'] === undefined ? 0 : Number(v['export_vsn']),
  };
  const objects = root['objects'].map((o): ExportObject => {
    if (!isRecord(o) || typeof o['class'] !== 'string' || typeof o['id'] !== 'string' || !isRecord(o['snapshot'])) throw new OvaXmlError('ova.xml has a malformed object');
    return { cls: o['class'], id: o['id'], snapshot: o['snapshot'] };
  });
  return { version, objects };
}
