import { describe, it, expect } from 'vitest';
import { FetchTransport, type FetchInitLike, type FetchLike } from './fetch-transport';
import { makeRequest } from './jsonrpc';
import { TransportError } from './transport';

function fakeFetch(answer: (url: string, init: FetchInitLike) => { status: number; body: string } | Error) {
  const seen: { url: string; init: FetchInitLike }[] = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push({ url, init });
    const a = answer(url, init);
    if (a instanceof Error) throw a;
    return { ok: a.status >= 200 && a.status < 300, status: a.status, statusText: '', text: async () => a.body };
  };
  return { fetch, seen };
}

describe('FetchTransport', () => {
  const request = makeRequest('session.login_with_password', ['root', 'pw'], 1);

  it('POSTs the request as JSON and returns the decoded answer', async () => {
    const { fetch, seen } = fakeFetch(() => ({ status: 200, body: '{"jsonrpc":"2.0","result":"OpaqueRef:s","id":1}' }));
    const t = new FetchTransport({ url: 'http://127.0.0.1:8080/jsonrpc', fetch, headers: { 'X-Test': '1' } });
    expect(await t.send(request)).toEqual({ jsonrpc: '2.0', result: 'OpaqueRef:s', id: 1 });
    expect(seen[0]?.url).toBe('http://127.0.0.1:8080/jsonrpc');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Test': '1' } });
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual(request);
  });

  it('turns HTTP errors, bad bodies and network failures into TransportError', async () => {
    const http500 = new FetchTransport({ url: 'u', fetch: fakeFetch(() => ({ status: 500, body: '<html><body>Malformed_method_request</body></html>' })).fetch });
    await expect(http500.send(request)).rejects.toMatchObject({ name: 'TransportError', status: 500, message: expect.stringContaining('Malformed_method_request') });
    const html = new FetchTransport({ url: 'u', fetch: fakeFetch(() => ({ status: 200, body: '<html/>' })).fetch });
    await expect(html.send(request)).rejects.toBeInstanceOf(TransportError);
    const down = new FetchTransport({ url: 'u', fetch: fakeFetch(() => new Error('ECONNREFUSED')).fetch });
    await expect(down.send(request)).rejects.toMatchObject({ message: expect.stringContaining('ECONNREFUSED') });
  });

  it('passes the abort signal on, and reports aborts as such', async () => {
    const controller = new AbortController();
    const { fetch, seen } = fakeFetch(() => new Error('aborted by signal'));
    const t = new FetchTransport({ url: 'u', fetch });
    controller.abort();
    await expect(t.send(request, { signal: controller.signal })).rejects.toMatchObject({ aborted: true });
    expect(seen).toHaveLength(0); // aborted before sending
  });

  it("accepts the platform's fetch and AbortSignal as they are", () => {
    // Type-level check (tsc -b, test project with DOM and Node types): no casts needed.
    const t = new FetchTransport({ url: 'http://localhost/jsonrpc', fetch: globalThis.fetch });
    expect(t).toBeInstanceOf(FetchTransport);
  });
});
