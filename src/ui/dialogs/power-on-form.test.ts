import { describe, expect, it } from 'vitest';
import { powerOnCall, powerOnErrors, powerOnFormOf } from './power-on-form';

describe('Power On page form', () => {
  it('reads the mode back from the record, a mode it does not know as a custom script', () => {
    expect(powerOnFormOf('', {})).toMatchObject({ choice: 'disabled' });
    expect(powerOnFormOf('wake-on-lan', {})).toMatchObject({ choice: 'wake-on-lan' });
    expect(powerOnFormOf('DRAC', { power_on_ip: '10.0.0.5', power_on_user: 'root' })).toEqual({ choice: 'DRAC', ip: '10.0.0.5', user: 'root', script: '' });
    expect(powerOnFormOf('ipmitool', {})).toMatchObject({ choice: 'custom', script: 'ipmitool' });
  });

  it('asks iLO and DRAC for the controller address and user; a custom script for its name', () => {
    const drac = { choice: 'DRAC' as const, ip: '', user: '', script: '' };
    expect(powerOnErrors(drac)).toEqual({ ip: "Enter the address of the server's DRAC.", user: 'Enter the DRAC user name.' });
    expect(powerOnErrors({ ...drac, ip: '300.1.1.1', user: 'root' })).toEqual({ ip: 'Enter an IPv4 address or a host name.' });
    expect(powerOnErrors({ ...drac, ip: 'idrac-r750.lab', user: 'root' })).toEqual({});
    expect(powerOnErrors({ ...drac, choice: 'custom' })).toHaveProperty('script');
    expect(powerOnErrors({ ...drac, choice: 'wake-on-lan' })).toEqual({});
  });

  it('saves with host.set_power_on_mode\'s mode and power_on_config', () => {
    expect(powerOnCall({ choice: 'disabled', ip: 'x', user: 'y', script: '' })).toEqual(['', {}]);
    expect(powerOnCall({ choice: 'wake-on-lan', ip: '', user: '', script: '' })).toEqual(['wake-on-lan', {}]);
    expect(powerOnCall({ choice: 'iLO', ip: ' 10.0.0.9 ', user: 'admin', script: '' })).toEqual(['iLO', { power_on_ip: '10.0.0.9', power_on_user: 'admin' }]);
    expect(powerOnCall({ choice: 'custom', ip: '', user: '', script: ' ipmitool ' })).toEqual(['ipmitool', {}]);
  });
});
