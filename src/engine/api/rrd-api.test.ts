// VM.* and host.* data-source methods through the XenAPI surface, on the
// default world with the hand sampler (rrd-test-kit.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { setSampler } from '../metrics/metrics-tick';
import { handSampler, withMetrics } from '../metrics/rrd/rrd-test-kit';
import { defineRrdApi, type DataSourceRecord } from './rrd-api';

async function lab(): Promise<Lab> {
  const l = await createLab({ seed: 5 });
  defineRrdApi(l.engine.methods); // until methods.ts registers it
  withMetrics(l.engine, handSampler);
  l.engine.advance(60);
  return l;
}

const rrddError = (tag: string, detail: string) => `Rrd_interface.Rrdd_error([S(${tag});S(${detail})])`;

describe('VM data sources', () => {
  let l: Lab;
  let vm: string;
  beforeAll(async () => {
    l = await lab();
    vm = await l.vmByName('web-01');
  });

  it('lists what the VM reports, sorted by name, recorded or not', async () => {
    const sources = await l.call<DataSourceRecord[]>('VM.get_data_sources', vm);
    expect(sources.map((s) => s.name_label)).toEqual(['cpu0', 'memory', 'runnable_vcpus']);
    expect(sources[0]).toEqual({
      name_label: 'cpu0',
      name_description: 'CPU0 usage',
      enabled: true,
      standard: true,
      units: '(fraction)',
      min: 0,
      max: 1,
      value: 0,
    });
    expect(sources[1]).toMatchObject({ name_label: 'memory', units: 'B', enabled: true, standard: true, min: 0, max: Infinity });
    expect(sources[2]).toMatchObject({ name_label: 'runnable_vcpus', enabled: false, standard: false });
  });

  it('answers the newest 5-s value of a recorded source', async () => {
    expect(await l.call('VM.query_data_source', vm, 'cpu0')).toBe(0.5);
    expect(await l.call('VM.query_data_source', vm, 'memory')).toBe(2 ** 30);
  });

  it('fails as xapi does for a source it does not record', async () => {
    for (const name of ['cpu9', 'runnable_vcpus']) {
      const e = await l.error('VM.query_data_source', vm, name);
      expect(e.toArray()).toEqual(['INTERNAL_ERROR', rrddError('Rrdd_internal_error', `Rrd.Invalid_data_source("${name}")`)]);
    }
    const e = await l.error('VM.record_data_source', vm, 'cpu9');
    expect(e.toArray()).toEqual(['INTERNAL_ERROR', rrddError('Datasource_missing', 'cpu9')]);
  });

  it('records a non-standard source on request, and forgets it again', async () => {
    await l.call('VM.record_data_source', vm, 'runnable_vcpus');
    await l.call('VM.record_data_source', vm, 'runnable_vcpus'); // again: nothing changes
    l.engine.advance(5);
    expect(await l.call('VM.query_data_source', vm, 'runnable_vcpus')).toBe(0.25);
    let sources = await l.call<DataSourceRecord[]>('VM.get_data_sources', vm);
    expect(sources.find((s) => s.name_label === 'runnable_vcpus')).toMatchObject({ enabled: true, standard: false });
    await l.call('VM.forget_data_source_archives', vm, 'runnable_vcpus');
    l.engine.advance(5);
    sources = await l.call<DataSourceRecord[]>('VM.get_data_sources', vm);
    expect(sources.find((s) => s.name_label === 'runnable_vcpus')).toMatchObject({ enabled: false });
    await l.call('VM.forget_data_source_archives', vm, 'no_such_source'); // idempotent
  });

  it('forgets the history of a standard source, which comes back empty at the next report', async () => {
    await l.call('VM.forget_data_source_archives', vm, 'cpu0');
    await l.error('VM.query_data_source', vm, 'cpu0');
    l.engine.advance(5);
    expect(await l.call('VM.query_data_source', vm, 'cpu0')).toBe(0.5);
  });

  it('needs a running VM (query: running or paused) and refuses templates', async () => {
    const halted = await l.vmByName('game-01');
    expect((await l.error('VM.get_data_sources', halted)).toArray()).toEqual(['VM_BAD_POWER_STATE', halted, 'running', 'halted']);
    expect((await l.error('VM.record_data_source', halted, 'cpu0')).toArray()).toEqual(['VM_BAD_POWER_STATE', halted, 'running', 'halted']);
    expect((await l.error('VM.query_data_source', halted, 'cpu0')).toArray()).toEqual(['VM_BAD_POWER_STATE', halted, 'running;paused', 'halted']);
    // A paused VM passes query's check; this one never reported, so xcp-rrdd has no RRD for it.
    const paused = await l.vmByName('ci-01');
    const uuid = l.engine.world.get('VM', paused).uuid;
    expect((await l.error('VM.query_data_source', paused, 'cpu0')).toArray()).toEqual(['INTERNAL_ERROR', rrddError('Datasource_missing', `VM: ${uuid}`)]);
    const [template] = [...l.engine.world.entries('VM')].find(([, r]) => r.is_a_template)!;
    expect((await l.error('VM.get_data_sources', template)).code).toBe('VM_IS_TEMPLATE');
    expect((await l.error('VM.get_data_sources', 'OpaqueRef:nope')).code).toBe('HANDLE_INVALID');
  });

  it('lists a recorded source the VM no longer reports as archival only', async () => {
    const l2 = await lab();
    const ref = await l2.vmByName('db-01');
    let dropMemory = false;
    setSampler(l2.engine, (e, t) =>
      handSampler(e, t).map((s) => {
        if (!dropMemory || s.kind !== 'vm') return s;
        const { memory: _drop, ...rest } = s.values;
        return { ...s, values: rest };
      }),
    );
    await l2.run('VM.hard_shutdown', ref);
    dropMemory = true;
    await l2.run('VM.start', ref, false, false);
    l2.engine.advance(10);
    const sources = await l2.call<DataSourceRecord[]>('VM.get_data_sources', ref);
    expect(sources.find((s) => s.name_label === 'memory')).toEqual({
      name_label: 'memory',
      name_description: 'description not available',
      enabled: false,
      standard: false,
      units: 'unknown',
      min: 0,
      max: Infinity,
      value: 0,
    });
  });
});

describe('host data sources', () => {
  it('lists, queries, records and forgets like the VM methods, without power-state checks', async () => {
    const l = await lab();
    const [host] = [...l.engine.world.entries('host')][0]!;
    const sources = await l.call<DataSourceRecord[]>('host.get_data_sources', host);
    expect(sources.map((s) => [s.name_label, s.name_description, s.units])).toEqual([
      ['cpu0', 'Physical cpu usage for cpu 0', '(fraction)'],
      ['loadavg', 'Domain0 loadavg', '(fraction)'],
      ['memory_total_kib', 'Total amount of memory in the host', 'KiB'],
    ]);
    expect(await l.call('host.query_data_source', host, 'memory_total_kib')).toBe(1024);
    expect((await l.error('host.query_data_source', host, 'cpu99')).toArray()).toEqual([
      'INTERNAL_ERROR',
      rrddError('Rrdd_internal_error', 'Rrd.Invalid_data_source("cpu99")'),
    ]);
    expect((await l.error('host.record_data_source', host, 'cpu99')).toArray()).toEqual(['INTERNAL_ERROR', rrddError('Datasource_missing', 'cpu99')]);
    await l.call('host.forget_data_source_archives', host, 'loadavg');
    await l.error('host.query_data_source', host, 'loadavg');
  });

  it('has nothing before the first tick', async () => {
    const l = await createLab({ seed: 5 });
    defineRrdApi(l.engine.methods);
    withMetrics(l.engine, handSampler);
    const [host] = [...l.engine.world.entries('host')][0]!;
    expect(await l.call('host.get_data_sources', host)).toEqual([]);
    expect((await l.error('host.query_data_source', host, 'cpu0')).toArray()).toEqual(['INTERNAL_ERROR', rrddError('Datasource_missing', 'No host datasource!')]);
    await l.call('host.record_data_source', host, 'cpu0'); // nothing to do yet
  });
});
