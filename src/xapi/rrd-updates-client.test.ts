// Parsing rrd_updates answers in the spellings xapi sends: XML (default),
// JSON with every scalar a string (xapi ≥ 23.31), and the older
// JavaScript-like JSON (keys unquoted, NaN bare); requests through a port.
import { describe, expect, it } from 'vitest';
import type { ToWorker } from './lab-protocol';
import { createPortTransport, type PortLike } from './port-transport';
import { fetchRrdUpdates, parseLegendEntry, parseRrdUpdates, RrdUpdatesError, rrdUpdatesPath, seriesOf } from './rrd-updates-client';

const HOST = 'a1b2c3d4-0000-4000-8000-000000000001';
const VM = 'b1b2c3d4-0000-4000-8000-000000000002';

const XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<xport><meta><start>1767600005</start><step>5</step><end>1767600015</end><rows>3</rows><columns>2</columns>' +
  `<legend><entry>AVERAGE:host:${HOST}:cpu0</entry><entry>AVERAGE:vm:${VM}:vbd_xvda_read</entry></legend></meta>` +
  '<data><row><t>1767600015</t><v>0.25</v><v>NaN</v></row><row><t>1767600010</t><v>0.5</v><v>1024.0</v></row><row><t>1767600005</t><v>0.0</v><v>1.5e+06</v></row></data></xport>';

const JSON_NEW =
  `{"meta":{"start":"1767600005","step":"5","end":"1767600015","rows":"3","columns":"2","legend":["AVERAGE:host:${HOST}:cpu0","AVERAGE:vm:${VM}:vbd_xvda_read"]},` +
  '"data":[{"t":"1767600015","values":["0.25","NaN"]},{"t":"1767600010","values":["0.5","1024.0"]},{"t":"1767600005","values":["0.0","1.5e+06"]}]}';

const JSON_OLD =
  `{meta: {start: 1767600005,step: 5,end: 1767600015,rows: 3,columns: 2,legend: ["AVERAGE:host:${HOST}:cpu0","AVERAGE:vm:${VM}:vbd_xvda_read"]},` +
  'data: [{t: 1767600015,values: [0.25,NaN]},{t: 1767600010,values: [0.5,1024.0]},{t: 1767600005,values: [0.0,1.5e+06]}]}';

describe('parseRrdUpdates', () => {
  for (const [name, body] of [
    ['XML', XML],
    ['JSON (strings)', JSON_NEW],
    ['JSON (old, unquoted)', JSON_OLD],
  ] as const) {
    it(`reads ${name} into rows oldest first`, () => {
      const data = parseRrdUpdates(body);
      expect(data).toMatchObject({ start: 1767600005, end: 1767600015, step: 5 });
      expect(data.legend).toHaveLength(2);
      expect(data.columns[1]).toEqual({ cf: 'AVERAGE', kind: 'vm', uuid: VM, name: 'vbd_xvda_read' });
      expect(data.rows.map((r) => r.t)).toEqual([1767600005, 1767600010, 1767600015]);
      expect(data.rows[0]!.values).toEqual([0, 1.5e6]);
      expect(Number.isNaN(data.rows[2]!.values[1])).toBe(true);
      expect(seriesOf(data, { kind: 'host', name: 'cpu0' })).toEqual([
        [1767600005, 0],
        [1767600010, 0.5],
        [1767600015, 0.25],
      ]);
    });
  }

  it('reads an empty answer and legend names with colons', () => {
    const data = parseRrdUpdates('<?xml version="1.0" encoding="UTF-8"?>\n<xport><meta><start>0</start><step>60</step><end>0</end><rows>0</rows><columns>0</columns><legend/></meta><data/></xport>');
    expect(data).toMatchObject({ step: 60, legend: [], rows: [] });
    expect(parseLegendEntry('MAX:host:u:sr_x:read').name).toBe('sr_x:read');
  });
});

describe('rrdUpdatesPath', () => {
  it('writes xapi parameters and the XenLab extensions', () => {
    expect(rrdUpdatesPath('OpaqueRef:s', { start: -600, cf: 'AVERAGE', host: true, vmUuids: [VM, 'x'], interval: 60, hostUuid: HOST, maxPoints: 300 })).toBe(
      `/rrd_updates?session_id=OpaqueRef%3As&start=-600&interval=60&cf=AVERAGE&host=true&vm_uuid=${VM}&vm_uuid=x&host_uuid=${HOST}&max_points=300&json=true`,
    );
    expect(rrdUpdatesPath('s', { start: 5.7, json: false })).toBe('/rrd_updates?session_id=s&start=5');
    expect(rrdUpdatesPath('s', { start: -60, dataSources: ['cpu_avg', 'cpu_usage'] })).toBe('/rrd_updates?session_id=s&start=-60&ds=cpu_avg&ds=cpu_usage&json=true');
  });
});

/** A port whose "worker" answers http-get with `answer` and rpc with `{ ok: id }`. */
function fakePort(answer: (path: string) => { status: number; body: string }): PortLike & { posted: ToWorker[] } {
  const listeners = new Set<(event: { readonly data: unknown }) => void>();
  const posted: ToWorker[] = [];
  return {
    posted,
    postMessage(message) {
      posted.push(message);
      queueMicrotask(() => {
        const data =
          message.kind === 'http-get'
            ? { kind: 'http-get', id: message.id, contentType: 'application/json', ...answer(message.path) }
            : message.kind === 'rpc'
              ? { kind: 'rpc', id: message.id, response: { ok: message.id } }
              : undefined;
        for (const l of listeners) l({ data });
      });
    },
    addEventListener: (_type, l) => listeners.add(l),
    removeEventListener: (_type, l) => listeners.delete(l),
  };
}

describe('fetchRrdUpdates over the worker port', () => {
  it('gets, parses, and keeps rpc and http-get answers apart', async () => {
    const port = fakePort(() => ({ status: 200, body: JSON_NEW }));
    const transport = createPortTransport(port);
    const [rpc, data] = await Promise.all([
      transport.send({ jsonrpc: '2.0', method: 'x', params: [], id: 1 }),
      fetchRrdUpdates(transport.httpGet, 'OpaqueRef:s', { start: -60, host: true }),
    ]);
    expect(rpc).toEqual({ ok: 1 });
    expect(data.rows).toHaveLength(3);
    expect(port.posted[1]).toMatchObject({ kind: 'http-get', id: 2, path: '/rrd_updates?session_id=OpaqueRef%3As&start=-60&host=true&json=true' });
  });

  it('rejects with the status, and tells "no archive yet" apart', async () => {
    const transport = createPortTransport(fakePort(() => ({ status: 500, body: '<html>Rrd.No_RRA_Available</html>' })));
    const e = await fetchRrdUpdates(transport.httpGet, 's', { start: 0 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RrdUpdatesError);
    expect(e).toMatchObject({ status: 500, noData: true });
  });
});
