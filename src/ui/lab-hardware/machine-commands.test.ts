import { describe, expect, it } from 'vitest';
import { machineCommands } from './machine-commands';

describe('lab machine commands', () => {
  it('a bare machine offers Install XenServer… and the power switch for its state', () => {
    expect(machineCommands({ state: 'bare', power: 'off' })).toEqual([
      { id: 'install', label: 'Install XenServer…' },
      { id: 'power', label: 'Power On', on: true },
    ]);
    expect(machineCommands({ state: 'bare', power: 'on' }).map((c) => c.label)).toEqual(['Install XenServer…', 'Power Off']);
  });

  it('while the installer runs, only Show installer (no power switch under it)', () => {
    expect(machineCommands({ state: 'installing', power: 'on' })).toEqual([{ id: 'install', label: 'Show installer' }]);
  });
});
