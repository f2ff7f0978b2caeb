// rrd_updates: the document (archive choice, legend, rows, XML and JSON as
// xapi writes them), read back the way XenCenter and Xen Orchestra read it,
// and the request rules (session, start, cf, Accept) of answerRrdUpdates.
import { beforeAll, describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { rrdStoreOf } from './metrics-tick';
import { rrdUpdates, rrdUpdatesJson, rrdUpdatesXml, NoRraAvailable } from './rrd-updates';
import { answerRrdUpdates, clientPrefersJson } from './rrd/rrd-updates-http';
import { formatFloat, formatStored } from './rrd/float-format';
import { handSampler, withMetrics } from './rrd/rrd-test-kit';
import { planFastForward } from './metrics-tick';

let l: Lab;
let last: number;
let vmUuid: string;
let hostUuid: string;
let hostRef: string;

beforeAll(async () => {
  l = await createLab({ seed: 11 });
  withMetrics(l.engine, handSampler);
  planFastForward(l.engine, l.engine.now + 3 * 86400);
  l.engine.advance(3 * 86400);
  last = rrdStoreOf(l.engine).lastUpdate!;
  const vm = await l.vmByName('web-01');
  vmUuid = l.engine.world.get('VM', vm).uuid;
  hostRef = l.engine.world.get('VM', vm).resident_on;
  hostUuid = l.engine.world.get('host', hostRef).uuid;
});

describe('the document', () => {
  it('is xapi’s XML, byte for byte', () => {
    const u = rrdUpdates(l.engine, { start: last - 20, interval: 5, host: false, vmUuids: [vmUuid], cf: 'AVERAGE' });
    const rows = [0, 5, 10, 15, 20].map((d) => `<row><t>${last - d}</t><v>0.5</v><v>1073741824</v></row>`).join('');
    expect(rrdUpdatesXml(u)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<xport><meta><start>${last - 15}</start><step>5</step><end>${last}</end><rows>5</rows><columns>2</columns>` +
        `<legend><entry>AVERAGE:vm:${vmUuid}:cpu0</entry><entry>AVERAGE:vm:${vmUuid}:memory</entry></legend></meta>` +
        `<data>${rows}</data></xport>`,
    );
  });

  it('is xapi’s JSON, every number a string', () => {
    const u = rrdUpdates(l.engine, { start: last - 5, interval: 5, host: false, vmUuids: [vmUuid] });
    expect(JSON.parse(rrdUpdatesJson(u))).toEqual({
      meta: {
        start: String(last),
        step: '5',
        end: String(last),
        rows: '2',
        columns: '2',
        legend: [`AVERAGE:vm:${vmUuid}:cpu0`, `AVERAGE:vm:${vmUuid}:memory`],
      },
      data: [
        { t: String(last), values: ['0.5', '1073741824'] },
        { t: String(last - 5), values: ['0.5', '1073741824'] },
      ],
    });
  });

  it('writes empty legends and data as Xmlm does', () => {
    const u = rrdUpdates(l.engine, { start: last + 100, interval: 5, host: false, vmUuids: [vmUuid] });
    expect(rrdUpdatesXml(u)).toContain('<data/></xport>');
    expect(u.rows).toHaveLength(0);
  });

  it('chooses the archive by interval and by how far back start lies', () => {
    const pick = (start: number, interval: number) => rrdUpdates(l.engine, { start, interval, host: true, hostUuid, vmUuids: [] }).step;
    expect(pick(last - 300, 0)).toBe(5);
    expect(pick(last - 300, 5)).toBe(5);
    expect(pick(last - 300, 60)).toBe(60);
    expect(pick(last - 3 * 3600, 0)).toBe(3600); // past the 1-min archive's 2 hours
    expect(pick(last - 3 * 3600, 86400)).toBe(86400);
    expect(pick(0, 0)).toBe(86400); // older than every archive: the longest
  });

  it('gives per RRD, per consolidation function, per source columns; MIN/MAX only where kept', () => {
    const host = rrdUpdates(l.engine, { start: last - 600, interval: 60, host: true, hostUuid, vmUuids: [vmUuid] });
    const p = `host:${hostUuid}:`;
    expect(host.legend).toEqual([
      ...['cpu0', 'loadavg', 'memory_total_kib'].map((n) => `AVERAGE:${p}${n}`),
      ...['cpu0', 'loadavg', 'memory_total_kib'].map((n) => `MIN:${p}${n}`),
      ...['cpu0', 'loadavg', 'memory_total_kib'].map((n) => `MAX:${p}${n}`),
      `AVERAGE:vm:${vmUuid}:cpu0`,
      `AVERAGE:vm:${vmUuid}:memory`,
    ]);
    // The 5-s archive reaches back to start only if start is after its oldest row's start (Xen Orchestra asks for one step less).
    const fine = rrdUpdates(l.engine, { start: last - 595, interval: 5, host: true, hostUuid, vmUuids: [] });
    expect(fine.step).toBe(5);
    expect(fine.legend.every((e) => e.startsWith('AVERAGE:'))).toBe(true);
    const min = rrdUpdates(l.engine, { start: last - 600, interval: 60, cf: 'MIN', host: true, hostUuid, vmUuids: [] });
    expect(min.legend).toEqual(['cpu0', 'loadavg', 'memory_total_kib'].map((n) => `MIN:${p}${n}`));
    expect(() => rrdUpdates(l.engine, { start: last - 600, interval: 60, cf: 'MIN', host: true, vmUuids: [vmUuid] })).toThrow(NoRraAvailable);
    expect(() => rrdUpdates(l.engine, { start: last - 600, interval: 60, host: false, vmUuids: ['not-a-vm'] })).toThrow(NoRraAvailable);
  });

  it('returns rows newest first, back to start and no further than the archive goes', () => {
    const u = rrdUpdates(l.engine, { start: last - 3600, interval: 60, host: true, hostUuid, vmUuids: [] });
    expect(u.rows[0]!.t).toBe(Math.floor(last / 60) * 60);
    expect(u.rows.at(-1)!.t).toBeGreaterThanOrEqual(last - 3600);
    expect(u.rows).toHaveLength(61);
    for (let i = 1; i < u.rows.length; i++) expect(u.rows[i - 1]!.t - u.rows[i]!.t).toBe(60);
    expect(u.start).toBe(Math.floor((last - 3600) / 60) * 60 + 60);
    const week = rrdUpdates(l.engine, { start: last - 7 * 86400 + 3600, interval: 3600, host: true, hostUuid, vmUuids: [] });
    expect(week.rows).toHaveLength(168);
    const all = rrdUpdates(l.engine, { start: 0, interval: 3600, host: true, hostUuid, vmUuids: [] });
    expect([all.step, all.rows.length]).toEqual([86400, 366]); // nothing reaches back to 1970: the longest archive, whole
    expect(all.rows.filter((r) => !Number.isNaN(r.values[0]!))).toHaveLength(3);
    const relative = rrdUpdates(l.engine, { start: -60, interval: 5, host: true, hostUuid, vmUuids: [] });
    expect(relative.rows).toHaveLength(13);
  });

  it('answers for the whole pool unless host_uuid names one host', () => {
    const pool = rrdUpdates(l.engine, { start: last - 10, interval: 5, host: true });
    const owners = new Set(pool.legend.map((e) => e.split(':').slice(1, 3).join(':')));
    expect([...owners].filter((o) => o.startsWith('host:'))).toHaveLength(3);
    expect([...owners].filter((o) => o.startsWith('vm:'))).toHaveLength(9);
    const one = rrdUpdates(l.engine, { start: last - 10, interval: 5, host: true, hostUuid });
    const vms = [...new Set(one.legend.filter((e) => e.includes(':vm:')).map((e) => e.split(':')[2]))];
    const resident = [...l.engine.world.entries('VM')].filter(([, v]) => v.resident_on === hostRef && v.power_state === 'Running').map(([, v]) => v.uuid);
    expect(vms.sort()).toEqual(resident.sort());
  });

  it('keeps only the data sources named by ds (XenLab), in the same order, over HTTP too', () => {
    const all = rrdUpdates(l.engine, { start: -30, interval: 5, cf: 'AVERAGE', host: true });
    // The hand sampler: hosts report loadavg, VMs memory.
    const some = rrdUpdates(l.engine, { start: -30, interval: 5, cf: 'AVERAGE', host: true, dataSources: ['loadavg', 'memory'] });
    expect(some.legend).toEqual(all.legend.filter((e) => e.endsWith(':loadavg') || e.endsWith(':memory')));
    expect(some.legend.filter((e) => e.includes(':host:'))).toHaveLength(3);
    expect(some.legend.filter((e) => e.includes(':vm:'))).toHaveLength(9);
    expect(some.rows.map((r) => r.t)).toEqual(all.rows.map((r) => r.t));
    const j = all.legend.indexOf(some.legend[0]!);
    expect(some.rows[0]!.values[0]).toBe(all.rows[0]!.values[j]);
    const answer = answerRrdUpdates(l.engine, `session_id=${encodeURIComponent(l.session)}&start=-30&interval=5&cf=AVERAGE&host=true&ds=loadavg&ds=memory&json=true`);
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { meta: { legend: string[] } }).meta.legend).toEqual(some.legend);
  });

  it('merges rows for max_points, consolidating each function as its archive does', () => {
    const u = rrdUpdates(l.engine, { start: last - 86400 * 2, interval: 3600, host: true, hostUuid, vmUuids: [], maxPoints: 10 });
    expect(u.rows.length).toBeLessThanOrEqual(10);
    expect(u.step % 3600).toBe(0);
    const full = rrdUpdates(l.engine, { start: last - 86400 * 2, interval: 3600, host: true, hostUuid, vmUuids: [] });
    const col = (name: string) => full.legend.indexOf(name);
    const cpu = col(`AVERAGE:host:${hostUuid}:cpu0`);
    const maxCpu = col(`MAX:host:${hostUuid}:cpu0`);
    const bucket = full.rows.filter((r) => Math.ceil(r.t / u.step) === Math.ceil(u.rows[1]!.t / u.step));
    const known = bucket.map((r) => r.values[cpu]!).filter((v) => !Number.isNaN(v));
    expect(u.rows[1]!.values[cpu]).toBeCloseTo(known.reduce((a, b) => a + b, 0) / known.length, 6);
    expect(u.rows[1]!.values[maxCpu]).toBe(Math.max(...bucket.map((r) => r.values[maxCpu]!)));
  });
});

describe('read back as clients read it', () => {
  /** XenCenter's ArchiveMaintainer.RRD_Update_InspectCurrentNode: entries, then per row a <t> and <v>s in legend order. */
  function readLikeXenCenter(xml: string): Map<string, Map<number, string>> {
    const sets: Map<number, string>[] = [];
    const names: string[] = [];
    let time = 0;
    let column = 0;
    for (const [, tag, text] of xml.matchAll(/<(entry|t|v|row)>([^<]*)/g)) {
      if (tag === 'entry') {
        names.push(text!);
        sets.push(new Map());
      } else if (tag === 'row') column = 0;
      else if (tag === 't') time = Number(text);
      else if (column < sets.length) sets[column++]!.set(time, text!);
    }
    return new Map(names.map((n, i) => [n, sets[i]!]));
  }

  it('XenCenter: every legend entry gets its column of every row', () => {
    const u = rrdUpdates(l.engine, { start: last - 600, interval: 60, host: true, hostUuid });
    const sets = readLikeXenCenter(rrdUpdatesXml(u));
    expect([...sets.keys()]).toEqual(u.legend);
    const store = rrdStoreOf(l.engine);
    const host = store.get('host', hostUuid)!;
    const t = u.rows[3]!.t;
    expect(sets.get(`MAX:host:${hostUuid}:loadavg`)!.get(t)).toBe(formatStored(store.value(host, host.column.get('loadavg')!, 1, 2, t)));
    expect(sets.get(`AVERAGE:vm:${vmUuid}:memory`)!.get(t)).toBe('1073741824');
  });

  it('Xen Orchestra: JSON (json5-compatible), legend index → values, newest first, meta.step the asked interval', () => {
    const json = JSON.parse(rrdUpdatesJson(rrdUpdates(l.engine, { start: last - 600 + 5, interval: 5, cf: 'AVERAGE', host: true, hostUuid }))) as {
      meta: { step: string; end: string; legend: string[] };
      data: { t: string; values: string[] }[];
    };
    expect(+json.meta.step).toBe(5);
    expect(json.data).toHaveLength(120);
    expect(+json.data[0]!.t).toBeGreaterThan(+json.data[1]!.t);
    const stats: Record<string, number[]> = {};
    const data = [...json.data].reverse();
    json.meta.legend.forEach((legend, index) => {
      const [, type, uuid, metric] = /^AVERAGE:([^:]+):(.+):(.+)$/.exec(legend)!;
      if (uuid === vmUuid && type === 'vm') stats[metric!] = data.map((row) => +row.values[index]!);
    });
    expect(stats['cpu0']).toHaveLength(120);
    expect(stats['cpu0']!.every((v) => v === 0.5)).toBe(true);
  });
});

describe('floats as xapi prints them', () => {
  it('uses %0.15g, 0.0, NaN and Infinity; Float32 values print short', () => {
    expect(formatFloat(0)).toBe('0.0');
    expect(formatFloat(1)).toBe('1');
    expect(formatFloat(0.5)).toBe('0.5');
    expect(formatFloat(1e-5)).toBe('1e-05');
    expect(formatFloat(1.23456789012345e17)).toBe('1.23456789012345e+17');
    expect(formatFloat(0.0001234)).toBe('0.0001234');
    expect(formatFloat(NaN)).toBe('NaN');
    expect(formatFloat(-Infinity)).toBe('-Infinity');
    expect(formatFloat(2 / 3)).toBe('0.666666666666667');
    expect(formatStored(Math.fround(0.3))).toBe('0.3');
    expect(formatStored(Math.fround(268435456))).toBe('268435456');
    expect(formatStored(Math.fround(0.123456789))).toBe('0.12345679');
  });
});

describe('the request', () => {
  const ask = (search: string, facts: { accept?: string; cookie?: string } = {}) => answerRrdUpdates(l.engine, search, facts);

  it('needs a valid session: 401 with xapi’s realm', () => {
    for (const search of [`start=${last}`, `session_id=OpaqueRef:nope&start=${last}`]) {
      const a = ask(search);
      expect(a.status).toBe(401);
      expect(a.headers['WWW-Authenticate']).toBe('Basic realm="Get RRD updates."');
      expect(a.body).toContain('HTTP 401 unauthorised');
    }
    expect(ask(`start=${last}`, { cookie: `x=1; session_id=${encodeURIComponent(l.session)}` }).status).toBe(200);
  });

  it('needs start (400) as an integer (500); an unknown cf means all of them', () => {
    const s = `session_id=${encodeURIComponent(l.session)}`;
    expect(ask(s).status).toBe(400);
    expect(ask(s).body).toBe('');
    expect(ask(`${s}&start=soon`).status).toBe(500);
    const a = ask(`${s}&start=${last - 120}&interval=60&cf=average&host=true&host_uuid=${hostUuid}&vm_uuid=`);
    expect(a.status).toBe(200);
    expect(a.body).toContain('<entry>MIN:host:');
    const none = ask(`${s}&start=${last - 120}&interval=60&cf=MIN&vm_uuid=${vmUuid}`);
    expect(none.status).toBe(500);
    expect(none.body).toContain('Rrd.No_RRA_Available');
  });

  it('chooses JSON or XML as xapi does: Accept first, then the json parameter', () => {
    expect(clientPrefersJson(undefined, false)).toBe(false);
    expect(clientPrefersJson(undefined, true)).toBe(true);
    expect(clientPrefersJson('*/*', false)).toBe(true); // curl, wget, fetch
    expect(clientPrefersJson('text/xml', true)).toBe(false);
    expect(clientPrefersJson('application/json;q=0.5,text/xml', false)).toBe(false);
    expect(clientPrefersJson('text/xml,application/json', false)).toBe(true);
    expect(clientPrefersJson('text/*', true)).toBe(false);
    expect(clientPrefersJson('text/html', true)).toBe(true); // no preference between the two: the parameter decides
    expect(clientPrefersJson('text/xml, application/json', false)).toBe(false); // xapi does not trim the blank
    expect(clientPrefersJson('garbage', true)).toBe(true);
    const s = `session_id=${encodeURIComponent(l.session)}&start=${last - 10}&host=true`;
    expect(ask(`${s}&json=true`).headers['Content-Type']).toBe('application/json');
    expect(ask(s, { accept: 'text/xml' }).headers['Content-Type']).toBe('text/xml');
    expect(ask(s).body.startsWith('<?xml')).toBe(true);
  });
});
