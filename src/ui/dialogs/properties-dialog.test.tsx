// The Properties dialog against a stub lab: validation as you type, the calls
// Save makes, and a refusal that keeps the dialog and the user's edits.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { XenApiError } from '../../xapi/errors';
import { ObjectCache } from '../cache/object-cache';
import type { LabConnection } from '../lab/lab-connection';
import { LabProvider } from '../lab/lab-context';
import { PropertiesDialog } from './properties-dialog';

function setup(call: (method: string, ...args: unknown[]) => Promise<unknown>) {
  const cache = new ObjectCache((flush) => flush());
  const vm = { name_label: 'web-01', name_description: 'nginx', tags: ['web'], other_config: {}, is_a_template: false, is_a_snapshot: false, is_control_domain: false };
  cache.enqueue({ kind: 'initial', token: '1', events: [{ operation: 'add', class: 'VM', ref: 'OpaqueRef:web', snapshot: vm }] });
  const lab = { cache, client: { call: vi.fn(call) } } as unknown as LabConnection;
  const onClose = vi.fn();
  render(
    <LabProvider lab={lab}>
      <QueryClientProvider client={new QueryClient()}>
        <PropertiesDialog objectRef="OpaqueRef:web" onClose={onClose} />
      </QueryClientProvider>
    </LabProvider>,
  );
  return { call: (lab.client as unknown as { call: ReturnType<typeof vi.fn> }).call, onClose };
}

const save = () => screen.getByRole('button', { name: 'Save' });

describe('PropertiesDialog', () => {
  it('is named after the object and checks the name as you type', () => {
    setup(() => Promise.resolve(''));
    expect(screen.getByRole('dialog', { name: 'Properties of web-01' })).toBeDefined();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: '' } });
    expect(screen.getByText('Enter a name.')).toBeDefined();
    expect(save().getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'web-02' } });
    expect(screen.queryByText('Enter a name.')).toBeNull();
    expect(save().getAttribute('aria-disabled')).toBeNull();
  });

  it('saves name, tags and folder with their XenAPI calls, then closes', async () => {
    const { call, onClose } = setup(() => Promise.resolve(''));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'web-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag web' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Tags' }), { target: { value: 'frontend' } });
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Tags' }), { key: 'Enter' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Folder' }), { target: { value: '/Production' } });
    fireEvent.click(save());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    // (Simulator.* look-ups read the VM's workload; only the changes are checked here.)
    expect(call.mock.calls.filter(([method]) => !String(method).startsWith('Simulator.'))).toEqual([
      ['VM.set_name_label', 'OpaqueRef:web', 'web-02'],
      ['VM.remove_tags', 'OpaqueRef:web', 'web'],
      ['VM.add_tags', 'OpaqueRef:web', 'frontend'],
      ['VM.add_to_other_config', 'OpaqueRef:web', 'folder', '/Production'],
    ]);
  });

  it('stays open with the server\'s error, keeping what the user typed', async () => {
    const { onClose } = setup(() => Promise.reject(new XenApiError('PERMISSION_DENIED', [])));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'web-02' } });
    fireEvent.click(save());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The changes were not saved.');
    expect(alert.textContent).toContain('You are not allowed to perform this operation.');
    expect(alert.textContent).toContain('PERMISSION_DENIED');
    expect(onClose).not.toHaveBeenCalled();
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('web-02');
  });
});
