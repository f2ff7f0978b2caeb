import { describe, it, expect } from 'vitest';
import { Engine } from '../engine';
import type { ClassName, RecordOf } from '../../xapi/types';
import { buildLargeWorld, LARGE_WORLD_HOSTS, LARGE_WORLD_VMS } from './large-world';
import { worldProblems } from './world-invariants';

describe('the large world', () => {
  const engine = Engine.create({ seed: 1, build: buildLargeWorld });
  const login = () => engine.call('session.login_with_password', ['root', 'xenlab', '1.0', 'test']) as Promise<string>;
  const all = async <C extends ClassName>(session: string, cls: C) => (await engine.call(`${cls}.get_all_records`, [session])) as Record<string, RecordOf<C>>;

  it('has 64 hosts and 1000 guests besides dom0s and templates', async () => {
    const session = await login();
    expect(Object.keys(await all(session, 'host'))).toHaveLength(LARGE_WORLD_HOSTS);
    const guests = Object.values(await all(session, 'VM')).filter((vm) => !vm.is_a_template && !vm.is_control_domain);
    expect(guests).toHaveLength(LARGE_WORLD_VMS);
    expect(new Set(guests.map((g) => g.name_label)).size).toBe(LARGE_WORLD_VMS);
  });

  it('runs about 70 % of its guests, spread so that no host is over memory', async () => {
    const session = await login();
    const guests = Object.values(await all(session, 'VM')).filter((vm) => !vm.is_a_template && !vm.is_control_domain);
    const running = guests.filter((g) => g.power_state === 'Running').length;
    expect(running / guests.length).toBeGreaterThan(0.6);
    expect(running / guests.length).toBeLessThan(0.8);
    const hosts = Object.values(await all(session, 'host'));
    for (const h of hosts) expect(h.resident_VMs.length, h.name_label).toBeGreaterThan(1);
  });

  it('keeps every rule of a consistent pool', async () => {
    expect(await worldProblems(engine, await login())).toEqual([]);
  });
});
