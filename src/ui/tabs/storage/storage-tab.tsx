// The Storage tab: a VM's disks, an SR's virtual disks, or the SRs of a
// server or pool with their usage, in XenCenter's columns.
import { useCallback } from 'react';
import { useCacheSelector } from '../../cache/use-cache';
import type { ObjectCache } from '../../cache/object-cache';
import { formatBytes } from '../../format/bytes';
import { yesNo } from '../../format/storage-words';
import { useUi } from '../../state/ui-store';
import { BUTTON_SECONDARY } from '../../dialogs/dialog-styles';
import { CommandBar } from '../common/command-bar';
import { sameRows } from '../common/rows';
import { SelectableTr, useRowSelection } from '../common/selectable-row';
import { DataTable, Td, Th, Tr, type Column } from '../common/table';
import type { FocusedObject } from '../object-kind';
import { SR_DISK_COMMANDS, VM_DISK_COMMANDS } from './disk-commands';
import { srRows, srVdiRows, vmDiskRows } from './storage-rows';
import { UsageCell } from './usage-cell';

export function StorageTab({ focus }: { focus: FocusedObject }) {
  const ref = focus.ref ?? '';
  switch (focus.kind) {
    case 'vm':
    case 'template':
    case 'snapshot':
      return <VmDisks vmRef={ref} editable={focus.kind === 'vm'} />;
    case 'sr':
      return <SrDisks srRef={ref} />;
    case 'host':
      return <SrList hostRef={ref} />;
    case 'pool':
      return <SrList hostRef={undefined} />;
    default:
      return null;
  }
}

const DISK_COLUMNS: readonly Column[] = ['Position', 'Name', 'Description', 'SR', 'SR Type', { label: 'Size', numeric: true }, 'Read Only', 'Priority', 'Active', 'Device Path'];

function VmDisks({ vmRef, editable }: { vmRef: string; editable: boolean }) {
  const select = useCallback((c: ObjectCache) => vmDiskRows(c, vmRef), [vmRef]);
  const rows = useCacheSelector(select, sameRows);
  const [chosen, choose] = useRowSelection(rows.map((r) => r.ref));
  return (
    <div>
    <DataTable caption="Virtual disks" columns={DISK_COLUMNS} empty="This VM has no disks.">
      {rows.map((r) => (
        <SelectableTr key={r.ref} selected={chosen === r.ref} onSelect={() => choose(r.ref)}>
          <Td>{r.position}</Td>
          <Th>{r.name}</Th>
          <Td>{r.description}</Td>
          <Td nowrap>{r.sr === '' ? '—' : r.sr}</Td>
          <Td nowrap>{r.srType === '' ? '—' : r.srType}</Td>
          <Td nowrap numeric>
            {r.size === undefined ? '—' : formatBytes(r.size)}
          </Td>
          <Td>{yesNo(r.readOnly)}</Td>
          <Td>{r.priority}</Td>
          <Td>{yesNo(r.active)}</Td>
          <Td nowrap>{r.devicePath === '' ? '—' : r.devicePath}</Td>
        </SelectableTr>
      ))}
    </DataTable>
    {editable && <CommandBar label="Virtual disk commands" commands={VM_DISK_COMMANDS} owner={vmRef} row={chosen} />}
    </div>
  );
}

function SrDisks({ srRef }: { srRef: string }) {
  const showHidden = useUi((s) => s.viewOptions.showHidden);
  const select = useCallback((c: ObjectCache) => srVdiRows(c, srRef, showHidden), [srRef, showHidden]);
  const rows = useCacheSelector(select, sameRows);
  const [chosen, choose] = useRowSelection(rows.map((r) => r.ref));
  return (
    <div>
    <DataTable caption="Virtual disks on this storage repository" columns={['Name', 'Description', { label: 'Size', numeric: true }, { label: 'Space used', numeric: true }, 'Virtual Machine', 'Read Only', 'CBT']} empty="There are no virtual disks on this storage repository.">
      {rows.map((r) => (
        <SelectableTr key={r.ref} selected={chosen === r.ref} onSelect={() => choose(r.ref)}>
          <Th>{r.name}</Th>
          <Td>{r.description}</Td>
          <Td nowrap numeric>
            {formatBytes(r.size)}
          </Td>
          <Td nowrap numeric>
            {formatBytes(r.used)}
          </Td>
          <Td>{r.vms === '' ? '—' : r.vms}</Td>
          <Td>{yesNo(r.readOnly)}</Td>
          <Td>{r.cbt ? 'Enabled' : 'Disabled'}</Td>
        </SelectableTr>
      ))}
    </DataTable>
    <CommandBar label="Virtual disk commands" commands={SR_DISK_COMMANDS} owner={srRef} row={chosen} />
    </div>
  );
}

function SrList({ hostRef }: { hostRef: string | undefined }) {
  const select = useCallback((c: ObjectCache) => srRows(c, hostRef), [hostRef]);
  const rows = useCacheSelector(select, sameRows);
  const pool = hostRef === undefined;
  const openDialog = useUi((s) => s.openDialog);
  const columns: Column[] = ['Name', 'Description', 'Type', 'Shared', ...(pool ? ['Server'] : []), 'Usage', { label: 'Size', numeric: true }, { label: 'Virtual allocation', numeric: true }];
  return (
    <div>
    <DataTable caption={pool ? 'Storage repositories in the pool' : 'Storage repositories of this server'} columns={columns} empty="No storage repositories.">
      {rows.map((r) => (
        <Tr key={r.ref}>
          <Th>{r.name}</Th>
          <Td>{r.description}</Td>
          <Td nowrap>{r.type}</Td>
          <Td>{yesNo(r.shared)}</Td>
          {pool ? <Td nowrap>{r.server === '' ? '—' : r.server}</Td> : null}
          <Td nowrap>
            <UsageCell used={r.used} size={r.size} />
          </Td>
          <Td nowrap numeric>
            {formatBytes(r.size)}
          </Td>
          <Td nowrap numeric>
            {formatBytes(r.allocation)}
          </Td>
        </Tr>
      ))}
    </DataTable>
    <div className="mt-2">
      <button type="button" className={BUTTON_SECONDARY} onClick={() => openDialog({ kind: 'new-sr' })}>
        New SR…
      </button>
    </div>
    </div>
  );
}
