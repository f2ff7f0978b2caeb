// The NICs tab of a server: its physical network interfaces with link,
// speed, duplex and the hardware behind each.
import { useCallback } from 'react';
import { useCacheSelector } from '../../cache/use-cache';
import type { ObjectCache } from '../../cache/object-cache';
import { sameRows } from '../common/rows';
import { DataTable, Td, Th, Tr } from '../common/table';
import { nicRows } from './network-rows';

const dash = (s: string) => (s === '' ? '—' : s);

export function NicsTab({ hostRef }: { hostRef: string }) {
  const select = useCallback((c: ObjectCache) => nicRows(c, hostRef), [hostRef]);
  const rows = useCacheSelector(select, sameRows);
  return (
    <DataTable caption="Physical network interfaces" columns={['NIC', 'MAC', 'Link Status', 'Speed', 'Duplex', 'Vendor', 'Device', 'PCI Bus']} empty="This server has no physical NICs.">
      {rows.map((r) => (
        <Tr key={r.ref}>
          <Th>{r.nic}</Th>
          <Td nowrap>
            <span className="font-mono text-xs">{r.mac}</span>
          </Td>
          <Td>{r.link}</Td>
          <Td nowrap>{dash(r.speed)}</Td>
          <Td>{dash(r.duplex)}</Td>
          <Td>{dash(r.vendor)}</Td>
          <Td>{dash(r.device)}</Td>
          <Td nowrap>
            <span className="font-mono text-xs">{dash(r.pciBus)}</span>
          </Td>
        </Tr>
      ))}
    </DataTable>
  );
}
