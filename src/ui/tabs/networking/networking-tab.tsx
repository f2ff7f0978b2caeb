// The Networking tab: a VM's virtual network interfaces, or the networks of a
// server or pool with their NICs and the management interfaces' IP setup.
import { useCallback } from 'react';
import { useCacheSelector } from '../../cache/use-cache';
import type { ObjectCache } from '../../cache/object-cache';
import { yesNo } from '../../format/storage-words';
import { useUi } from '../../state/ui-store';
import { CommandBar } from '../common/command-bar';
import { sameRows } from '../common/rows';
import { SelectableTr, useRowSelection } from '../common/selectable-row';
import { DataTable, Panel, Td, Th, Tr } from '../common/table';
import type { FocusedObject } from '../object-kind';
import { NETWORK_COMMANDS, VM_VIF_COMMANDS } from './network-commands';
import { ipConfigRows, networkRows, vifRows } from './network-rows';

export function NetworkingTab({ focus }: { focus: FocusedObject }) {
  const ref = focus.ref ?? '';
  switch (focus.kind) {
    case 'vm':
    case 'template':
    case 'snapshot':
      return <VmInterfaces vmRef={ref} editable={focus.kind === 'vm'} />;
    case 'host':
      return <HostNetworks hostRef={ref} />;
    case 'pool':
      return <HostNetworks hostRef={undefined} />;
    default:
      return null;
  }
}

const dash = (s: string) => (s === '' ? '—' : s);

function VmInterfaces({ vmRef, editable }: { vmRef: string; editable: boolean }) {
  const select = useCallback((c: ObjectCache) => vifRows(c, vmRef), [vmRef]);
  const rows = useCacheSelector(select, sameRows);
  const [chosen, choose] = useRowSelection(rows.map((r) => r.ref));
  return (
    <div>
    <DataTable caption="Virtual network interfaces" columns={['Device', 'MAC', 'Limit', 'Network', 'IP Address', 'Active']} empty="This VM has no network interfaces.">
      {rows.map((r) => (
        <SelectableTr key={r.ref} selected={chosen === r.ref} onSelect={() => choose(r.ref)}>
          <Th>{r.device}</Th>
          <Td nowrap>
            <span className="font-mono text-xs">{r.mac}</span>
          </Td>
          <Td nowrap>{dash(r.limit)}</Td>
          <Td>{r.network}</Td>
          <Td>{dash(r.ip)}</Td>
          <Td>{yesNo(r.active)}</Td>
        </SelectableTr>
      ))}
    </DataTable>
    {editable && <CommandBar label="Network interface commands" commands={VM_VIF_COMMANDS} owner={vmRef} row={chosen} />}
    </div>
  );
}

function HostNetworks({ hostRef }: { hostRef: string | undefined }) {
  const showHidden = useUi((s) => s.viewOptions.showHidden);
  const selectNetworks = useCallback((c: ObjectCache) => networkRows(c, hostRef, showHidden), [hostRef, showHidden]);
  const selectIps = useCallback((c: ObjectCache) => ipConfigRows(c, hostRef), [hostRef]);
  const networks = useCacheSelector(selectNetworks, sameRows);
  const ips = useCacheSelector(selectIps, sameRows);
  const [chosen, choose] = useRowSelection(networks.map((r) => r.ref));
  const pool = hostRef === undefined; // the pool view has one row per network, not per NIC: no MAC
  return (
    <div>
      <Panel title="Networks">
        <DataTable caption="Networks" columns={['Name', 'Description', 'NIC', 'VLAN', 'Auto', 'Link Status', ...(pool ? [] : ['MAC']), { label: 'MTU', numeric: true }]} empty="No networks.">
          {networks.map((r) => (
            <SelectableTr key={r.ref} selected={chosen === r.ref} onSelect={() => choose(r.ref)}>
              <Th>{r.name}</Th>
              <Td>{r.description}</Td>
              <Td nowrap>{dash(r.nic)}</Td>
              <Td>{dash(r.vlan)}</Td>
              <Td>{yesNo(r.auto)}</Td>
              <Td nowrap>{dash(r.link)}</Td>
              {pool ? null : <Td nowrap>{r.mac === '' ? '—' : <span className="font-mono text-xs">{r.mac}</span>}</Td>}
              <Td numeric>{String(r.mtu)}</Td>
            </SelectableTr>
          ))}
        </DataTable>
        <CommandBar label="Network commands" commands={NETWORK_COMMANDS} owner={hostRef ?? ''} row={chosen} />
      </Panel>
      <Panel title="IP Address Configuration">
        <DataTable caption="IP address configuration" columns={[...(pool ? ['Server'] : []), 'Interface', 'Network', 'NIC', 'IP Setup', 'IP Address', 'Subnet mask', 'Gateway', 'DNS']}>
          {ips.map((r) => (
            <Tr key={r.ref}>
              {pool ? <Th>{r.server}</Th> : null}
              {pool ? <Td>{r.interface}</Td> : <Th>{r.interface}</Th>}
              <Td>{r.network}</Td>
              <Td>{r.nic}</Td>
              <Td>{r.mode}</Td>
              <Td nowrap>{dash(r.ip)}</Td>
              <Td nowrap>{dash(r.netmask)}</Td>
              <Td nowrap>{dash(r.gateway)}</Td>
              <Td nowrap>{dash(r.dns)}</Td>
            </Tr>
          ))}
        </DataTable>
      </Panel>
    </div>
  );
}
