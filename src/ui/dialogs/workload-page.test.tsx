// The Workload page of a VM's Properties against a stub simulated pool: the
// page appears only where the pool knows workloads, parameters are checked
// as typed, and Save calls Simulator.set_workload with what changed.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { XenApiError } from '../../xapi/errors';
import { ObjectCache } from '../cache/object-cache';
import type { LabConnection } from '../lab/lab-connection';
import { LabProvider } from '../lab/lab-context';
import { PropertiesDialog } from './properties-dialog';

const CATALOGUE = [
  {
    name: 'web-server',
    label: 'Web server',
    description: 'An HTTP front end.',
    params: {
      load: { default: 0.35, min: 0, max: 1, unit: 'fraction', description: 'CPU demand per vCPU' },
      requests: { default: 250, min: 0, max: 100000, unit: 'requests/s', description: 'Requests per second' },
    },
  },
  { name: 'idle', label: 'Idle', description: 'A quiet server.', params: { load: { default: 0.03, min: 0, max: 1, unit: 'fraction', description: 'CPU demand' } } },
];

function setup(simulated: boolean) {
  const cache = new ObjectCache((flush) => flush());
  const vm = {
    name_label: 'web-01',
    name_description: '',
    tags: [],
    other_config: {},
    is_a_template: false,
    is_a_snapshot: false,
    is_control_domain: false,
    domain_type: 'hvm',
    HVM_boot_policy: 'BIOS order',
    guest_metrics: 'OpaqueRef:NULL',
  };
  cache.enqueue({ kind: 'initial', token: '1', events: [{ operation: 'add', class: 'VM', ref: 'OpaqueRef:web', snapshot: vm }] });
  const call = vi.fn((method: string) => {
    if (!simulated && method.startsWith('Simulator.')) return Promise.reject(new XenApiError('MESSAGE_METHOD_UNKNOWN', [method]));
    if (method === 'Simulator.list_workloads') return Promise.resolve(CATALOGUE);
    if (method === 'Simulator.get_workload') return Promise.resolve({ name: 'web-server', label: 'Web server', description: '', params: '{"load":0.35,"requests":250}', explicit: false });
    return Promise.resolve('');
  });
  const lab = { cache, client: { call } } as unknown as LabConnection;
  const onClose = vi.fn();
  render(
    <LabProvider lab={lab}>
      <QueryClientProvider client={new QueryClient()}>
        <PropertiesDialog objectRef="OpaqueRef:web" onClose={onClose} />
      </QueryClientProvider>
    </LabProvider>,
  );
  return { call, onClose };
}

describe('Properties → Workload', () => {
  it('shows the workload the VM runs, its parameters, and why its mode matters', async () => {
    setup(true);
    fireEvent.mouseDown(await screen.findByRole('tab', { name: 'Workload' }));
    const select = screen.getByRole('combobox', { name: 'Workload' }) as HTMLSelectElement;
    expect(select.value).toBe('web-server');
    expect(screen.getByText(/The default for this VM/)).toBeDefined();
    expect((screen.getByRole('textbox', { name: /Requests/ }) as HTMLInputElement).value).toBe('250');
    expect(screen.getByRole('note', { name: 'Virtualization mode' }).textContent).toContain('QEMU device emulation');
  });

  it('checks parameters as typed and keeps Save disabled until they are valid', async () => {
    setup(true);
    fireEvent.mouseDown(await screen.findByRole('tab', { name: 'Workload' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Load/ }), { target: { value: '2' } });
    expect(screen.getByText('Enter a number between 0 and 1.')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('tab', { name: /^Workload\s*\(has errors\)$/ })).toBeDefined();
  });

  it('saves another workload with the parameters that differ from its defaults', async () => {
    const { call, onClose } = setup(true);
    fireEvent.mouseDown(await screen.findByRole('tab', { name: 'Workload' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Workload' }), { target: { value: 'idle' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Load/ }), { target: { value: '0.2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(call.mock.calls.filter(([m]) => m === 'Simulator.set_workload')).toEqual([['Simulator.set_workload', 'OpaqueRef:web', 'idle', '{"load":0.2}']]);
  });

  it('leaves an untouched default alone when only the name changes', async () => {
    const { call, onClose } = setup(true);
    await screen.findByRole('tab', { name: 'Workload' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'web-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(call.mock.calls.map(([m]) => m)).not.toContain('Simulator.set_workload');
  });

  it('has no Workload page on a real pool', async () => {
    const { call } = setup(false);
    await waitFor(() => expect(call.mock.calls.map(([m]) => m)).toContain('Simulator.get_workload'));
    expect(screen.queryByRole('tab', { name: 'Workload' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Name' })).toBeDefined();
  });
});
