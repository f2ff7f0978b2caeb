import { describe, it, expect } from 'vitest';
import { XenApiError } from './errors';
import {
  INVALID_REQUEST,
  PARSE_ERROR,
  JsonRpcFormatError,
  formatError,
  formatRequestError,
  formatSuccess,
  makeRequest,
  parseRequest,
  parseResponse,
} from './jsonrpc';

describe('parseRequest', () => {
  it('reads a v2.0 request', () => {
    const r = parseRequest('{"jsonrpc":"2.0","method":"VM.start","params":["OpaqueRef:s","OpaqueRef:vm",false,false],"id":1}');
    expect(r).toEqual({
      ok: true,
      request: { method: 'VM.start', params: ['OpaqueRef:s', 'OpaqueRef:vm', false, false], id: 1, version: '2.0' },
    });
  });

  it('reads a v1.0 request (no jsonrpc member) with a string id', () => {
    const r = parseRequest({ method: 'host.get_resident_VMs', params: ['s', 'h'], id: 'xyz' });
    expect(r).toEqual({ ok: true, request: { method: 'host.get_resident_VMs', params: ['s', 'h'], id: 'xyz', version: '1.0' } });
  });

  it('lets v2.0 leave params out, or send one object', () => {
    const none = parseRequest({ jsonrpc: '2.0', method: 'system.listMethods', id: 2 });
    expect(none.ok && none.request.params).toEqual([]);
    const obj = parseRequest({ jsonrpc: '2.0', method: 'x.y', params: { a: 1 }, id: 3 });
    expect(obj.ok && obj.request.params).toEqual([{ a: 1 }]);
  });

  it('answers text that is not JSON with a parse error', () => {
    const r = parseRequest('{"jsonrpc":');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: PARSE_ERROR, id: null });
  });

  it.each([
    ['an array', [1, 2]],
    ['a wrong version', { jsonrpc: '1.0', method: 'a.b', params: [], id: 1 }],
    ['no method', { jsonrpc: '2.0', params: [], id: 1 }],
    ['a method that is not a string', { jsonrpc: '2.0', method: 7, params: [], id: 1 }],
    ['v1.0 without params', { method: 'a.b', id: 1 }],
    ['params that are a string', { jsonrpc: '2.0', method: 'a.b', params: 'x', id: 1 }],
    ['no id (a notification)', { jsonrpc: '2.0', method: 'a.b', params: [] }],
    ['a null id', { method: 'a.b', params: [], id: null }],
    ['a fractional id', { jsonrpc: '2.0', method: 'a.b', params: [], id: 1.5 }],
  ])('rejects %s as an invalid request', (_what, body) => {
    const r = parseRequest(body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(INVALID_REQUEST);
  });

  it('keeps the id and version of an invalid request for the answer', () => {
    const r = parseRequest({ method: 'a.b', id: 'k' });
    expect(r).toMatchObject({ ok: false, error: { id: 'k', version: '1.0' } });
    if (!r.ok) {
      expect(formatRequestError(r.error)).toEqual({ jsonrpc: '2.0', error: { code: INVALID_REQUEST, message: r.error.message }, id: 'k' });
    }
  });
});

describe('formatSuccess / formatError', () => {
  const v2 = { id: 3, version: '2.0' } as const;
  const v1 = { id: 'xyz', version: '1.0' } as const;

  it('writes v2.0 answers as xapi does', () => {
    expect(JSON.stringify(formatSuccess(v2, ['OpaqueRef:a']))).toBe('{"jsonrpc":"2.0","result":["OpaqueRef:a"],"id":3}');
    const err = new XenApiError('MAP_DUPLICATE_KEY', ['Customer', 'eSpiel Inc.', 'eSpiel Incorporated']);
    expect(JSON.stringify(formatError(v2, err))).toBe(
      '{"jsonrpc":"2.0","error":{"code":1,"message":"MAP_DUPLICATE_KEY","data":["Customer","eSpiel Inc.","eSpiel Incorporated"]},"id":3}',
    );
  });

  it('writes v1.0 answers as xapi does', () => {
    expect(JSON.stringify(formatSuccess(v1, 'OpaqueRef:a'))).toBe('{"result":"OpaqueRef:a","error":null,"id":"xyz"}');
    const err = new XenApiError('SESSION_INVALID', ['OpaqueRef:93f1']);
    expect(JSON.stringify(formatError(v1, err))).toBe('{"result":null,"error":["SESSION_INVALID","OpaqueRef:93f1"],"id":"xyz"}');
  });

  it('sends a void result as the empty string', () => {
    expect(formatSuccess(v2, undefined)).toEqual({ jsonrpc: '2.0', result: '', id: 3 });
    expect(formatSuccess(v1, undefined)).toEqual({ result: '', error: null, id: 'xyz' });
  });

  it('builds requests of both versions', () => {
    expect(makeRequest('a.b', [1], 7)).toEqual({ jsonrpc: '2.0', method: 'a.b', params: [1], id: 7 });
    expect(makeRequest('a.b', [1], 7, '1.0')).toEqual({ method: 'a.b', params: [1], id: 7 });
  });
});

describe('parseResponse', () => {
  it('reads successes of both versions', () => {
    expect(parseResponse('{"jsonrpc":"2.0","result":[1,2],"id":3}')).toEqual({ ok: true, result: [1, 2], id: 3 });
    expect(parseResponse({ result: 'x', error: null, id: 'a' })).toEqual({ ok: true, result: 'x', id: 'a' });
    expect(parseResponse({ result: null, error: null, id: 1 })).toEqual({ ok: true, result: null, id: 1 });
  });

  it('turns errors of both versions into XenApiError', () => {
    const e2 = parseResponse({ jsonrpc: '2.0', error: { code: 1, message: 'VM_BAD_POWER_STATE', data: ['vm', 'halted', 'running'] }, id: 1 });
    expect(e2.ok).toBe(false);
    if (!e2.ok) {
      expect(e2.error).toBeInstanceOf(XenApiError);
      expect(e2.error.code).toBe('VM_BAD_POWER_STATE');
      expect(e2.error.params).toEqual(['vm', 'halted', 'running']);
    }
    const e1 = parseResponse({ result: null, error: ['HANDLE_INVALID', 'VM', 'OpaqueRef:x'], id: 1 });
    expect(!e1.ok && e1.error.toArray()).toEqual(['HANDLE_INVALID', 'VM', 'OpaqueRef:x']);
  });

  it('round-trips every XenAPI error through both envelopes', () => {
    const err = new XenApiError('OTHER_OPERATION_IN_PROGRESS', ['VM', 'OpaqueRef:v', 'start', 'OpaqueRef:t']);
    for (const version of ['1.0', '2.0'] as const) {
      const out = parseResponse(JSON.parse(JSON.stringify(formatError({ id: 9, version }, err))));
      expect(!out.ok && out.error.toArray()).toEqual(err.toArray());
      expect(out.id).toBe(9);
    }
  });

  it('understands the odd shapes servers send', () => {
    const arr = parseResponse({ jsonrpc: '2.0', error: ['INTERNAL_ERROR', 'boom'], id: 0 });
    expect(!arr.ok && arr.error.toArray()).toEqual(['INTERNAL_ERROR', 'boom']);
    const std = parseResponse({ jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: 1 });
    expect(!std.ok && std.error.toArray()).toEqual(['Method not found']);
    const odd = parseResponse({ jsonrpc: '2.0', error: { code: 1, message: 'X', data: { a: 1 } }, id: 1 });
    expect(!odd.ok && odd.error.params).toEqual(['{"a":1}']);
  });

  it('throws JsonRpcFormatError on bodies that are not envelopes', () => {
    expect(() => parseResponse('<html>500</html>')).toThrow(JsonRpcFormatError);
    expect(() => parseResponse([1])).toThrow(JsonRpcFormatError);
    expect(() => parseResponse({ id: 1 })).toThrow(JsonRpcFormatError);
    expect(() => parseResponse({ jsonrpc: '3.0', result: 1, id: 1 })).toThrow(JsonRpcFormatError);
    expect(() => parseResponse({ jsonrpc: '2.0', error: 42, id: 1 })).toThrow(JsonRpcFormatError);
  });
});
