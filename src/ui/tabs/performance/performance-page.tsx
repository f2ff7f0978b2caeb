// The Performance tab of a VM or a host (XenCenter's PerformancePage),
// loaded lazily with uPlot: the toolbar, then the object's graphs, each
// drawn from the pool's RRD archive for the chosen zoom. Graphs can be
// added, edited, moved and deleted; the layout is saved in the pool's
// gui_config, where XenCenter keeps it.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { explainFailure } from '../../actions/report';
import type { ObjectCache } from '../../cache/object-cache';
import { useCacheSelector } from '../../cache/use-cache';
import { useLab } from '../../lab/lab-context';
import { ConfirmDialog } from '../../dialogs/confirm-dialog';
import { GraphDetailsDialog, type GraphDetailsResult } from './graph-details-dialog';
import { defaultGraphs, moveGraph, savedGraphs, withGraphs, type DesignedGraph } from './graph-layout';
import { PerformanceGraph } from './performance-graph';
import { usePerformanceData } from './performance-queries';
import { namesOf, performanceTarget, sameTarget } from './performance-target';
import { PerformanceToolbar } from './performance-toolbar';
import { VmPerformanceNote } from './vm-performance-note';
import { DEFAULT_ZOOM, zoomOf, type ZoomId } from './zoom';

type Open = { kind: 'new' } | { kind: 'edit' } | { kind: 'delete' } | { kind: 'restore' } | undefined;

export default function PerformancePage({ objectRef }: { objectRef: string }) {
  const lab = useLab();
  const select = useCallback((c: ObjectCache) => performanceTarget(c, objectRef), [objectRef]);
  const target = useCacheSelector(select, sameTarget);
  const [zoomId, setZoomId] = useState<ZoomId>(DEFAULT_ZOOM);
  const [selected, setSelected] = useState(0);
  const [open, setOpen] = useState<Open>(undefined);
  const zoom = zoomOf(zoomId);
  const names = useMemo(() => (target === undefined ? {} : namesOf(target)), [target]);
  const saved = target === undefined ? undefined : savedGraphs(target.guiConfig, target.kind, target.uuid);
  const graphs = useMemo(() => saved ?? (target === undefined ? [] : defaultGraphs(target.kind, target.facts)), [saved, target]);
  const data = usePerformanceData(target?.kind ?? 'vm', target?.uuid ?? '', zoom, target?.live === true);

  const layout = useMutation({
    mutationKey: ['performance', 'layout', objectRef],
    mutationFn: async ({ next, toRecord = [] }: { next: readonly DesignedGraph[] | undefined; toRecord?: readonly string[] }) => {
      if (target === undefined || target.poolRef === undefined) throw new Error('The pool is not known yet.');
      for (const source of toRecord) await lab.client.call(`${target.kind === 'host' ? 'host' : 'VM'}.record_data_source`, target.ref, source);
      // Read gui_config as it is now: another console may have saved its own layouts meanwhile.
      const current = lab.cache.get('pool', target.poolRef)?.gui_config ?? {};
      await lab.client.call('pool.set_gui_config', target.poolRef, withGraphs(current, target.kind, target.uuid, next));
    },
  });

  if (target === undefined) return <p className="text-slate-600">This object has no performance data.</p>;
  const chosen = Math.min(selected, graphs.length - 1);
  const editBlocked = target.live ? undefined : `It is not possible to add or edit performance graphs on VM '${target.name}' because the VM is not running.`;
  const save = (next: readonly DesignedGraph[] | undefined, toRecord?: readonly string[], then?: () => void) =>
    layout.mutate({ next, ...(toRecord === undefined ? {} : { toRecord }) }, { onSuccess: () => then?.() });
  const failure = layout.error === null ? undefined : explainFailure(layout.error, lab.cache).detail;

  const saveDetails = ({ graph, toRecord }: GraphDetailsResult) => {
    const next = open?.kind === 'edit' ? graphs.map((g, i) => (i === chosen ? graph : g)) : [...graphs, graph];
    save(next, toRecord, () => {
      if (open?.kind === 'new') setSelected(next.length - 1);
      setOpen(undefined);
    });
  };

  return (
    <div className="flex flex-col gap-2">
      {target.kind === 'vm' && <VmPerformanceNote vmRef={target.ref} />}
      <PerformanceToolbar
        zoom={zoomId}
        onZoom={setZoomId}
        canMoveUp={chosen > 0}
        canMoveDown={chosen < graphs.length - 1}
        onMove={(by) => {
          save(moveGraph(graphs, chosen, by));
          setSelected(chosen + by);
        }}
        editBlocked={editBlocked}
        hasSelection={graphs.length > 0}
        canDelete={graphs.length > 1}
        showingDefaults={saved === undefined}
        onNew={() => setOpen({ kind: 'new' })}
        onEdit={() => setOpen({ kind: 'edit' })}
        onDelete={() => setOpen({ kind: 'delete' })}
        onRestoreDefaults={() => setOpen({ kind: 'restore' })}
      />
      <p className="m-0 text-xs text-slate-600" aria-live="polite">
        {target.live ? `Showing the last ${zoom.label.toLowerCase()} (one point per ${stepWords(data.data?.series?.step ?? zoom.step)}).` : `${target.name} is not running: there is no performance data to show.`}
        {data.isError && ` The performance data could not be read: ${explainFailure(data.error, lab.cache).detail}`}
      </p>
      {failure !== undefined && open === undefined && (
        <p role="alert" className="m-0 rounded-sm border border-red-200 bg-red-50 px-3 py-1.5 text-xs text-red-900">
          The graph layout was not saved. {failure}
        </p>
      )}
      {target.live &&
        graphs.map((graph, i) => (
          <PerformanceGraph
            key={`${String(i)}:${graph.name}:${graph.sources.join(',')}`}
            graph={graph}
            series={data.data?.series}
            from={data.data?.from ?? 0}
            to={data.data?.to ?? zoom.seconds}
            zoom={zoom}
            names={names}
            selected={i === chosen}
            onSelect={() => setSelected(i)}
            loading={data.isPending}
          />
        ))}
      {(open?.kind === 'new' || open?.kind === 'edit') && (
        <GraphDetailsDialog
          kind={target.kind}
          objectRef={target.ref}
          graph={open.kind === 'edit' ? graphs[chosen] : undefined}
          names={names}
          saving={layout.isPending}
          error={failure}
          onSave={saveDetails}
          onClose={() => {
            layout.reset();
            setOpen(undefined);
          }}
        />
      )}
      {open?.kind === 'delete' && graphs[chosen] !== undefined && (
        <ConfirmDialog
          title="Delete Graph"
          button="Yes"
          yesNo
          text={`Are you sure you want to delete '${graphs[chosen].name}'?  This operation cannot be undone.`}
          onConfirm={() => save(graphs.filter((_, i) => i !== chosen))}
          onClose={() => setOpen(undefined)}
        />
      )}
      {open?.kind === 'restore' && (
        <ConfirmDialog
          title="Restore Default Graphs"
          button="Yes"
          yesNo
          text="Are you sure you want to restore the default graphs?  This operation will delete existing graphs and cannot be undone."
          onConfirm={() => {
            save(undefined);
            setSelected(0);
          }}
          onClose={() => setOpen(undefined)}
        />
      )}
    </div>
  );
}

function stepWords(step: number): string {
  if (step % 86400 === 0) return step === 86400 ? 'day' : `${String(step / 86400)} days`;
  if (step % 3600 === 0) return step === 3600 ? 'hour' : `${String(step / 3600)} hours`;
  if (step % 60 === 0) return step === 60 ? 'minute' : `${String(step / 60)} minutes`;
  return `${String(step)} seconds`;
}
