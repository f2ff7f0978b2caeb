import { describe, it, expect } from 'vitest';
import { decodeTaskResult, decodeXmlRpcValue, encodeTaskResult, encodeXmlRpcValue, XmlRpcParseError } from './xmlrpc-value';

describe('encodeXmlRpcValue', () => {
  it('writes values as xapi does', () => {
    expect(encodeXmlRpcValue('OpaqueRef:1')).toBe('<value>OpaqueRef:1</value>');
    expect(encodeXmlRpcValue(42)).toBe('<value>42</value>');
    expect(encodeXmlRpcValue(0.5)).toBe('<value><double>0.5</double></value>');
    expect(encodeXmlRpcValue(true)).toBe('<value><boolean>1</boolean></value>');
    expect(encodeXmlRpcValue(null)).toBe('<value><nil/></value>');
    expect(encodeXmlRpcValue(['a'])).toBe('<value><array><data><value>a</value></data></array></value>');
    expect(encodeXmlRpcValue({ k: 'v' })).toBe('<value><struct><member><name>k</name><value>v</value></member></struct></value>');
    expect(encodeXmlRpcValue('a<b & "c"')).toBe('<value>a&lt;b &amp; &quot;c&quot;</value>');
  });

  it('stores void and empty results as the empty string', () => {
    expect(encodeTaskResult(undefined)).toBe('');
    expect(encodeTaskResult('')).toBe('');
    expect(encodeTaskResult('OpaqueRef:v')).toBe('<value>OpaqueRef:v</value>');
  });
});

describe('decodeXmlRpcValue', () => {
  it('reads what encodeXmlRpcValue writes', () => {
    const value = { refs: ['OpaqueRef:a', 'OpaqueRef:b'], ok: false, ratio: 0.25, note: 'x<y', none: null, empty: [], map: {} };
    expect(decodeXmlRpcValue(encodeXmlRpcValue(value))).toEqual(value);
  });

  it('reads typed elements and whitespace between tags', () => {
    const text = `<value>
      <struct>
        <member><name>a</name><value><i4>7</i4></value></member>
        <member><name>b</name><value><string>s</string></value></member>
        <member><name>c</name><value><dateTime.iso8601>20261128T01:02:03Z</dateTime.iso8601></value></member>
        <member><name>d</name><value/></member>
      </struct>
    </value>`;
    expect(decodeXmlRpcValue(text)).toEqual({ a: 7, b: 's', c: '20261128T01:02:03Z', d: '' });
  });

  it('rejects broken text', () => {
    expect(() => decodeXmlRpcValue('<value><array></value>')).toThrow(XmlRpcParseError);
    expect(() => decodeXmlRpcValue('<value>a</value>junk')).toThrow(XmlRpcParseError);
  });
});

describe('decodeTaskResult', () => {
  it('accepts wrapped and plain results', () => {
    expect(decodeTaskResult('<value>OpaqueRef:abc</value>')).toBe('OpaqueRef:abc');
    expect(decodeTaskResult('OpaqueRef:abc')).toBe('OpaqueRef:abc');
    expect(decodeTaskResult('')).toBe('');
    expect(decodeTaskResult('<value><broken')).toBe('<value><broken');
  });
});
