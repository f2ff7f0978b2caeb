// Helpers for lab tests: answers for a quick install, and installing a preset
// machine into a standalone host through the Simulator API.
import type { InstallAnswers } from '../../xapi/simulator/install-answers';
import type { Lab } from '../testing/lab';

export function answers(overrides: Partial<InstallAnswers> = {}): InstallAnswers {
  return {
    bootSource: 'cd', keymap: '[qwerty] us', eulaAccepted: true, targetDisk: 0, localSr: 'lvm',
    source: { kind: 'local', url: '' }, supplementalPacks: false, verifyMedia: false,
    rootPassword: 'secret99', managementNic: 0,
    staticIp: { address: '192.168.10.31', netmask: '255.255.255.0', gateway: '192.168.10.1' },
    hostname: 'r750-a', dns: ['192.168.10.1'], timezone: 'Europe/London', ntp: 'default', ntpServers: [],
    ...overrides,
  };
}

/** Add a preset machine and install it; returns [machine id, host ref]. */
export async function installPreset(lab: Lab, preset: string, overrides: Partial<InstallAnswers> = {}): Promise<[string, string]> {
  const id = await lab.call<string>('Simulator.add_machine', preset, '');
  const host = await lab.run<string>('Simulator.install', id, answers(overrides));
  return [id, host];
}
