// New VM… and friends: where the wizard starts from, and when each can run.
import { describe, expect, it } from 'vitest';
import { addVm, PlainCache } from './testing/plain-cache';
import { convertToTemplate, copyVm, newVm, newVmStart } from './vm-create-actions';

const NO_HISTORY = { canGoBack: false, canGoForward: false };

function pool() {
  const cache = new PlainCache();
  const metrics = cache.add('host_metrics', { live: true });
  const host = cache.add('host', { name_label: 'xenserver-01', enabled: true, metrics });
  return { cache, host };
}

describe('New VM', () => {
  it('starts from a selected template (homed where it is), a server, or a running VM\'s server', () => {
    const { cache, host } = pool();
    const template = cache.add('VM', { name_label: 'web template', is_a_template: true, affinity: host });
    const vm = addVm(cache, 'web-01', 'Running', { resident_on: host });
    expect(newVmStart([template], cache)).toEqual({ template, host });
    expect(newVmStart([host], cache)).toEqual({ host });
    expect(newVmStart([vm], cache)).toEqual({ host });
    expect(newVmStart([], cache)).toEqual({});
  });

  it('is refused on a server in maintenance mode', () => {
    const { cache, host } = pool();
    cache.update('host', host, { enabled: false });
    expect(newVm.canRun([host], cache, NO_HISTORY)).toEqual({ ok: false, reason: 'This server is in maintenance mode; new VMs cannot be placed on it.' });
  });
});

describe('Convert to Template and Copy VM', () => {
  it('need a halted VM that allows the operation', () => {
    const { cache } = pool();
    const running = addVm(cache, 'web-01', 'Running');
    const halted = addVm(cache, 'game-01', 'Halted');
    expect(convertToTemplate.canRun([running], cache, NO_HISTORY)).toEqual({ ok: false, reason: 'Shut down the VM before converting it to a template.' });
    expect(convertToTemplate.canRun([halted], cache, NO_HISTORY)).toEqual({ ok: true });
    expect(copyVm.canRun([running], cache, NO_HISTORY)).toEqual({ ok: false, reason: 'Shut down the VM before copying it.' });
    expect(copyVm.canRun([halted], cache, NO_HISTORY)).toEqual({ ok: true });
  });
});
