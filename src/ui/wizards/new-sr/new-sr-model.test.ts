import { describe, expect, it } from 'vitest';
import { XenApiError } from '../../../xapi/errors';
import { EMPTY_LOCATION, createArgs, deviceConfig, failureText, parseExports, parseIqns, parseLuns, parseSrUuids, portError, shareError } from './new-sr-model';

describe('New SR wizard model', () => {
  it('checks share names and ports at the field', () => {
    expect(shareError('nfs', '')).toBe('Enter the share name, as server:/path.');
    expect(shareError('nfs', 'storage-01')).toMatch(/server:\/path/);
    expect(shareError('nfs', 'storage-01:export')).toMatch(/starts with \//);
    expect(shareError('nfs', 'storage-01:/export/lab')).toBeUndefined();
    expect(shareError('cifs-iso', '\\\\files-01\\isos')).toBeUndefined();
    expect(shareError('cifs-iso', 'files-01:/isos')).toMatch(/\\\\server\\share/);
    expect(portError('3260')).toBeUndefined();
    expect(portError('70000')).toBeDefined();
    expect(portError('x')).toBeDefined();
  });

  it('builds the device_config and SR.create arguments of each type', () => {
    const f = { ...EMPTY_LOCATION, share: 'storage-01:/export/lab', nfsVersion: '4' as const };
    expect(deviceConfig('nfs', f)).toEqual({ server: 'storage-01', serverpath: '/export/lab', nfsversion: '4' });
    expect(createArgs('nfs', 'OpaqueRef:h', f, ' Lab NFS ', 'd')).toEqual(['OpaqueRef:h', { server: 'storage-01', serverpath: '/export/lab', nfsversion: '4' }, 0, 'Lab NFS', 'd', 'nfs', 'user', true, {}]);
    expect(deviceConfig('iscsi', { ...EMPTY_LOCATION, target: 'san-01', iqn: 'iqn.x', scsiId: '36' })).toEqual({ target: 'san-01', port: '3260', targetIQN: 'iqn.x', SCSIid: '36' });
    expect(createArgs('ext', 'OpaqueRef:h', EMPTY_LOCATION, 'x', '')).toEqual(['OpaqueRef:h', { device: '/dev/sdb' }, 0, 'x', '', 'ext', 'user', false, {}]);
    expect(deviceConfig('cifs-iso', { ...EMPTY_LOCATION, share: '\\\\files-01\\isos' })).toEqual({ location: '\\\\files-01\\isos', type: 'cifs' });
  });

  it('reads what SM probes answer', () => {
    expect(parseExports('<nfs-exports><Export><Target>1</Target><Path>/export/a</Path><Accesslist>*</Accesslist></Export></nfs-exports>')).toEqual([{ path: '/export/a', access: '*' }]);
    expect(parseIqns('<TGT><Index>0</Index><IPAddress>10.0.0.1</IPAddress><TargetIQN>iqn.a:b</TargetIQN></TGT>')).toEqual([{ address: '10.0.0.1', iqn: 'iqn.a:b' }]);
    expect(parseLuns('<LUN><vendor>V</vendor><serial>s</serial><LUNid>1</LUNid><size>42</size><SCSIid>36x</SCSIid></LUN>')).toEqual([{ lunId: '1', scsiId: '36x', size: 42, vendor: 'V', serial: 's' }]);
    expect(parseSrUuids('<SRlist><SR><UUID>u-1</UUID></SR></SRlist>')).toEqual(['u-1']);
    expect(failureText(new XenApiError('SR_BACKEND_FAILURE_73', ['', 'NFS mount error', '']))).toBe('NFS mount error (SR_BACKEND_FAILURE_73)');
  });
});
