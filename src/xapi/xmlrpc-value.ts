// XML-RPC values, as xapi writes them into task.result: an Async.* call's
// value is stored as XML-RPC text, e.g. "<value>OpaqueRef:1234</value>" for a
// ref, "" for void. Encoding follows xapi's XML-RPC writer: strings and ints
// are bare "<value>…</value>", floats "<double>", booleans "<boolean>1|0",
// sets "<array><data>…", maps "<struct><member>…".

/** Text as XML character data (characters XML 1.0 cannot carry are dropped). */
export function escapeText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&') out += '&amp;';
    else if (ch === '"') out += '&quot;';
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue; // not representable in XML 1.0
    else out += ch;
  }
  return out;
}

/** A double as xapi writes it: nan, inf, -inf, else at most 16 significant digits. */
export function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return String(Number(x.toPrecision(16)));
}

/** Encode a JSON-like value as one XML-RPC `<value>` element. */
export function encodeXmlRpcValue(value: unknown): string {
  if (value === null || value === undefined) return '<value><nil/></value>';
  if (typeof value === 'string') return `<value>${escapeText(value)}</value>`;
  if (typeof value === 'boolean') return `<value><boolean>${value ? '1' : '0'}</boolean></value>`;
  if (typeof value === 'bigint') return `<value>${value.toString()}</value>`;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? `<value>${value}</value>` : `<value><double>${formatDouble(value)}</double></value>`;
  }
  if (Array.isArray(value)) {
    return `<value><array><data>${value.map(encodeXmlRpcValue).join('')}</data></array></value>`;
  }
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<member><name>${escapeText(k)}</name>${encodeXmlRpcValue(v)}</member>`)
      .join('');
    return `<value><struct>${members}</struct></value>`;
  }
  return `<value>${escapeText(String(value))}</value>`;
}

/**
 * The text xapi stores in task.result for a call's value: "" for void (and for
 * an empty string, which xapi's void also is on the wire), else XML-RPC.
 */
export function encodeTaskResult(result: unknown): string {
  return result === undefined || result === null || result === '' ? '' : encodeXmlRpcValue(result);
}

export class XmlRpcParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlRpcParseError';
  }
}

function unescapeText(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

const TAG = /<\s*(\/?[A-Za-z][\w.-]*\s*\/?)\s*>/y;

/** A small reader for the subset of XML that XML-RPC values use. */
class Reader {
  private pos = 0;
  constructor(private readonly text: string) {}

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  /** The next tag ("value", "/value", "nil/"), without consuming it; undefined if text comes first. */
  peekTag(): string | undefined {
    const save = this.pos;
    this.skipSpace();
    const m = this.matchTag();
    this.pos = save;
    return m?.[1]?.replace(/\s+/g, '');
  }

  tag(): string {
    this.skipSpace();
    const m = this.matchTag();
    if (m === null || m[1] === undefined) throw new XmlRpcParseError(`expected a tag at ${this.pos}`);
    this.pos += m[0].length;
    return m[1].replace(/\s+/g, '');
  }

  /** The tag at pos. A sticky regex: no copy of the rest of the text, so reading stays linear in its length. */
  private matchTag(): RegExpExecArray | null {
    TAG.lastIndex = this.pos;
    return TAG.exec(this.text);
  }

  expect(name: string): void {
    const t = this.tag();
    if (t !== name) throw new XmlRpcParseError(`expected <${name}>, found <${t}>`);
  }

  /** Raw text up to the next '<'. */
  text_(): string {
    if (this.text.startsWith('<![CDATA[', this.pos)) throw new XmlRpcParseError('CDATA sections are not XML-RPC');
    const end = this.text.indexOf('<', this.pos);
    const raw = this.text.slice(this.pos, end < 0 ? this.text.length : end);
    this.pos += raw.length;
    return unescapeText(raw);
  }

  /** Skip an XML declaration and comments (a methodCall may start with both). */
  skipProlog(): void {
    for (;;) {
      this.skipSpace();
      const close = this.text.startsWith('<?', this.pos) ? '?>' : this.text.startsWith('<!--', this.pos) ? '-->' : undefined;
      if (close === undefined) return;
      const end = this.text.indexOf(close, this.pos);
      if (end < 0) throw new XmlRpcParseError('unterminated XML declaration or comment');
      this.pos = end + close.length;
    }
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }
}

function readValue(r: Reader): unknown {
  const open = r.tag();
  if (open === 'value/') return '';
  if (open !== 'value') throw new XmlRpcParseError(`expected <value>, found <${open}>`);
  const before = r.text_();
  const next = r.peekTag();
  if (next === '/value') {
    r.tag();
    return before; // untyped: a string (xapi also writes ints this way)
  }
  const result = readTyped(r);
  r.expect('/value');
  return result;
}

function readTyped(r: Reader): unknown {
  const t = r.tag();
  const close = (name: string, v: unknown): unknown => {
    r.expect(`/${name}`);
    return v;
  };
  switch (t) {
    case 'nil/':
      return null;
    case 'string/':
    case 'array/':
    case 'struct/':
      return t === 'string/' ? '' : t === 'array/' ? [] : {};
    case 'string':
    case 'dateTime.iso8601':
    case 'base64':
      return close(t, r.text_());
    case 'i4':
    case 'i8':
    case 'int':
    case 'double':
      return close(t, Number(r.text_().trim()));
    case 'boolean':
      return close(t, r.text_().trim() === '1');
    case 'array': {
      const items: unknown[] = [];
      if (r.peekTag() === 'data/') {
        r.tag();
      } else {
        r.expect('data');
        while (r.peekTag() !== '/data') items.push(readValue(r));
        r.expect('/data');
      }
      return close('array', items);
    }
    case 'struct': {
      const out: Record<string, unknown> = {};
      while (r.peekTag() === 'member') {
        r.expect('member');
        r.expect('name');
        const name = r.text_();
        r.expect('/name');
        out[name] = readValue(r);
        r.expect('/member');
      }
      return close('struct', out);
    }
    default:
      throw new XmlRpcParseError(`unknown XML-RPC type <${t}>`);
  }
}

/** Decode one XML-RPC `<value>` element. Throws XmlRpcParseError on bad input. */
export function decodeXmlRpcValue(text: string): unknown {
  const r = new Reader(text);
  const value = readValue(r);
  if (!r.atEnd()) throw new XmlRpcParseError('trailing text after </value>');
  return value;
}

/**
 * Decode task.result. Real xapi stores XML-RPC text ("<value>OpaqueRef:…</value>");
 * some servers store the plain value. Anything that does not parse as XML-RPC
 * is returned as it is.
 */
export function decodeTaskResult(result: unknown): unknown {
  if (typeof result !== 'string') return result;
  const text = result.trim();
  if (!text.startsWith('<value')) return result;
  try {
    return decodeXmlRpcValue(text);
  } catch {
    return result;
  }
}

/** An XML-RPC request: `<methodCall><methodName>m</methodName><params><param><value>…`. */
export interface XmlRpcMethodCall {
  readonly methodName: string;
  readonly params: unknown[];
}

/** Decode the text of an XML-RPC methodCall. Throws XmlRpcParseError on bad input. */
export function decodeXmlRpcMethodCall(text: string): XmlRpcMethodCall {
  const r = new Reader(text);
  r.skipProlog();
  r.expect('methodCall');
  r.expect('methodName');
  const methodName = r.text_().trim();
  r.expect('/methodName');
  const params: unknown[] = [];
  const next = r.peekTag();
  if (next === 'params/') {
    r.tag();
  } else if (next === 'params') {
    r.tag();
    while (r.peekTag() === 'param') {
      r.tag();
      params.push(readValue(r));
      r.expect('/param');
    }
    r.expect('/params');
  }
  r.expect('/methodCall');
  r.skipProlog();
  if (!r.atEnd()) throw new XmlRpcParseError('trailing text after </methodCall>');
  if (methodName === '') throw new XmlRpcParseError('empty methodName');
  return { methodName, params };
}
