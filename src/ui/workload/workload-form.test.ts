import { describe, expect, it } from 'vitest';
import { chooseWorkload, formErrors, formFromWorkload, paramLabel, workloadCall, workloadChanged } from './workload-form';
import type { WorkloadDef } from './workload-queries';

const web: WorkloadDef = {
  name: 'web-server',
  label: 'Web server',
  description: 'HTTP',
  params: {
    load: { default: 0.35, min: 0, max: 1, unit: 'fraction', description: 'CPU demand' },
    requests: { default: 250, min: 0, max: 100000, unit: 'requests/s', description: 'Requests per second' },
  },
};
const idle: WorkloadDef = { name: 'idle', label: 'Idle', description: 'quiet', params: { load: { default: 0.03, min: 0, max: 1, unit: 'fraction', description: 'CPU' } } };
const current = { name: 'web-server', label: 'Web server', description: '', params: { load: 0.35, requests: 400 }, explicit: true };

describe('workload form', () => {
  it('starts from what the VM runs', () => {
    expect(formFromWorkload(current, [web, idle])).toEqual({ name: 'web-server', params: { load: '0.35', requests: '400' } });
  });

  it('checks each parameter against its bounds as typed', () => {
    const form = { name: 'web-server', params: { load: '1.5', requests: 'lots' } };
    expect(formErrors(form, web)).toEqual({ load: 'Enter a number between 0 and 1.', requests: 'Enter a number between 0 and 100000.' });
    expect(formErrors({ name: 'web-server', params: { load: ' 0.5 ', requests: '10' } }, web)).toEqual({});
    expect(formErrors({ name: 'gone', params: {} }, undefined)).toEqual({ name: 'Choose a workload.' });
  });

  it('sends only the parameters that differ from the defaults', () => {
    expect(workloadCall({ name: 'web-server', params: { load: '0.35', requests: '400' } }, web)).toEqual({ name: 'web-server', paramsJson: '{"requests":400}' });
    expect(workloadCall(chooseWorkload(idle), idle)).toEqual({ name: 'idle', paramsJson: '' });
  });

  it('knows when nothing changed, so an untouched default stays a default', () => {
    const byDefault = { ...current, explicit: false };
    expect(workloadChanged(formFromWorkload(byDefault, [web]), byDefault)).toBe(false);
    expect(workloadChanged({ name: 'web-server', params: { load: '0.35', requests: '401' } }, current)).toBe(true);
    expect(workloadChanged(chooseWorkload(idle), current)).toBe(true);
  });

  it('labels parameters in words', () => {
    expect(['requests', 'response_kib', 'utc_offset', 'dirty_mib_per_s'].map(paramLabel)).toEqual(['Requests', 'Response KiB', 'UTC offset', 'Dirty MiB per s']);
  });
});
