import { describe, expect, it } from 'vitest';
import { reattachable, reattachSr } from './reattach';

describe('reattach', () => {
  it('offers only the SRs the pool does not know', () => {
    expect(reattachable(['aaa', 'BBB', 'ccc'], new Set(['bbb']))).toEqual(['aaa', 'ccc']);
    expect(reattachable(undefined, new Set())).toEqual([]);
  });

  it('introduces the SR, then creates and plugs a PBD per server in order', async () => {
    const calls: unknown[][] = [];
    const client = {
      callAsync<T>(method: string, ...args: readonly unknown[]): Promise<T> {
        calls.push([method, ...args]);
        const answer = method === 'SR.introduce' ? 'OpaqueRef:sr' : method === 'PBD.create' ? `OpaqueRef:pbd${String(calls.length)}` : '';
        return Promise.resolve(answer as T);
      },
    };
    const config = { server: '192.168.10.5', serverpath: '/export/lab', nfsversion: '3' };
    const sr = await reattachSr(client, { kind: 'nfs', uuid: 'u-1', name: ' Lab NFS ', description: 'd', deviceConfig: config, hosts: ['OpaqueRef:h1', 'OpaqueRef:h2'] });
    expect(sr).toBe('OpaqueRef:sr');
    expect(calls).toEqual([
      ['SR.introduce', 'u-1', 'Lab NFS', 'd', 'nfs', 'user', true, {}],
      ['PBD.create', { host: 'OpaqueRef:h1', SR: 'OpaqueRef:sr', device_config: config, other_config: {} }],
      ['PBD.plug', 'OpaqueRef:pbd2'],
      ['PBD.create', { host: 'OpaqueRef:h2', SR: 'OpaqueRef:sr', device_config: config, other_config: {} }],
      ['PBD.plug', 'OpaqueRef:pbd4'],
    ]);
  });
});
