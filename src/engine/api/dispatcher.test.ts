// Errors exactly as XenAPI raises them, and bad input never changes the world.
import { describe, expect, it } from 'vitest';
import { XenApiError } from '../../xapi/errors';
import { createLab } from '../testing/lab';

async function codeOf(p: Promise<unknown>): Promise<[string, readonly string[]]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof XenApiError) return [e.code, e.params];
    throw e;
  }
  throw new Error('expected a XenAPI error');
}

describe('dispatcher', () => {
  it('refuses a wrong password with SESSION_AUTHENTICATION_FAILED', async () => {
    const { engine } = await createLab();
    const [code, params] = await codeOf(engine.call('session.login_with_password', ['root', 'wrong', '1.0', 'x']));
    expect(code).toBe('SESSION_AUTHENTICATION_FAILED');
    expect(params[0]).toBe('root');
  });

  it('accepts the two-parameter login older clients send', async () => {
    const { engine } = await createLab();
    const session = await engine.call('session.login_with_password', ['root', 'xenlab']);
    expect(String(session)).toMatch(/^OpaqueRef:/);
  });

  it('answers SESSION_INVALID for an unknown or logged-out session', async () => {
    const lab = await createLab();
    expect(await codeOf(lab.engine.call('VM.get_all', ['OpaqueRef:nope']))).toEqual(['SESSION_INVALID', ['OpaqueRef:nope']]);
    await lab.call('session.logout');
    expect((await codeOf(lab.call('VM.get_all')))[0]).toBe('SESSION_INVALID');
  });

  it('answers MESSAGE_METHOD_UNKNOWN and MESSAGE_PARAMETER_COUNT_MISMATCH', async () => {
    const lab = await createLab();
    expect(await codeOf(lab.call('VM.frobnicate'))).toEqual(['MESSAGE_METHOD_UNKNOWN', ['VM.frobnicate']]);
    expect(await codeOf(lab.call('Async.VM.get_all'))).toEqual(['MESSAGE_METHOD_UNKNOWN', ['Async.VM.get_all']]);
    expect(await codeOf(lab.call('VM.get_record'))).toEqual(['MESSAGE_PARAMETER_COUNT_MISMATCH', ['VM.get_record', '2', '1']]);
  });

  it('answers HANDLE_INVALID for an unknown ref and UUID_INVALID for an unknown uuid', async () => {
    const lab = await createLab();
    expect(await codeOf(lab.call('VM.get_record', 'OpaqueRef:missing'))).toEqual(['HANDLE_INVALID', ['VM', 'OpaqueRef:missing']]);
    const [host] = await lab.call<string[]>('host.get_all');
    expect((await codeOf(lab.call('VM.get_record', host)))[0]).toBe('HANDLE_INVALID');
    expect((await codeOf(lab.call('VM.get_by_uuid', 'not-a-uuid')))[0]).toBe('UUID_INVALID');
  });

  it('checks parameter types and field values before anything changes', async () => {
    const lab = await createLab();
    const vm = (await lab.call<string[]>('VM.get_all'))[0]!;
    const before = JSON.stringify(lab.engine.snapshot().world);
    expect((await codeOf(lab.call('VM.set_name_label', vm, 42)))[0]).toBe('FIELD_TYPE_ERROR');
    expect((await codeOf(lab.call('VM.start', vm, 'yes', false)))[0]).toBe('FIELD_TYPE_ERROR');
    expect((await codeOf(lab.call('VM.set_other_config', vm, { a: 1 })))[0]).toBe('FIELD_TYPE_ERROR');
    expect((await codeOf(lab.call('VM.set_ha_restart_priority', vm, { not: 'a string' })))[0]).toBe('FIELD_TYPE_ERROR');
    expect(JSON.stringify(lab.engine.snapshot().world)).toBe(before);
  });

  // XML-RPC carries every int as a decimal string (wire-protocol.md); Xen
  // Orchestra's client sends them so. Handlers must see numbers, or they store
  // a string in an int field.
  it('hands int parameters sent as decimal strings to handlers as numbers', async () => {
    const lab = await createLab();
    const vm = (await lab.call<string[]>('VM.get_all'))[0]!;
    await lab.call('VM.set_order', vm, '3');
    await lab.call('VM.set_start_delay', vm, '12');
    expect(await lab.call('VM.get_order', vm)).toBe(3);
    expect(await lab.call('VM.get_start_delay', vm)).toBe(12);
    expect((await codeOf(lab.call('VM.set_order', vm, '3.5')))[0]).toBe('FIELD_TYPE_ERROR');
  });

  it('generates get_/set_/add_to_/remove_from_ accessors from the datamodel', async () => {
    const lab = await createLab();
    const vm = (await lab.call<string[]>('VM.get_all'))[0]!;
    await lab.call('VM.set_name_label', vm, 'renamed');
    expect(await lab.call('VM.get_name_label', vm)).toBe('renamed');
    expect(await lab.call('VM.get_by_name_label', 'renamed')).toEqual([vm]);
    await lab.call('VM.add_to_other_config', vm, 'folder', '/lab');
    expect((await codeOf(lab.call('VM.add_to_other_config', vm, 'folder', '/x')))[0]).toBe('MAP_DUPLICATE_KEY');
    expect((await lab.call<Record<string, string>>('VM.get_other_config', vm))['folder']).toBe('/lab');
    await lab.call('VM.remove_from_other_config', vm, 'folder');
    expect((await lab.call<Record<string, string>>('VM.get_other_config', vm))['folder']).toBeUndefined();
    await lab.call('VM.add_tags', vm, 'web');
    expect(await lab.call('VM.get_tags', vm)).toContain('web');
    const uuid = await lab.call<string>('VM.get_uuid', vm);
    expect(await lab.call('VM.get_by_uuid', uuid)).toBe(vm);
    // Read-only fields have no setter.
    expect((await codeOf(lab.call('VM.set_power_state', vm, 'Running')))[0]).toBe('MESSAGE_METHOD_UNKNOWN');
  });

  it('lists its methods for discovery', async () => {
    const lab = await createLab();
    const { engine } = lab;
    const methods = (await engine.call('system.listMethods', [])) as string[];
    // With the session first, as xen-api's `call` sends it: the same answer.
    expect(await engine.call('system.listMethods', [lab.session])).toEqual(methods);
    expect(methods).toContain('VM.get_all_records');
    expect(methods).toContain('Async.VM.start');
    expect(methods).toContain('host.get_all_records');
  });
});
