// The GPU tab of a server or a pool (XenCenter shows it only where there are
// GPUs): each GPU group with its physical GPUs, where they sit and which VM
// holds each. XenLab models whole-GPU pass-through only (no vGPU types), so
// that is the one mode a GPU offers.
import { useCallback } from 'react';
import type { ObjectCache } from '../../cache/object-cache';
import { useCacheSelector } from '../../cache/use-cache';
import type { FocusedObject } from '../object-kind';
import { sameRows } from '../common/rows';
import { DataTable, Panel, Td, Th, Tr } from '../common/table';
import { gpuGroups, type GpuGroupRows } from './gpu-rows';

const sameGroups = (a: readonly GpuGroupRows[], b: readonly GpuGroupRows[]) =>
  a.length === b.length && a.every((g, i) => g.group === b[i]?.group && g.name === b[i].name && sameRows(g.rows, b[i].rows));

export function GpuTab({ focus }: { focus: FocusedObject }) {
  const hostRef = focus.kind === 'host' ? focus.ref : undefined;
  const select = useCallback((c: ObjectCache) => gpuGroups(c, hostRef), [hostRef]);
  const groups = useCacheSelector(select, sameGroups);
  const pool = hostRef === undefined;
  const columns = [...(pool ? ['Server'] : []), 'GPU', 'PCI Bus', 'Mode', 'Status'];
  return (
    <div className="p-3">
      <p className="mb-3 text-[13px] text-slate-600">
        Give a GPU to a VM on the GPU page of the VM&apos;s Properties. A passed-through GPU belongs to one VM at a time, needs the server&apos;s IOMMU (VT-d), and
        keeps that VM on its server: it cannot be migrated or suspended.
      </p>
      {groups.map((g) => (
        <Panel key={g.group} title={g.name}>
          <DataTable caption={`GPUs in ${g.name}`} columns={columns}>
            {g.rows.map((r) => (
              <Tr key={r.ref}>
                {pool && <Th>{r.server}</Th>}
                {pool ? <Td>{r.gpu}</Td> : <Th>{r.gpu}</Th>}
                <Td nowrap>
                  <span className="font-mono text-xs">{r.pciBus}</span>
                </Td>
                <Td>Pass-through whole GPU</Td>
                <Td>{r.use}</Td>
              </Tr>
            ))}
          </DataTable>
        </Panel>
      ))}
    </div>
  );
}
