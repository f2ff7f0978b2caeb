import { describe, expect, it } from 'vitest';
import type { RecordOf } from '../../xapi/types';
import { bootOrder, firmware, guestAddresses, managementAgent, operatingSystem, virtualizationMode } from './vm-words';

const vm = (over: Partial<RecordOf<'VM'>>) => ({ name_label: 'x', is_a_template: false, is_default_template: false, domain_type: 'hvm', HVM_boot_policy: 'BIOS order', HVM_boot_params: {}, platform: {}, ...over }) as RecordOf<'VM'>;
const gm = (over: Partial<RecordOf<'VM_guest_metrics'>>) => ({ os_version: {}, PV_drivers_version: {}, PV_drivers_detected: false, networks: {}, ...over }) as RecordOf<'VM_guest_metrics'>;

describe('vm words', () => {
  it('names the operating system without the Windows path tail', () => {
    expect(operatingSystem(vm({}), gm({ os_version: { name: 'Microsoft Windows Server 2022 Standard|C:\\Windows|\\Device\\Harddisk0\\Partition2' } }))).toBe('Microsoft Windows Server 2022 Standard');
    expect(operatingSystem(vm({}), undefined)).toBe('Unknown');
    expect(operatingSystem(vm({ is_a_template: true, is_default_template: true, name_label: 'Debian Bookworm 12' }), undefined)).toBe('Debian Bookworm 12');
  });
  it('gives the virtualization mode, with optimized drivers for HVM guests that have them', () => {
    expect(virtualizationMode(vm({ domain_type: 'hvm' }), gm({ PV_drivers_detected: true }))).toBe('HVM with optimized drivers');
    expect(virtualizationMode(vm({ domain_type: 'pv' }), gm({ PV_drivers_detected: true }))).toBe('PV');
    expect(virtualizationMode(vm({ domain_type: 'unspecified', HVM_boot_policy: '' }), undefined)).toBe('PV');
    expect(virtualizationMode(vm({ domain_type: 'pvh' }), undefined)).toBe('PVH');
  });
  it('reports the management agent version or its absence', () => {
    expect(managementAgent(gm({ PV_drivers_version: { major: '8', minor: '4', micro: '0', build: '1' } }))).toBe('Installed (version 8.4.0-1)');
    expect(managementAgent(undefined)).toBe('Not installed');
  });
  it('reads the boot order and firmware', () => {
    expect(bootOrder('cdn')).toEqual(['Hard Disk', 'DVD-Drive', 'Network']);
    expect(firmware(vm({ HVM_boot_params: { firmware: 'uefi' }, platform: { secureboot: 'true' } }))).toBe('UEFI Secure Boot');
    expect(firmware(vm({ HVM_boot_params: { order: 'cd' } }))).toBe('BIOS');
  });
  it('lists guest addresses, IPv4 first, without duplicates', () => {
    const m = gm({ networks: { '0/ip': '10.0.0.5', '0/ipv4/0': '10.0.0.5', '0/ipv6/0': 'fe80::1', '1/ip': '10.0.1.5' } });
    expect(guestAddresses(m)).toEqual(['10.0.0.5', '10.0.1.5', 'fe80::1']);
    expect(guestAddresses(m, '1')).toEqual(['10.0.1.5']);
  });
});
